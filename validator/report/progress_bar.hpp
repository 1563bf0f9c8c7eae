// A one-line progress display for long runs (--checks chunks): chunks done of the total, the
// read rate of stored bytes and the time left, redrawn in place on a terminal. Where output
// is not a terminal (a pipe, a log, CI) it stays silent, so logs hold the report and nothing else.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace ozv {

// "[#######.............]  1234/5678 chunks  21%  12.3 MB/s  ETA 0:42". `elapsed_seconds`
// since the pass started; the rate and the time left are "--" until they mean something.
std::string progress_line(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes,
                          double elapsed_seconds);

class ProgressBar {
 public:
  using Clock = std::function<double()>;  // monotonic seconds
  static double steady_seconds();

  // `enabled`: false makes every call a no-op (the caller passes isatty() of the stream).
  ProgressBar(std::ostream& out, bool enabled, Clock clock = steady_seconds);

  bool enabled() const { return enabled_; }
  // Draws at most every `kRedrawSeconds`, and not in the first of them (a short run shows nothing).
  void update(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes);
  // The final line and a newline, when a line was drawn before; nothing otherwise.
  void finish(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes);

  static constexpr double kRedrawSeconds = 0.1;

 private:
  void draw(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes, double now);

  std::ostream& out_;
  bool enabled_;
  Clock clock_;
  double start_ = 0;
  double last_draw_ = 0;
  bool drawn_ = false;
};

}  // namespace ozv
