// Plates and image pyramids repeat the same metadata bytes over and over: every field of a
// plate describes its level arrays with the same zarr.json, every well with the same well
// document. What the walk does with one document (parse it, run the Zarr document rules)
// depends only on its bytes and on which kind of document it is; the key only locates the
// findings. So identical documents are parsed and checked once, and share one parsed tree.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "engine/parsed_documents.hpp"
#include "finding/finding.hpp"
#include "json/parse.hpp"
#include "store/sharded_map.hpp"
#include "store/store.hpp"

namespace ozv {

// True when every finding is located at `key` and none names it in a value: such findings
// describe the document alone and can be moved to an identical document's key.
bool findings_relocatable(const Findings& findings, const std::string& key);
// `findings` located at `key` instead.
Findings relocated(Findings findings, const std::string& key);

class DocumentMemo {
 public:
  // A Zarr document rule: a pure function of the document, reporting at `key`.
  using Check = void (*)(const nlohmann::json& doc, const std::string& key, Findings& out);

  struct Result {
    SharedJson document;  // null when the key is absent or its value unusable
    Findings findings;    // reading, parsing and `check`, located at the key read
  };

  // At most this many bytes of distinct documents are remembered (a hierarchy whose documents
  // all differ gains nothing from the memo and must not grow memory through it).
  explicit DocumentMemo(std::uint64_t max_bytes = 16u << 20) : max_bytes_(max_bytes) {}

  // The document at `key` read from `store`, parsed under `limits` and checked by `check`.
  Result read(Store& store, const std::string& key, const JsonLimits& limits, Check check);

 private:
  const std::uint64_t max_bytes_;
  std::atomic<std::uint64_t> bytes_kept_{0};
  ShardedMap<Result> entries_;  // by check, document name and bytes
};

}  // namespace ozv
