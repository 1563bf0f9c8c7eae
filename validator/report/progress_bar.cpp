#include "report/progress_bar.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace ozv {
namespace {

constexpr int kBarWidth = 20;

std::string duration_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds >= 100 * 3600) return "--:--";
  const auto total = static_cast<long>(std::lround(seconds));
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

}  // namespace

std::string progress_line(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes,
                          double elapsed_seconds) {
  const double fraction = total == 0 ? 0.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(kBarWidth - filled), '.') + "]  ";
  line += std::to_string(done) + "/" + std::to_string(total) + " chunks  ";
  line += total == 0 ? "--%" : std::to_string(static_cast<int>(fraction * 100)) + "%";
  // Rates over less than a tenth of a second are noise.
  const bool timed = elapsed_seconds >= 0.1;
  char rate[32] = "-- MB/s";
  if (timed) {
    const double mb_per_second = static_cast<double>(stored_bytes) / 1e6 / elapsed_seconds;
    std::snprintf(rate, sizeof rate, mb_per_second >= 100 ? "%.0f MB/s" : "%.1f MB/s", mb_per_second);
  }
  line += "  " + std::string(rate) + "  ETA ";
  if (timed && done > 0 && done <= total) {
    line += duration_text(elapsed_seconds * static_cast<double>(total - done) / static_cast<double>(done));
  } else {
    line += "--:--";
  }
  return line;
}

double ProgressBar::steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

ProgressBar::ProgressBar(std::ostream& out, bool enabled, Clock clock)
    : out_(out), enabled_(enabled), clock_(std::move(clock)) {
  if (enabled_) start_ = last_draw_ = clock_();
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes) {
  if (!enabled_) return;
  const double now = clock_();
  if (now - last_draw_ < kRedrawSeconds) return;
  draw(done, total, stored_bytes, now);
}

void ProgressBar::finish(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes) {
  if (!enabled_ || !drawn_) return;
  draw(done, total, stored_bytes, clock_());
  out_ << "\n" << std::flush;
  drawn_ = false;
}

void ProgressBar::draw(std::uint64_t done, std::uint64_t total, std::uint64_t stored_bytes, double now) {
  // "\r" returns to the start of the line and "ESC [K" clears what a longer earlier line left.
  out_ << '\r' << progress_line(done, total, stored_bytes, now - start_) << "\x1b[K" << std::flush;
  last_draw_ = now;
  drawn_ = true;
}

}  // namespace ozv
