#include "store/memory_store.hpp"

#include <algorithm>

#include <catch2/catch.hpp>

#include "store/store_conformance.hpp"

namespace ozv {
namespace {

TEST_CASE("MemoryStore meets the store conformance suite", "[store][memory]") {
  MemoryStore store(test::conformance_fixture());
  CHECK(store.capabilities().list);
  CHECK(store.capabilities().get_range);
  test::check_store_conformance(store);
}

TEST_CASE("MemoryStore is constructible from an initializer list", "[store][memory]") {
  MemoryStore store{{"zarr.json", "{}"}, {"0/c/0", Bytes("\0\1", 2)}};
  CHECK(store.get("zarr.json") == Bytes("{}"));
  CHECK(store.size("0/c/0") == 2u);
  CHECK(store.list_dir("").dirs == std::vector<std::string>{"0"});
  CHECK(store.list_dir("0").dirs == std::vector<std::string>{"c"});
  CHECK(store.list_dir("0/c").files == std::vector<std::string>{"0"});
}

TEST_CASE("MemoryStore sorts directory names by name, not by key", "[store][memory]") {
  // As keys, "b!/x" < "b/x" ('!' < '/'); as names, "b" < "b!".
  MemoryStore store{{"b/x", "1"}, {"b!/x", "2"}, {"b/y", "3"}, {"b.txt", "4"}};
  const Listing root = store.list_dir("");
  CHECK(root.dirs == std::vector<std::string>{"b", "b!"});
  CHECK(root.files == std::vector<std::string>{"b.txt"});
}

TEST_CASE("MemoryStore never finds unclean keys, even when stored", "[store][memory]") {
  MemoryStore store{{"a//b", "x"}, {"../up", "y"}, {"/abs", "z"}, {"ok", "w"}};
  CHECK_FALSE(store.get("a//b").has_value());
  CHECK_FALSE(store.get("../up").has_value());
  CHECK_FALSE(store.size("/abs").has_value());
  // ...and does not list them either.
  const Listing root = store.list_dir("");
  CHECK(root.files == std::vector<std::string>{"ok"});
  CHECK(root.dirs.empty());
  CHECK(store.get("ok") == Bytes("w"));
}

TEST_CASE("MemoryStore without the list capability refuses to list", "[store][memory]") {
  MemoryStore store({{"zarr.json", "{}"}}, Capabilities{false, true});
  CHECK_FALSE(store.capabilities().list);
  try {
    store.list_dir("");
    FAIL("list_dir should have thrown");
  } catch (const StoreError& e) {
    CHECK(e.rule() == "STORE-001");
  }
  CHECK(store.get("zarr.json") == Bytes("{}"));  // reading still works
}

TEST_CASE("MemoryStore records what was accessed", "[store][memory]") {
  MemoryStore store{{"zarr.json", "{}"}};
  (void)store.get("zarr.json");
  (void)store.size("x");
  (void)store.get_range("zarr.json", 0, 1);
  (void)store.list_dir("");
  CHECK(store.access_log() == std::vector<std::string>{"get:zarr.json", "size:x", "range:zarr.json", "list:"});
}

// The conformance suite must be able to fail: each store below breaks one rule of the
// contract, and each test is expected to fail ([!shouldfail] passes only if it does).
class BrokenStore : public Store {
 public:
  enum class Defect { range_past_end_is_nullopt, finds_dotdot, unsorted_listing, wrong_size };
  explicit BrokenStore(Defect defect) : inner_(test::conformance_fixture()), defect_(defect) {}
  Capabilities capabilities() const override { return inner_.capabilities(); }
  std::optional<Bytes> get(const std::string& key) override {
    if (defect_ == Defect::finds_dotdot && key == "a/../zarr.json") return inner_.get("zarr.json");
    return inner_.get(key);
  }
  std::optional<Bytes> get_range(const std::string& key, std::uint64_t offset, std::uint64_t length) override {
    auto size = inner_.size(key);
    if (defect_ == Defect::range_past_end_is_nullopt && size && offset >= *size) return std::nullopt;
    return inner_.get_range(key, offset, length);
  }
  std::optional<std::uint64_t> size(const std::string& key) override {
    auto size = inner_.size(key);
    if (defect_ == Defect::wrong_size && size && *size == 0) return 1;
    return size;
  }
  Listing list_dir(const std::string& prefix) override {
    Listing out = inner_.list_dir(prefix);
    if (defect_ == Defect::unsorted_listing) std::reverse(out.files.begin(), out.files.end());
    return out;
  }

 private:
  MemoryStore inner_;
  Defect defect_;
};

TEST_CASE("conformance catches a range past the end reported as absent", "[store][conformance][!shouldfail]") {
  BrokenStore store(BrokenStore::Defect::range_past_end_is_nullopt);
  test::check_store_conformance(store);
}

TEST_CASE("conformance catches a store resolving '..'", "[store][conformance][!shouldfail]") {
  BrokenStore store(BrokenStore::Defect::finds_dotdot);
  test::check_store_conformance(store);
}

TEST_CASE("conformance catches an unsorted listing", "[store][conformance][!shouldfail]") {
  BrokenStore store(BrokenStore::Defect::unsorted_listing);
  test::check_store_conformance(store);
}

TEST_CASE("conformance catches a wrong size for an empty value", "[store][conformance][!shouldfail]") {
  BrokenStore store(BrokenStore::Defect::wrong_size);
  test::check_store_conformance(store);
}

}  // namespace
}  // namespace ozv
