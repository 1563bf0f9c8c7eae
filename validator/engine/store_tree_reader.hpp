// The OME-NGFF tree rules' view of a real store: arrays, groups with their OME metadata,
// and files, each read once and kept for the lifetime of one validation.
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "engine/parsed_documents.hpp"
#include "engine/validate.hpp"
#include "ngff/metadata.hpp"
#include "rules/ngff_tree.hpp"
#include "store/store.hpp"

namespace ozv {

// A group's OME metadata as located in its document, with what locating it reported.
struct LocatedGroup {
  GroupInfo info;
  const nlohmann::json* attributes = nullptr;  // zarr.json "attributes" (v3) or the .zattrs (v2)
  std::string attributes_pointer;              // "/attributes" (v3) or "" (v2)
  unsigned kinds = 0;                          // NgffKind bits
  Findings placement_findings;                 // NGFF-VER-001..004 for this node
};

// What the OME-NGFF rules need of an array's metadata document; nullopt when `doc` is not an
// array's (a v3 document must say node_type "array").
std::optional<ArrayInfo> array_info_from(const nlohmann::json& doc, const std::string& key, int zarr_format);

class StoreTreeReader final : public NgffTreeReader {
 public:
  // Documents already parsed by the Zarr walk are taken from `parsed`, new ones added to it.
  StoreTreeReader(Store& store, const ValidateOptions& options, ParsedDocuments& parsed);

  std::optional<ArrayInfo> array(const std::string& path) override;
  std::optional<GroupInfo> group(const std::string& path) override;
  std::optional<std::string> file(const std::string& key) override;
  std::optional<std::vector<std::string>> child_groups(const std::string& path) override;
  void note_label_arrays(std::vector<LabelArray> arrays) override {
    for (auto& array : arrays) parsed_.keep_label_array(std::move(array));
  }

  // The group at `path` with everything the engine needs for document-level checks.
  const LocatedGroup* located_group(const std::string& path);

 private:
  SharedJson read(const std::string& key);

  Store& store_;
  const ValidateOptions& options_;
  ParsedDocuments& parsed_;
  const nlohmann::json no_attributes_ = nlohmann::json::object();  // a v2 group without .zattrs
  std::mutex mutex_;
  std::map<std::string, std::optional<LocatedGroup>> groups_;
};

}  // namespace ozv
