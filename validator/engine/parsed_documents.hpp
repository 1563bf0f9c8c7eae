// Metadata documents parsed once per validation and shared by every pass that needs them
// (the Zarr walk, the OME-NGFF tree reader). A document that failed to parse is not kept:
// its findings were reported by whoever read it first. Of an array's metadata only what the
// OME-NGFF rules ask about is kept (ArrayInfo): arrays are most of a hierarchy's documents,
// and holding every parsed tree would make memory, not reading, the cost of a large plate.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/parallel_drain.hpp"
#include "rules/ngff_tree.hpp"
#include "store/sharded_map.hpp"

namespace ozv {

using SharedJson = std::shared_ptr<const nlohmann::json>;

class ParsedDocuments {
 public:
  SharedJson find(const std::string& key) const {
    return documents_.with_shard(key, [&](const auto& shard) -> SharedJson {
      auto it = shard.find(key);
      return it == shard.end() ? nullptr : it->second;
    });
  }
  SharedJson keep(const std::string& key, nlohmann::json document) {
    return keep(key, std::make_shared<const nlohmann::json>(std::move(document)));
  }
  // A tree may be kept under several keys (identical documents share one: see DocumentMemo).
  SharedJson keep(const std::string& key, SharedJson document) {
    return documents_.with_shard(key, [&](auto& shard) { return shard.emplace(key, std::move(document)).first->second; });
  }

  // `path`: the array's store prefix ("0", "A/1/0/2").
  std::optional<ArrayInfo> find_array(const std::string& path) const {
    return arrays_.with_shard(path, [&](const auto& shard) -> std::optional<ArrayInfo> {
      auto it = shard.find(path);
      return it == shard.end() ? std::nullopt : std::optional<ArrayInfo>(it->second);
    });
  }
  // The store prefixes of every array kept, sorted.
  std::vector<std::string> array_paths() const {
    auto paths = arrays_.keys();
    std::sort(paths.begin(), paths.end());
    return paths;
  }
  void keep_array(const std::string& path, ArrayInfo info) {
    arrays_.with_shard(path, [&](auto& shard) { shard.emplace(path, std::move(info)); });
  }

  // Label arrays met by the OME-NGFF walk (possibly from several threads). An array that is a
  // level of two label images keeps the image whose document key sorts first, whatever order
  // the walk met them in.
  void keep_label_array(LabelArray array) {
    const std::string prefix = array.prefix;
    label_arrays_.with_shard(prefix, [&](auto& shard) {
      auto [it, inserted] = shard.emplace(prefix, array);
      if (!inserted && array.image_key < it->second.image_key) it->second = std::move(array);
    });
  }
  // Sorted by store prefix.
  std::vector<LabelArray> label_arrays() const {
    auto prefixes = label_arrays_.keys();
    std::sort(prefixes.begin(), prefixes.end());
    std::vector<LabelArray> arrays;
    for (const auto& prefix : prefixes) {
      label_arrays_.with_shard(prefix, [&](const auto& shard) { arrays.push_back(shard.at(prefix)); });
    }
    return arrays;
  }

  // Frees everything kept, on `workers` threads: a large plate holds thousands of
  // parsed trees, and freeing them one by one is a visible part of a run.
  void release(std::size_t workers) {
    parallel_for_each_index(ShardedMap<SharedJson>::shard_count(), workers, [&](std::size_t shard) {
      documents_.clear_shard(shard);
      arrays_.clear_shard(shard);
      label_arrays_.clear_shard(shard);
    });
  }

 private:
  ShardedMap<SharedJson> documents_;
  ShardedMap<ArrayInfo> arrays_;
  ShardedMap<LabelArray> label_arrays_;
};

}  // namespace ozv
