#include <algorithm>

#include <catch2/catch.hpp>

#include "store/memory_store.hpp"
#include "store/metadata_cache.hpp"

using namespace ozv;

TEST_CASE("an existence check and the first read of a metadata document are one backend access",
          "[store][cache]") {
  auto memory = std::make_unique<MemoryStore>(MemoryStore::Entries{{"a/zarr.json", "{}"}, {"a/c/0", "xyz"}});
  MemoryStore* inner = memory.get();
  MetadataCache cache(std::move(memory));
  for (int i = 0; i < 3; ++i) {
    CHECK(cache.size("a/zarr.json") == 2u);
    CHECK(!cache.get("b/zarr.json"));
    CHECK(!cache.size("b/zarr.json"));
    CHECK(cache.get("a/c/0") == Bytes("xyz"));
  }
  CHECK(cache.get("a/zarr.json") == Bytes("{}"));
  auto log = inner->access_log();
  auto count = [&](const std::string& entry) { return std::count(log.begin(), log.end(), entry); };
  // MemoryStore answers get_bounded with size + get: both happen once, when the size is first asked.
  CHECK(count("size:a/zarr.json") == 1);
  CHECK(count("get:a/zarr.json") == 1);
  CHECK(count("size:b/zarr.json") + count("get:b/zarr.json") == 1);  // absence is remembered
  CHECK(count("get:a/c/0") == 3);                                     // chunks are not cached

  // The bytes were handed to the first reader, not kept: a second read asks the backend again.
  CHECK(cache.get_bounded("a/zarr.json", 100)->bytes == Bytes("{}"));
  CHECK(cache.get_bounded("a/zarr.json", 1)->bytes == std::nullopt);  // over the limit: size only
  log = inner->access_log();
  CHECK(count("get:a/zarr.json") == 2);
}

TEST_CASE("metadata keys are recognised by their last segment", "[store][cache]") {
  CHECK(MetadataCache::is_metadata_key("zarr.json"));
  CHECK(MetadataCache::is_metadata_key("a/b/.zattrs"));
  CHECK(!MetadataCache::is_metadata_key("a/zarr.json/c"));
  CHECK(!MetadataCache::is_metadata_key("a/xzarr.json"));
}
