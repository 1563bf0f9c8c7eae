#include "store/store_conformance.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
#include <set>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace ozv::test {
namespace {

constexpr std::uint64_t kHuge = std::numeric_limits<std::uint64_t>::max();

// "u-umlaut" and "check mark" in UTF-8, spelled as bytes so the source encoding cannot matter.
const std::string kUnicodeName = "name with spaces \xC3\xBC\xE2\x9C\x93";

Bytes patterned(std::size_t n) {
  Bytes out(n, '\0');
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>((i * 7 + i / 256) % 256);
  return out;
}

// The listing the fixture implies for `prefix`, derived independently of any backend.
Listing derived_listing(const std::string& prefix) {
  std::set<std::string> files;
  std::set<std::string> dirs;
  const std::string start = prefix.empty() ? "" : prefix + "/";
  for (const auto& [key, value] : conformance_fixture()) {
    if (key.rfind(start, 0) != 0) continue;
    const std::string rest = key.substr(start.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) {
      files.insert(rest);
    } else {
      dirs.insert(rest.substr(0, slash));
    }
  }
  return {{files.begin(), files.end()}, {dirs.begin(), dirs.end()}};
}

// Every directory prefix of the fixture ("" included).
std::set<std::string> fixture_prefixes() {
  std::set<std::string> out{""};
  for (const auto& [key, value] : conformance_fixture()) {
    for (auto slash = key.find('/'); slash != std::string::npos; slash = key.find('/', slash + 1))
      out.insert(key.substr(0, slash));
  }
  return out;
}

// Keys that must never be found, whatever lies on disk or in an archive.
std::vector<std::string> unclean_keys() {
  return {"",
          ".",
          "..",
          "../x",
          "../zarr.json",
          "a/../zarr.json",
          "a/./zarr.json",
          "./zarr.json",
          "a//zarr.json",
          "a//b",
          "/a",
          "/zarr.json",
          "zarr.json/",
          "a/",
          "a\\zarr.json",
          std::string("zarr.json\0x", 11),
          std::string("zarr.json\0", 10)};
}

// Keys that are clean but name no value: absent, a directory, or below a value.
std::vector<std::string> missing_keys() {
  return {"missing", "a/missing", "a", "a/b", "a/b/c", "deep/x/y/z", "a/zarr.json/x", "zarr.json/x",
          "a/b/c/0/0", "a/b/c/2", "zarr.jso", "zarr.json.bak"};
}

void check_get_and_size(Store& store) {
  for (const auto& [key, value] : conformance_fixture()) {
    INFO("key: " << key);
    const auto got = store.get(key);
    REQUIRE(got.has_value());
    CHECK(*got == value);
    const auto size = store.size(key);
    REQUIRE(size.has_value());
    CHECK(*size == value.size());
  }
}

void check_ranges(Store& store) {
  for (const auto& [key, value] : conformance_fixture()) {
    INFO("key: " << key);
    const std::uint64_t n = value.size();
    auto range = [&](std::uint64_t offset, std::uint64_t length) {
      INFO("range offset " << offset << " length " << length);
      auto got = store.get_range(key, offset, length);
      REQUIRE(got.has_value());  // present key: a value, possibly empty, never nullopt
      return *got;
    };
    CHECK(range(0, n) == value);
    CHECK(range(0, kHuge) == value);
    CHECK(range(0, n + 1) == value);
    CHECK(range(0, 0).empty());
    CHECK(range(n, 0).empty());
    CHECK(range(n, 1).empty());        // offset exactly at the end
    CHECK(range(n + 1, 1).empty());    // offset past the end
    CHECK(range(kHuge, kHuge).empty());
    CHECK(range(kHuge, 1).empty());
    if (n >= 3) {
      CHECK(range(1, 2) == value.substr(1, 2));
      CHECK(range(n - 2, kHuge) == value.substr(n - 2));  // clipped at the end
      CHECK(range(n / 2, 0).empty());
      CHECK(range(n - 1, 1) == value.substr(n - 1));
    }
  }
  // Spot checks with literal expectations, so a fixture change cannot hide a clipping bug.
  const auto binary = store.get_range("a/b/c/0", 4, 3);
  REQUIRE(binary.has_value());
  CHECK(*binary == Bytes("\0\0z", 3));
  const auto tail = store.get_range("a/b/c/1", 4090, 100);
  REQUIRE(tail.has_value());
  CHECK(tail->size() == 6);
  const auto middle = store.get_range("a/b/c/1", 1000, 1000);
  REQUIRE(middle.has_value());
  CHECK(*middle == patterned(4096).substr(1000, 1000));
}

void check_not_found(Store& store) {
  for (const auto& key : missing_keys()) {
    INFO("missing key: " << key);
    CHECK_FALSE(store.get(key).has_value());
    CHECK_FALSE(store.size(key).has_value());
    CHECK_FALSE(store.get_range(key, 0, 10).has_value());
  }
  for (const auto& key : unclean_keys()) {
    INFO("unclean key (length " << key.size() << "): " << key);
    CHECK_FALSE(store.get(key).has_value());
    CHECK_FALSE(store.size(key).has_value());
    CHECK_FALSE(store.get_range(key, 0, 10).has_value());
  }
}

void check_listing(Store& store) {
  if (!store.capabilities().list) {
    CHECK_THROWS_AS(store.list_dir(""), StoreError);
    return;
  }
  // Literal expectations first: they pin the fixture and the sort order down.
  const Listing root = store.list_dir("");
  CHECK(root.files == std::vector<std::string>{".zattrs", "zarr.json"});
  CHECK(root.dirs == std::vector<std::string>{"a", "deep"});
  const Listing a = store.list_dir("a");
  CHECK(a.files == std::vector<std::string>{"empty", kUnicodeName, "zarr.json"});
  CHECK(a.dirs == std::vector<std::string>{"b", "b-2"});
  const Listing c = store.list_dir("a/b/c");
  CHECK(c.files == std::vector<std::string>{"0", "1"});
  CHECK(c.dirs.empty());
  const Listing y = store.list_dir("deep/x/y");
  CHECK(y.files.empty());
  CHECK(y.dirs == std::vector<std::string>{"z"});

  for (const auto& prefix : fixture_prefixes()) {
    INFO("prefix: " << prefix);
    const Listing got = store.list_dir(prefix);
    const Listing expected = derived_listing(prefix);
    CHECK(got.files == expected.files);
    CHECK(got.dirs == expected.dirs);
    CHECK(std::is_sorted(got.files.begin(), got.files.end()));
    CHECK(std::is_sorted(got.dirs.begin(), got.dirs.end()));
  }

  // Missing prefixes, prefixes naming a value, and unclean prefixes list nothing.
  for (const std::string prefix : {"missing", "a/missing", "a/zarr.json", "a/b/c/0", "deep/x/y/z/leaf",
                                   "a/", "/a", "/", "../a", "..", ".", "a//b", "./a", "a/../a", "a\\b"}) {
    INFO("prefix: " << prefix);
    const Listing got = store.list_dir(prefix);
    CHECK(got.files.empty());
    CHECK(got.dirs.empty());
  }
}

// Several threads reading and listing at once must all see the fixture.
void check_concurrent_reads(Store& store) {
  const bool can_list = store.capabilities().list;
  std::atomic<int> mismatches{0};
  std::atomic<int> exceptions{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int round = 0; round < 20; ++round) {
          for (const auto& [key, value] : conformance_fixture()) {
            if (store.get(key) != value) ++mismatches;
            const std::uint64_t offset = static_cast<std::uint64_t>(t + round) % (value.size() + 1);
            if (store.get_range(key, offset, 5) != value.substr(static_cast<std::size_t>(offset), 5)) ++mismatches;
          }
          if (can_list && store.list_dir("a").files.size() != 3) ++mismatches;
        }
      } catch (...) {
        ++exceptions;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(mismatches == 0);
  CHECK(exceptions == 0);
}

}  // namespace

const std::map<std::string, Bytes>& conformance_fixture() {
  static const std::map<std::string, Bytes> fixture = {
      {".zattrs", R"({"note": "a hidden v2 attributes file"})"},
      {"zarr.json", R"({"zarr_format": 3, "node_type": "group"})"},
      {"a/zarr.json", R"({"zarr_format": 3, "node_type": "group", "attributes": {}})"},
      {"a/empty", ""},
      {"a/" + kUnicodeName, "unicode \xE2\x9C\x93"},
      {"a/b/zarr.json", R"({"zarr_format": 3, "node_type": "array"})"},
      {"a/b/c/0", Bytes("\0\x01\xff\xfe\0\0zarr\0", 11)},
      {"a/b/c/1", patterned(4096)},
      {"a/b-2/x", "x"},
      {"deep/x/y/z/leaf", "leaf"},
  };
  return fixture;
}

void check_store_conformance(Store& store) {
  check_get_and_size(store);
  check_ranges(store);
  check_not_found(store);
  check_listing(store);
  check_concurrent_reads(store);
}

}  // namespace ozv::test
