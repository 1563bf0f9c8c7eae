// What the chunk pass does besides reporting chunk problems, kept out of chunk_checks.cpp so
// that the pass itself stays about reading and decoding: the label-value scan of label arrays
// and the progress reports. chunk_checks.cpp calls these at a few fixed points.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "chunks/chunk_problem.hpp"
#include "engine/chunk_array_plan.hpp"
#include "engine/label_value_scan.hpp"
#include "engine/validate.hpp"
#include "finding/finding.hpp"
#include "rules/label_array.hpp"

namespace ozv {

class ChunkPassHooks {
 public:
  // `plans`: the arrays the pass will check; `labels`: the label arrays the OME-NGFF walk met.
  ChunkPassHooks(const ValidateOptions& options, const std::vector<LabelArray>& labels,
                 const std::vector<ChunkArrayPlan>& plans, LabelScanLimits scan_limits = {});
  ~ChunkPassHooks();  // the last progress report (finished)
  ChunkPassHooks(const ChunkPassHooks&) = delete;
  ChunkPassHooks& operator=(const ChunkPassHooks&) = delete;

  // Whether the decoded pixels of `plan` are looked at (a label array being scanned): the
  // pass need not keep or assemble them otherwise.
  bool wants_data(const ChunkArrayPlan& plan) const { return scans_.count(plan.prefix) != 0; }
  // A grid position has been handled; `stored_bytes` read for it (0 when absent). Any thread.
  void chunk_read(std::uint64_t stored_bytes);
  // A chunk of `plan` stored under `key` has been decoded. Any thread. Looks at the data only
  // for label arrays, and never copies it.
  void chunk_decoded(const ChunkArrayPlan& plan, const std::string& key, const DecodedChunk& decoded) {
    if (scans_.empty() || !decoded.data) return;
    if (auto it = scans_.find(plan.prefix); it != scans_.end()) it->second->add_chunk(*decoded.data, key);
  }
  // Every chunk of `plan` has been handled: its label findings go to `out`, and the progress
  // counts its grid positions that were never read (absent ones) as done.
  void array_done(const ChunkArrayPlan& plan, Findings& out);

 private:
  void report_progress(bool finished);

  // By array prefix; built in the constructor and only read afterwards (no lock needed).
  std::map<std::string, std::unique_ptr<LabelValueScan>> scans_;
  std::function<void(const ChunkProgress&)> progress_;
  std::uint64_t total_ = 0;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> bytes_{0};
  std::uint64_t arrays_done_ = 0;  // grid positions of the arrays finished (array_done is called by one thread)
  std::mutex progress_mutex_;
};

}  // namespace ozv
