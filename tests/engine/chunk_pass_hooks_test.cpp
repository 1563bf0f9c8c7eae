// The chunk pass's hooks seen through check_chunks: label arrays named by the OME-NGFF walk
// get their pixels scanned (and only they), and the progress callback counts every grid
// position once the pass is over, whatever the number of threads.
#include <algorithm>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/chunk_checks.hpp"
#include "store/memory_store.hpp"
#include "support/findings_check.hpp"

using namespace ozv;

namespace {

// float32 [8] in chunks of 2, uncompressed, little endian.
const char* kFloatArray =
    R"({"zarr_format":3,"node_type":"array","shape":[8],"data_type":"float32",)"
    R"("chunk_grid":{"name":"regular","configuration":{"chunk_shape":[2]}},)"
    R"("chunk_key_encoding":{"name":"default"},"fill_value":0,)"
    R"("codecs":[{"name":"bytes","configuration":{"endian":"little"}}]})";

std::string floats(std::initializer_list<float> values) {
  std::string out;
  for (float v : values) {
    char bytes[4];
    std::memcpy(bytes, &v, 4);
    out.append(bytes, 4);
  }
  return out;
}

// Chunks 0..2 stored (chunk 3 absent); chunk 2 holds 2.5.
MemoryStore::Entries label_store() {
  return {{"lbl/zarr.json", kFloatArray},
          {"lbl/c/0", floats({0, 1})},
          {"lbl/c/1", floats({1, 1})},
          {"lbl/c/2", floats({2.5f, 1})}};
}

LabelArray float_label() {
  LabelArray a;
  a.prefix = "lbl";
  a.key = "lbl/zarr.json";
  a.zarr_format = 3;
  a.data_type = "float32";
  a.image_key = "img/zarr.json";
  return a;
}

std::vector<std::string> rules_of(const Findings& findings) {
  std::vector<std::string> rules;
  for (const auto& f : findings) rules.push_back(f.rule + "@" + f.location.key);
  std::sort(rules.begin(), rules.end());
  return rules;
}

Findings run(MemoryStore& store, const std::vector<LabelArray>& labels, ValidateOptions options = {}) {
  Findings out;
  check_chunks(store, 3, {"lbl"}, options, {}, out, {}, labels);
  test::require_resolvable(out);
  return out;
}

}  // namespace

TEST_CASE("a label array named by the walk has its pixels scanned; the same array unnamed does not", "[labels]") {
  MemoryStore store(label_store());
  const std::vector<std::string> missing{"CHUNK-MISSING-001@lbl/zarr.json"};
  CHECK(rules_of(run(store, {})) == missing);
  auto found = run(store, {float_label()});
  CHECK(rules_of(found) == std::vector<std::string>{"CHUNK-MISSING-001@lbl/zarr.json", "NGFF-LBL-070@lbl/zarr.json"});

  SECTION("near miss: whole values only") {
    auto entries = label_store();
    entries["lbl/c/2"] = floats({2, 1});
    MemoryStore whole(entries);
    CHECK(rules_of(run(whole, {float_label()})) == missing);
  }
  SECTION("--check-labels compares with colors; without it, no comparison") {
    auto label = float_label();
    label.colors = std::vector<LabelValue>{LabelValue::of_unsigned(1)};
    ValidateOptions options;
    options.check_labels = true;
    auto compared = run(store, {label}, options);
    CHECK(rules_of(compared) == std::vector<std::string>{"CHUNK-MISSING-001@lbl/zarr.json", "NGFF-LBL-070@lbl/zarr.json",
                                                         "NGFF-LBL-072@lbl/zarr.json"});
    CHECK(rules_of(run(store, {label})) == rules_of(found));
  }
}

TEST_CASE("the progress callback ends with every grid position done, once, as finished", "[labels][progress]") {
  for (std::size_t jobs : {1, 3}) {
    INFO("jobs " << jobs);
    MemoryStore store(label_store());
    std::mutex mutex;
    std::vector<ChunkProgress> calls;
    ValidateOptions options;
    options.jobs = jobs;
    options.chunk_progress = [&](const ChunkProgress& p) {
      std::lock_guard lock(mutex);
      calls.push_back(p);
    };
    const auto with_progress = run(store, {float_label()}, options);
    CHECK(rules_of(with_progress) == rules_of(run(store, {float_label()})));  // findings do not change
    REQUIRE(!calls.empty());
    CHECK(std::count_if(calls.begin(), calls.end(), [](const ChunkProgress& p) { return p.finished; }) == 1);
    const auto& last = calls.back();
    CHECK(last.finished);
    CHECK(last.chunks_total == 4);
    CHECK(last.chunks_done == 4);  // three read, one absent
    CHECK(last.stored_bytes == 24);
    for (const auto& p : calls) CHECK(p.chunks_done <= p.chunks_total);
  }
}
