#include "engine/chunk_pass_hooks.hpp"

#include <algorithm>

namespace ozv {

ChunkPassHooks::ChunkPassHooks(const ValidateOptions& options, const std::vector<LabelArray>& labels,
                               const std::vector<ChunkArrayPlan>& plans, LabelScanLimits scan_limits)
    : progress_(options.chunk_progress) {
  for (const auto& plan : plans) total_ += plan.total.value_or(0);
  for (const auto& label : labels) {
    const auto type = label_element_type(label);
    if (!type || !LabelValueScan::worth_scanning(*type, options.check_labels)) continue;
    scans_.emplace(label.prefix, std::make_unique<LabelValueScan>(label, *type, options.check_labels, scan_limits));
  }
  report_progress(false);
}

ChunkPassHooks::~ChunkPassHooks() {
  done_ = total_;  // skipped arrays (an unsupported codec) count as handled
  try {
    report_progress(true);
  } catch (...) {  // a display that fails must not end the program from a destructor
  }
}

void ChunkPassHooks::chunk_read(std::uint64_t stored_bytes) {
  if (!progress_) return;
  done_.fetch_add(1, std::memory_order_relaxed);
  bytes_.fetch_add(stored_bytes, std::memory_order_relaxed);
  report_progress(false);
}

void ChunkPassHooks::array_done(const ChunkArrayPlan& plan, Findings& out) {
  if (auto it = scans_.find(plan.prefix); it != scans_.end()) it->second->report(out);
  if (!progress_) return;
  arrays_done_ += plan.total.value_or(0);
  done_ = arrays_done_;
  report_progress(false);
}

void ChunkPassHooks::report_progress(bool finished) {
  if (!progress_) return;
  // A worker that finds another one reporting does not wait: the next chunk reports again.
  std::unique_lock lock(progress_mutex_, std::defer_lock);
  if (finished) {
    lock.lock();
  } else if (!lock.try_lock()) {
    return;
  }
  progress_(ChunkProgress{std::min(done_.load(), total_), total_, bytes_.load(), finished});
}

}  // namespace ozv
