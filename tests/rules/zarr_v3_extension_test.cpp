// Extension definitions at every extension point: V3-EXT-001 .. 007.
#include "zarr_v3_test_util.hpp"

using namespace v3test;

TEST_CASE("V3-EXT-001: malformed extension objects", "[zarr-v3][ext]") {
  // A malformed entry could be the array -> bytes codec, so its absence is not reported.
  CHECK(hits(with_codecs(R"([{"configuration": {}}])")) == Hits{"V3-EXT-001 /codecs/0/name"});
  CHECK(hits(with_codecs(R"([{"name": 5}])")) == Hits{"V3-EXT-001 /codecs/0/name"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": ["little"]}])")) ==
        Hits{"V3-EXT-001 /codecs/0/configuration"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}, "must_understand": "yes"}])")) ==
        Hits{"V3-EXT-001 /codecs/0/must_understand"});
  CHECK(hits(with_codecs(R"([5])")) == Hits{"V3-EXT-001 /codecs/0"});
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration", 3)) == Hits{"V3-EXT-001 /chunk_grid/configuration"});
  CHECK(hits(with(array_doc(), "/data_type", json::parse(R"({"name": "x.y", "configuration": null})"))) ==
        Hits{"V3-EXT-001 /data_type/configuration"});
  CHECK(value_of(with_codecs(R"([{"configuration": {}}])"), "value") == "(missing)");
}

TEST_CASE("V3-EXT-002: must_understand false is not allowed on data_type, chunk_grid, chunk_key_encoding",
          "[zarr-v3][ext]") {
  CHECK(hits(with(array_doc(), "/chunk_grid/must_understand", false)) == Hits{"V3-EXT-002 /chunk_grid/must_understand"});
  CHECK(hits(with(array_doc(), "/chunk_key_encoding/must_understand", false)) ==
        Hits{"V3-EXT-002 /chunk_key_encoding/must_understand"});
  CHECK(hits(with(array_doc(), "/data_type", json::parse(R"({"name": "numpy.datetime64", "must_understand": false})"))) ==
        Hits{"V3-EXT-002 /data_type/must_understand", "V3-ARR-004 /data_type/name"});
  CHECK(value_of(with(array_doc(), "/chunk_grid/must_understand", false), "point") == "chunk_grid");
  // Near miss: an explicit true is the default.
  CHECK(hits(with(array_doc(), "/chunk_grid/must_understand", true)).empty());
}

TEST_CASE("V3-EXT-003 / V3-EXT-004: unknown codecs", "[zarr-v3][ext]") {
  const auto unknown = with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}},
                                       {"name": "numcodecs.adler32"}])");
  CHECK(hits(unknown) == Hits{"V3-EXT-003 /codecs/1/name"});
  CHECK(value_of(unknown, "name") == "numcodecs.adler32");
  CHECK(value_of(unknown, "point") == "codec");
  // Ignorable: info only, plus the v3.0 compatibility warning for must_understand.
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}},
                             {"name": "numcodecs.adler32", "must_understand": false}])")) ==
        Hits{"V3-EXT-007 /codecs/1/must_understand", "V3-EXT-004 /codecs/1/name"});
  // An unknown codec may be the array -> bytes codec (vlen-utf8 is one).
  CHECK(hits(with_codecs(R"([{"name": "vlen-utf8"}, {"name": "zstd", "configuration": {"level": 0}}])")) ==
        Hits{"V3-EXT-003 /codecs/0/name"});
}

TEST_CASE("V3-EXT-005: extension names are registered-style or URIs", "[zarr-v3][ext]") {
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "foo/bar"}])")) ==
        Hits{"V3-EXT-003 /codecs/1/name", "V3-EXT-005 /codecs/1/name"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "urn:example:codec"}])")) ==
        Hits{"V3-EXT-003 /codecs/1/name"});
  CHECK(hits(with(array_doc(), "/data_type", "Float64")) == Hits{"V3-ARR-004 /data_type", "V3-EXT-005 /data_type"});
}

TEST_CASE("V3-EXT-006: extension objects with extra members", "[zarr-v3][ext]") {
  const auto doc = with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}, "id": "bytes", "x": 1}])");
  CHECK(hits(doc) == Hits{"V3-EXT-006 /codecs/0/id"});
  CHECK(value_of(doc, "count") == "2");
  CHECK(hits(with(array_doc(), "/chunk_grid/comment", "hi")) == Hits{"V3-EXT-006 /chunk_grid/comment"});
}

TEST_CASE("V3-EXT-007: v3.1-only codec forms", "[zarr-v3][ext]") {
  CHECK(hits(with_codecs(R"(["bytes"])", "uint8")) == Hits{"V3-EXT-007 /codecs/0"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "little"}, "must_understand": true}])")) ==
        Hits{"V3-EXT-007 /codecs/0/must_understand"});
  // Near miss: the same codec in object form; short-hand elsewhere is not a codec.
  CHECK(hits(with_codecs(R"([{"name": "bytes"}])", "uint8")).empty());
  CHECK(hits(with(array_doc(), "/chunk_key_encoding", "default")).empty());
}
