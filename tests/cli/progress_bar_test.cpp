// The progress line of --checks chunks: its text for given counts and times, how often it is
// redrawn (with a clock the test moves), and that it writes nothing when not on a terminal.
#include <sstream>

#include <catch2/catch.hpp>

#include "report/progress_bar.hpp"

using namespace ozv;

TEST_CASE("the progress line shows chunks, percentage, rate and time left", "[progress]") {
  // 250 of 1000 chunks, 50 MB in 10 s: 5.0 MB/s, 30 s left at that pace.
  CHECK(progress_line(250, 1000, 50'000'000, 10.0) ==
        "[#####...............]  250/1000 chunks  25%  5.0 MB/s  ETA 0:30");
  CHECK(progress_line(1000, 1000, 2'500'000'000, 10.0) ==
        "[####################]  1000/1000 chunks  100%  250 MB/s  ETA 0:00");
  // Two hours left.
  CHECK(progress_line(1, 3, 0, 3600.0) == "[######..............]  1/3 chunks  33%  0.0 MB/s  ETA 2:00:00");
}

TEST_CASE("the progress line says -- where there is nothing to compute yet", "[progress]") {
  CHECK(progress_line(0, 100, 0, 0.0) == "[....................]  0/100 chunks  0%  -- MB/s  ETA --:--");
  CHECK(progress_line(0, 100, 0, 5.0) == "[....................]  0/100 chunks  0%  0.0 MB/s  ETA --:--");
  CHECK(progress_line(0, 0, 0, 5.0) == "[....................]  0/0 chunks  --%  0.0 MB/s  ETA --:--");
  // More than 100 hours left is not worth a number.
  CHECK(progress_line(1, 1'000'000, 0, 10.0).ends_with("ETA --:--"));
  // Counts past the total (never expected) do not overflow the bar.
  CHECK(progress_line(12, 10, 0, 1.0).starts_with("[####################]  12/10 chunks  100%"));
}

TEST_CASE("the progress bar redraws at most ten times a second and ends with a newline", "[progress]") {
  double now = 100.0;
  std::ostringstream out;
  ProgressBar bar(out, true, [&now] { return now; });
  REQUIRE(bar.enabled());
  bar.update(1, 10, 100);
  CHECK(out.str().empty());  // a run shorter than a tenth of a second shows nothing
  now += 0.15;
  bar.update(2, 10, 200);
  CHECK(out.str() == "\r" + progress_line(2, 10, 200, 0.15) + "\x1b[K");
  const auto after_first = out.str().size();
  now += 0.05;
  bar.update(3, 10, 300);
  CHECK(out.str().size() == after_first);  // too soon
  now += 0.06;
  bar.update(4, 10, 400);
  CHECK(out.str().size() > after_first);
  now += 0.01;
  bar.finish(10, 10, 1000);
  CHECK(out.str().ends_with(progress_line(10, 10, 1000, 0.27) + "\x1b[K\n"));
}

TEST_CASE("a short run or a non-terminal stream gets no output at all", "[progress]") {
  double now = 0.0;
  std::ostringstream quick;
  ProgressBar fast(quick, true, [&now] { return now; });
  fast.update(1, 1, 1);
  fast.finish(1, 1, 1);
  CHECK(quick.str().empty());

  std::ostringstream piped;
  ProgressBar off(piped, false, [&now] { return now; });
  CHECK(!off.enabled());
  for (int i = 0; i < 10; ++i) {
    now += 1.0;
    off.update(static_cast<std::uint64_t>(i), 10, 0);
  }
  off.finish(10, 10, 0);
  CHECK(piped.str().empty());
}
