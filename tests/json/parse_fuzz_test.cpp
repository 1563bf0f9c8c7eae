// Random and mutated inputs: parse_json must never crash, throw or break its invariants
// (checked by parse() in json_test_util.hpp). Seeds are fixed so a failure reproduces.
#include <random>
#include <string>
#include <vector>

#include "json_test_util.hpp"

using namespace ozv;
using namespace ozv::test;

namespace {

const std::vector<std::string> seeds = {
    R"({"zarr_format": 3, "node_type": "array", "shape": [10000, 1000], "data_type": "float32",
        "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [1000, 100]}},
        "fill_value": "NaN", "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
        "attributes": {"ome": {"version": "0.5", "multiscales": [{"axes": [{"name": "y"}, {"name": "x"}]}]}}})",
    R"({"chunks": [1, 2], "compressor": null, "dtype": "<f8", "fill_value": -1.5e-10, "filters": null,
        "order": "C", "shape": [18446744073709551615, 0], "zarr_format": 2, "k": "\u00e9\ud83d\ude00\n"})",
    "\xEF\xBB\xBF[true, false, null, \"caf\xC3\xA9\", -0, 1E+2, {\"a\": {\"a\": []}}]",
};

// Bytes that matter to a JSON lexer, plus a few that break UTF-8.
const std::string interesting = "{}[]:,\"\\ \t\r\n0123456789-+.eEtrufalsnNIy\x00\x80\xBF\xC0\xC3\xED\xEF\xF4\xFF";

std::string mutate(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<int> op_dist(0, 5);
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
    const char byte = static_cast<char>(rng() % 2 ? interesting[rng() % interesting.size()] : static_cast<char>(rng()));
    switch (op_dist(rng)) {
      case 0: if (at < text.size()) text[at] = byte; break;
      case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte); break;
      case 2: if (at < text.size()) text.erase(at, 1 + rng() % 8); break;
      case 3: text.resize(at); break;  // truncation
      case 4: {                        // duplicate a slice, e.g. a member or a bracket run
        const std::size_t len = std::min<std::size_t>(text.size() - std::min(at, text.size()), rng() % 32);
        text.insert(at, text.substr(at, len));
        break;
      }
      default: text.insert(at, std::string(1 + rng() % 300, byte == '{' ? '{' : '['));  // deep nesting
    }
  }
  return text;
}

std::string random_bytes(std::mt19937& rng, bool lexer_alphabet) {
  std::string text(rng() % 64, '\0');
  for (auto& c : text) {
    c = lexer_alphabet ? interesting[rng() % interesting.size()] : static_cast<char>(rng());
  }
  return text;
}

}  // namespace

TEST_CASE("fuzz: mutated and random inputs never crash", "[json][fuzz]") {
  std::mt19937 rng(20240611);
  JsonLimits small;
  small.max_depth = 8;
  small.max_bytes = 512;
  int with_value = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    switch (i % 4) {
      case 0:
      case 1: text = mutate(seeds[rng() % seeds.size()], rng); break;
      case 2: text = random_bytes(rng, true); break;
      default: text = random_bytes(rng, false);
    }
    INFO("iteration " << i << ", input " << nlohmann::json(to_valid_utf8(text)).dump());
    ParsedJson parsed;
    REQUIRE_NOTHROW(parsed = parse(text, i % 8 == 7 ? small : JsonLimits{}));
    if (parsed.value) ++with_value;
  }
  // The mutator keeps some inputs valid: both paths were exercised.
  CHECK(with_value > 50);
  CHECK(with_value < 3900);
}
