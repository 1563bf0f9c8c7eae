// The hierarchy walk: which documents it visits and the rules that span several documents.
#include <algorithm>

#include <catch2/catch.hpp>

#include "engine/hierarchy_walk.hpp"
#include "store/memory_store.hpp"
#include "support/sample_metadata.hpp"

using namespace ozv;
using namespace ozv::test;

namespace {

// "RULE@key" for each finding, sorted: compact, exhaustive assertions.
std::vector<std::string> located_rules(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + "@" + f.location.key);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> walk(Store& store, Detected* detected = nullptr, ValidateOptions options = {}) {
  Findings findings;
  ParsedDocuments parsed;
  auto d = walk_hierarchy(store, options, parsed, findings);
  if (detected) *detected = d;
  return located_rules(findings);
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a clean v3 hierarchy raises nothing and is detected", "[engine]") {
  MemoryStore store{{"zarr.json", kV3Group}, {"a/zarr.json", kV3Array}, {"a/c/0/0", "data"},
                    {"g/zarr.json", kV3Group}, {"g/b/zarr.json", kV3Array}};
  Detected detected;
  CHECK(walk(store, &detected).empty());
  CHECK(detected.zarr_format == 3);
  CHECK(detected.node_type == "group");
  // Every node's metadata was read, chunks never were.
  auto log = store.access_log();
  CHECK(std::count(log.begin(), log.end(), "get:g/b/zarr.json") == 1);
  CHECK(std::none_of(log.begin(), log.end(), [](const std::string& e) { return e.find("c/0/0") != std::string::npos; }));
}

TEST_CASE("a clean v2 hierarchy raises nothing and is detected", "[engine]") {
  MemoryStore store{{".zgroup", kV2Group}, {".zattrs", "{}"}, {"a/.zarray", kV2Array},
                    {"a/0.0", "data"}, {"g/.zgroup", kV2Group}, {"g/b/.zarray", kV2Array}};
  Detected detected;
  CHECK(walk(store, &detected).empty());
  CHECK(detected.zarr_format == 2);
  CHECK(detected.node_type == "group");
}

TEST_CASE("TARGET-001: no metadata at the root", "[engine]") {
  MemoryStore empty{{"readme.txt", "hello"}};
  Detected detected;
  CHECK(walk(empty, &detected) == Strings{"TARGET-001@"});
  CHECK(!detected.zarr_format);
  MemoryStore array_root{{"zarr.json", kV3Array}};  // near miss: a root array is a hierarchy
  CHECK(walk(array_root, &detected).empty());
  CHECK(detected.node_type == "array");
}

TEST_CASE("V3-NODE-005: arrays have no children", "[engine]") {
  MemoryStore store{{"zarr.json", kV3Array}, {"c/zarr.json", kV3Group}};
  CHECK(walk(store) == Strings{"V3-NODE-005@c/zarr.json"});
  MemoryStore near_miss{{"zarr.json", kV3Array}, {"c/0/0", "chunk"}};
  CHECK(walk(near_miss).empty());
}

TEST_CASE("V3-HIER-001: nodes below a directory without zarr.json", "[engine]") {
  MemoryStore store{{"zarr.json", kV3Group}, {"implicit/deeper/zarr.json", kV3Array}};
  CHECK(walk(store) == Strings{"V3-HIER-001@implicit"});
  MemoryStore near_miss{{"zarr.json", kV3Group}, {"notes/readme.txt", "x"}};
  CHECK(walk(near_miss).empty());
}

TEST_CASE("V3-NODE-003/004: child node names", "[engine]") {
  MemoryStore store{{"zarr.json", kV3Group}, {"...x/zarr.json", kV3Group}, {"sp ace/zarr.json", kV3Group},
                    {"__reserved/zarr.json", "not even json"}};
  // "__" prefixes are not children at all; "...x" is a valid (if odd) name.
  CHECK(walk(store) == Strings{"V3-NODE-004@sp ace/zarr.json"});
  MemoryStore dots{{"zarr.json", kV3Group}, {"zarr.json/zarr.json", kV3Group}};
  CHECK(walk(dots) == Strings{"V3-NODE-003@zarr.json/zarr.json"});
}

TEST_CASE("V2-NODE-001 and V2-HIER-001", "[engine]") {
  MemoryStore both{{".zgroup", kV2Group}, {"a/.zarray", kV2Array}, {"a/.zgroup", kV2Group}};
  CHECK(walk(both) == Strings{"V2-NODE-001@a/.zarray"});
  MemoryStore orphan{{".zgroup", kV2Group}, {"x/y/.zarray", kV2Array}};
  CHECK(walk(orphan) == Strings{"V2-HIER-001@x"});
  MemoryStore near_miss{{".zgroup", kV2Group}, {"x/.zgroup", kV2Group}, {"x/y/.zarray", kV2Array}};
  CHECK(walk(near_miss).empty());
}

namespace {

// A store whose listing contains a "." segment, as a crafted ZIP can.
class DotListingStore final : public Store {
 public:
  Capabilities capabilities() const override { return {true, true}; }
  std::optional<Bytes> get(const std::string& key) override {
    if (key == ".zgroup") return Bytes(kV2Group);
    return std::nullopt;
  }
  std::optional<Bytes> get_range(const std::string& key, std::uint64_t, std::uint64_t) override { return get(key); }
  std::optional<std::uint64_t> size(const std::string& key) override {
    auto v = get(key);
    return v ? std::optional<std::uint64_t>(v->size()) : std::nullopt;
  }
  Listing list_dir(const std::string& prefix) override {
    if (prefix.empty()) return Listing{{".zgroup"}, {".", "ok"}};
    return {};
  }
};

}  // namespace

TEST_CASE("V2-PATH-001: '.' and '..' segments", "[engine]") {
  DotListingStore store;
  CHECK(walk(store) == Strings{"V2-PATH-001@."});
}

TEST_CASE("metadata problems of every node are reported at their key", "[engine]") {
  MemoryStore store{{"zarr.json", kV3Group}, {"a/zarr.json", "{broken"}, {"b/zarr.json", R"({"zarr_format":3})"}};
  auto rules = walk(store);
  CHECK(std::count(rules.begin(), rules.end(), "JSON-001@a/zarr.json") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "V3-NODE-002@b/zarr.json") == 1);
}

TEST_CASE("STORE-004: the walk is bounded", "[engine]") {
  MemoryStore::Entries entries{{"zarr.json", kV3Group}};
  std::string prefix;
  for (int depth = 0; depth < 10; ++depth) {
    prefix += "d/";
    entries[prefix + "zarr.json"] = kV3Group;
  }
  MemoryStore deep(entries);
  ValidateOptions options;
  options.max_depth = 5;
  CHECK(walk(deep, nullptr, options) == Strings{"STORE-004@d/d/d/d/d/d"});
  options.max_depth = 64;
  CHECK(walk(deep, nullptr, options).empty());
}

TEST_CASE("a store that cannot list still has its root checked", "[engine]") {
  MemoryStore store(MemoryStore::Entries{{"zarr.json", R"({"zarr_format":3,"node_type":"group","extra":1})"}},
                    Capabilities{false, true});
  CHECK(walk(store) == Strings{"V3-TOP-001@zarr.json"});
}
