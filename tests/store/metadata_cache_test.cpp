#include <algorithm>

#include <catch2/catch.hpp>

#include "store/memory_store.hpp"
#include "store/metadata_cache.hpp"

using namespace ozv;

TEST_CASE("metadata documents are read once, chunks every time", "[store][cache]") {
  auto memory = std::make_unique<MemoryStore>(MemoryStore::Entries{{"a/zarr.json", "{}"}, {"a/c/0", "xyz"}});
  MemoryStore* inner = memory.get();
  MetadataCache cache(std::move(memory));
  for (int i = 0; i < 3; ++i) {
    CHECK(cache.size("a/zarr.json") == 2u);
    CHECK(cache.get("a/zarr.json") == Bytes("{}"));
    CHECK(!cache.get("b/zarr.json"));
    CHECK(!cache.size("b/zarr.json"));
    CHECK(cache.get("a/c/0") == Bytes("xyz"));
  }
  auto log = inner->access_log();
  auto count = [&](const std::string& entry) { return std::count(log.begin(), log.end(), entry); };
  CHECK(count("size:a/zarr.json") == 1);
  CHECK(count("get:a/zarr.json") == 1);
  CHECK(count("size:b/zarr.json") + count("get:b/zarr.json") == 1);
  CHECK(count("get:a/c/0") == 3);
}

TEST_CASE("metadata keys are recognised by their last segment", "[store][cache]") {
  CHECK(MetadataCache::is_metadata_key("zarr.json"));
  CHECK(MetadataCache::is_metadata_key("a/b/.zattrs"));
  CHECK(!MetadataCache::is_metadata_key("a/zarr.json/c"));
  CHECK(!MetadataCache::is_metadata_key("a/xzarr.json"));
}
