// The ZIP store: the generic conformance contract, plus what is specific to archives
// (directory entries, duplicates, methods, ranges read in place, hostile archives).
#include <atomic>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "store/byte_source.hpp"
#include "store/store_conformance.hpp"
#include "store/zip_store.hpp"
#include "support/zip_builder.hpp"

using namespace ozv;
using ozv::test::ZipBuilder;

namespace {

std::unique_ptr<Store> open_bytes(const std::string& bytes, const std::string& name = "test.ozx") {
  return open_zip_store(make_memory_source(bytes, name));
}

// The StoreError thrown by `f`, or a failed test.
template <typename F>
StoreError store_error_of(F&& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e;
  }
  FAIL("no StoreError was thrown");
  return StoreError("", "", "");
}

ZipBuilder fixture_zip(std::uint16_t method, bool zip64) {
  ZipBuilder zip;
  zip.layout.zip64 = zip64;
  for (const auto& [key, value] : ozv::test::conformance_fixture()) zip.add(key, value, method);
  return zip;
}

// Records every read, to prove which bytes a store touched.
class RecordingSource final : public ByteSource {
 public:
  explicit RecordingSource(Bytes bytes) : bytes_(std::move(bytes)) {}
  std::uint64_t size() const override { return bytes_.size(); }
  std::string name() const override { return "recorded.ozx"; }
  Bytes read(std::uint64_t offset, std::uint64_t length) const override {
    {
      std::lock_guard lock(mutex_);
      reads_.emplace_back(offset, length);
    }
    if (offset >= bytes_.size()) return {};
    return bytes_.substr(offset, std::min<std::uint64_t>(length, bytes_.size() - offset));
  }
  std::vector<std::pair<std::uint64_t, std::uint64_t>> take_reads() const {
    std::lock_guard lock(mutex_);
    return std::exchange(reads_, {});
  }

 private:
  Bytes bytes_;
  mutable std::mutex mutex_;
  mutable std::vector<std::pair<std::uint64_t, std::uint64_t>> reads_;
};

// Fails every read after the first `good` ones, like a disk or a connection going away.
class FailingSource final : public ByteSource {
 public:
  FailingSource(Bytes bytes, int good) : bytes_(std::move(bytes)), good_(good) {}
  std::uint64_t size() const override { return bytes_.size(); }
  std::string name() const override { return "failing.ozx"; }
  Bytes read(std::uint64_t offset, std::uint64_t length) const override {
    if (calls_++ >= good_) throw StoreError("STORE-001", "failing.ozx", "read failed: Input/output error");
    if (offset >= bytes_.size()) return {};
    return bytes_.substr(offset, std::min<std::uint64_t>(length, bytes_.size() - offset));
  }

 private:
  Bytes bytes_;
  int good_;
  mutable std::atomic<int> calls_{0};
};

}  // namespace

TEST_CASE("a STORED ZIP store meets the store conformance contract", "[zip][store]") {
  auto store = open_bytes(fixture_zip(0, false).build());
  ozv::test::check_store_conformance(*store);
}

TEST_CASE("a DEFLATE ZIP store meets the store conformance contract", "[zip][store]") {
  auto store = open_bytes(fixture_zip(8, false).build());
  ozv::test::check_store_conformance(*store);
}

TEST_CASE("a ZIP64 store with directory entries meets the store conformance contract", "[zip][store]") {
  ZipBuilder zip = fixture_zip(0, true);
  // `zip -r` writes an entry per folder; they are not keys and must not disturb listings.
  for (const char* dir : {"a/", "a/b/", "a/b/c/", "deep/", "deep/x/", "deep/x/y/", "deep/x/y/z/", "empty/"}) {
    zip.add(dir, "");
  }
  auto store = open_bytes(zip.build());
  ozv::test::check_store_conformance(*store);
}

TEST_CASE("the test DEFLATE encoder round-trips through libzip", "[zip][store]") {
  const std::string runs = std::string(1000, 'a') + "xyz" + std::string(5, '\0') + std::string(70000, 'q') + "end";
  ZipBuilder zip;
  zip.add("runs", runs, 8);
  zip.add("one", "1", 8);
  zip.add("empty", "", 8);
  auto store = open_bytes(zip.build());
  CHECK(store->get("runs") == runs);
  CHECK(store->get("one") == "1");
  CHECK(store->get("empty") == "");
  CHECK(store->get_range("runs", 69990, 20) == runs.substr(69990, 20));
}

TEST_CASE("directory entries and names that cannot be keys are not keys", "[zip][store]") {
  ZipBuilder zip;
  zip.add("zarr.json", "{}");
  zip.add("dir/", "");
  zip.add("dir/x", "x");
  zip.add("../escape", "bad");
  zip.add("/absolute", "bad");
  zip.add("a//b", "bad");
  zip.add("back\\slash", "bad");
  zip.add("./dot", "bad");
  zip.add(std::string("nul\0byte", 8), "bad");
  auto store = open_bytes(zip.build());
  CHECK_FALSE(store->get("dir/").has_value());
  CHECK_FALSE(store->get("dir").has_value());
  CHECK(store->get("dir/x") == "x");
  CHECK_FALSE(store->get("../escape").has_value());
  CHECK_FALSE(store->get("escape").has_value());
  CHECK_FALSE(store->get("/absolute").has_value());
  CHECK_FALSE(store->get("absolute").has_value());
  CHECK_FALSE(store->get("a//b").has_value());
  CHECK_FALSE(store->get("back\\slash").has_value());
  CHECK_FALSE(store->get("nul").has_value());
  const Listing root = store->list_dir("");
  CHECK(root.files == std::vector<std::string>{"zarr.json"});
  CHECK(root.dirs == std::vector<std::string>{"dir"});
}

TEST_CASE("with duplicate names the last central directory record wins", "[zip][store]") {
  ZipBuilder zip;
  zip.add("zarr.json", "old");
  zip.add("x", "x");
  zip.add("zarr.json", "new!");
  auto store = open_bytes(zip.build());
  CHECK(store->get("zarr.json") == "new!");
  CHECK(store->size("zarr.json") == 4u);
  CHECK(store->get_range("zarr.json", 1, 2) == "ew");
  CHECK(store->list_dir("").files == std::vector<std::string>{"x", "zarr.json"});

  // Central order decides, not file order: here the first data written is listed last.
  zip.layout.central_order = {2, 1, 0};
  auto reordered = open_bytes(zip.build());
  CHECK(reordered->get("zarr.json") == "old");
}

TEST_CASE("a range of a STORED entry reads only those bytes of the archive", "[zip][store]") {
  ZipBuilder zip;
  std::string big(100000, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i % 251);
  zip.add("zarr.json", "{}");
  zip.add("0/c/0", big);
  auto& odd = zip.add("0/c/1", big);
  odd.local_extra = std::string("\x99\x99\x05\x00hello", 9);  // local extra longer than the central one
  auto source = std::make_shared<RecordingSource>(zip.build());
  auto store = open_zip_store(source);
  source->take_reads();

  CHECK(store->get_range("0/c/0", 5000, 10) == big.substr(5000, 10));
  CHECK(store->get_range("0/c/1", 99990, 100) == big.substr(99990));
  CHECK(store->get_range("0/c/0", 7, 3) == big.substr(7, 3));  // the data offset is cached
  std::uint64_t total = 0;
  for (const auto& [offset, length] : source->take_reads()) total += length;
  CHECK(total == 30 + 10 + 30 + 10 + 3);  // two local headers, then exactly the requested bytes
}

TEST_CASE("a range of a DEFLATE entry is decompressed and sliced", "[zip][store]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",";
  ZipBuilder zip;
  zip.add("data", text, 8);
  auto store = open_bytes(zip.build());
  CHECK(store->get_range("data", 70000, 25) == text.substr(70000, 25));
  CHECK(store->get_range("data", 0, 5) == text.substr(0, 5));
  CHECK(store->get_range("data", text.size() - 3, 100) == text.substr(text.size() - 3));
  CHECK(store->size("data") == text.size());
}

TEST_CASE("an encrypted entry is not readable", "[zip][store]") {
  ZipBuilder zip;
  zip.add("zarr.json", "{}");
  zip.add("secret", "not really encrypted").flags = 0x0001;
  auto store = open_bytes(zip.build());
  CHECK(store->size("secret") == 20u);
  const auto e = store_error_of([&] { store->get("secret"); });
  CHECK(e.rule() == "STORE-001");
  CHECK(e.key() == "secret");
  CHECK_THAT(e.what(), Catch::Contains("encrypted"));
  CHECK_THROWS_AS(store->get_range("secret", 0, 4), StoreError);
  CHECK(store->get("zarr.json") == "{}");
}

TEST_CASE("a file that is not a ZIP archive is refused with libzip's message", "[zip][store]") {
  const auto e = store_error_of([] { open_bytes(std::string(1000, 'x'), "junk.ozx"); });
  CHECK(e.rule() == "STORE-001");
  CHECK(e.key() == "junk.ozx");
  CHECK_THAT(e.what(), Catch::Contains("Not a zip archive"));
  CHECK(store_error_of([] { open_bytes("", "empty.ozx"); }).rule() == "STORE-001");
  CHECK(store_error_of([] { open_bytes("PK\x05\x06", "short.ozx"); }).rule() == "STORE-001");
}

TEST_CASE("a ByteSource failure surfaces as the source's StoreError", "[zip][store]") {
  ZipBuilder zip;
  zip.add("zarr.json", "{}");
  const std::string bytes = zip.build();
  const auto e = store_error_of([&] { open_zip_store(std::make_shared<FailingSource>(bytes, 3)); });
  CHECK(e.rule() == "STORE-001");
  CHECK_THAT(e.what(), Catch::Contains("Input/output error"));
}

TEST_CASE("hostile archives give StoreError, never a crash or a huge allocation", "[zip][store][hostile]") {
  SECTION("a ZIP64 entry count of four billion") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.add("zarr.json", "{}");
    zip.layout.entry_count = 4'000'000'000ull;
    const auto e = store_error_of([&] { open_bytes(zip.build()); });
    CHECK_THAT(e.what(), Catch::Contains("4000000000 entries"));
  }
  SECTION("more entries than the central directory can hold") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.add("zarr.json", "{}");
    zip.layout.entry_count = 5'000'000;
    const auto e = store_error_of([&] { open_bytes(zip.build()); });
    CHECK_THAT(e.what(), Catch::Contains("can hold at most 1"));
  }
  SECTION("a central directory offset past the end") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    zip.layout.cd_offset = 1u << 30;
    CHECK(store_error_of([&] { open_bytes(zip.build()); }).rule() == "STORE-001");
  }
  SECTION("ZIP64 sizes of 2^64-1") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    auto& e = zip.add("0/c/0", "tiny");
    e.central_uncompressed_size = std::numeric_limits<std::uint64_t>::max();
    e.central_compressed_size = std::numeric_limits<std::uint64_t>::max();
    std::unique_ptr<Store> store;
    try {
      store = open_bytes(zip.build());
    } catch (const StoreError& error) {
      CHECK(error.rule() == "STORE-001");  // refusing the whole archive is acceptable too
      return;
    }
    CHECK(store->get("zarr.json") == "{}");
    CHECK(store_error_of([&] { store->get("0/c/0"); }).rule() == "STORE-001");
    CHECK(store_error_of([&] { store->get_range("0/c/0", 0, 10); }).rule() == "STORE-001");
  }
  SECTION("a DEFLATE entry holding more data than recorded") {
    ZipBuilder zip;
    auto& e = zip.add("bomb", std::string(1u << 20, 'z'), 8);
    e.central_uncompressed_size = 10;
    e.local_uncompressed_size = 10;
    auto store = open_bytes(zip.build());
    CHECK(store_error_of([&] { store->get("bomb"); }).rule() == "STORE-001");
  }
  SECTION("a wrong CRC is caught when a whole value is read") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}").central_crc = 0x12345678;
    auto store = open_bytes(zip.build());
    CHECK(store_error_of([&] { store->get("zarr.json"); }).rule() == "STORE-001");
  }
  SECTION("a local header offset pointing at garbage") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    zip.add("x", "0123456789").central_local_offset = 3;
    auto store = open_bytes(zip.build());
    CHECK(store->get("zarr.json") == "{}");
    CHECK(store_error_of([&] { store->get_range("x", 0, 2); }).rule() == "STORE-001");
    CHECK(store_error_of([&] { store->get("x"); }).rule() == "STORE-001");
  }
  SECTION("a truncated archive") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    const std::string bytes = zip.build();
    for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
      INFO("cut at " << cut);
      CHECK(store_error_of([&] { open_bytes(bytes.substr(0, cut)); }).rule() == "STORE-001");
    }
  }
}

TEST_CASE("the ZIP store serves concurrent readers", "[zip][store]") {
  ZipBuilder zip;
  std::vector<std::string> values;
  for (int i = 0; i < 16; ++i) {
    values.push_back(std::string(5000 + static_cast<std::size_t>(i), static_cast<char>('a' + i)) + std::to_string(i));
    zip.add("k" + std::to_string(i), values.back(), i % 2 == 0 ? 0 : 8);
  }
  auto store = open_bytes(zip.build());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const int i = (t * 5 + round) % 16;
        const std::string key = "k" + std::to_string(i);
        const auto& value = values[static_cast<std::size_t>(i)];
        if (store->get(key) != value) ++failures;
        if (store->get_range(key, 100, 50) != value.substr(100, 50)) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 0);
}

TEST_CASE("read_zip_entry reads one entry with a size bound", "[zip][store]") {
  ZipBuilder zip;
  zip.add("zarr.json", "{\"a\":1}", 8);
  zip.add("big", std::string(1000, 'b'));
  const auto source = make_memory_source(zip.build(), "t.zip");
  CHECK(read_zip_entry(*source, 0, 100) == "{\"a\":1}");
  CHECK_FALSE(read_zip_entry(*source, 1, 999).has_value());
  CHECK(read_zip_entry(*source, 1, 1000) == std::string(1000, 'b'));
}

TEST_CASE("random corruption never crashes the ZIP store", "[zip][store][hostile]") {
  ZipBuilder zip;
  zip.layout.zip64 = true;
  zip.add("zarr.json", "{\"zarr_format\":3}");
  zip.add("0/zarr.json", "{}", 8);
  zip.add("0/c/0", std::string(300, 'c'), 8);
  zip.add("0/c/1", std::string(300, 'd'));
  const std::string original = zip.build();
  std::uint64_t state = 0x5eed;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int opened = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = original;
    for (int i = 0, n = 1 + static_cast<int>(next() % 4); i < n; ++i) {
      const std::uint64_t pick = next() % 4;
      bytes[next() % bytes.size()] = pick == 0 ? '\xFF' : pick == 1 ? '\0' : static_cast<char>(next());
    }
    INFO("round " << round);
    try {
      auto store = open_bytes(bytes);
      ++opened;
      for (const char* key : {"zarr.json", "0/zarr.json", "0/c/0", "0/c/1"}) {
        try {
          (void)store->get(key);
          (void)store->get_range(key, 7, 20);
          (void)store->size(key);
        } catch (const StoreError& e) {
          CHECK(e.rule() == "STORE-001");
        }
      }
      (void)store->list_dir("");
      (void)store->list_dir("0/c");
    } catch (const StoreError& e) {
      CHECK(e.rule() == "STORE-001");
    }
  }
  CHECK(opened > 0);  // most single-byte damage leaves the archive openable
}
