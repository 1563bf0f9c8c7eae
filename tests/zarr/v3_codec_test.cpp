#include <catch2/catch.hpp>

#include "zarr/v3_codec.hpp"
#include "zarr/v3_sharding.hpp"

using namespace ozv;
using nlohmann::json;
using Shape = std::vector<std::uint64_t>;

TEST_CASE("codec registry: kinds and fixed sizes", "[zarr-v3-model]") {
  CHECK(find_codec("bytes")->kind == CodecKind::array_to_bytes);
  CHECK(find_codec("transpose")->kind == CodecKind::array_to_array);
  CHECK(find_codec("sharding_indexed")->kind == CodecKind::array_to_bytes);
  CHECK(!find_codec("sharding_indexed")->fixed_size);
  CHECK(find_codec("crc32c")->fixed_size);
  CHECK(!find_codec("zstd")->fixed_size);
  CHECK(find_codec("vlen-utf8") == nullptr);
  CHECK(to_string(CodecKind::bytes_to_bytes) == "bytes -> bytes");
}

TEST_CASE("the chain threads the representation through transposes", "[zarr-v3-model]") {
  const auto codecs = json::parse(R"([{"name": "transpose", "configuration": {"order": [2, 0, 1]}},
                                      {"name": "transpose", "configuration": {"order": [1, 2, 0]}},
                                      {"name": "bytes", "configuration": {"endian": "big"}},
                                      {"name": "gzip", "configuration": {"level": 1}}])");
  const auto chain = parse_codec_chain(codecs, Representation::array(Shape{2, 3, 4}, find_core_data_type("int16")));
  REQUIRE(chain.entries.size() == 4);
  CHECK(chain.entries[0].output.shape == Shape{4, 2, 3});
  CHECK(chain.entries[1].input.shape == Shape{4, 2, 3});
  CHECK(chain.entries[1].output.shape == Shape{2, 3, 4});
  CHECK(chain.entries[2].input.data_type->name == "int16");
  CHECK(chain.entries[2].output.form == Representation::Form::bytes);
  CHECK(chain.entries[3].input.form == Representation::Form::bytes);
  CHECK(chain.entries[3].info->name == "gzip");
  CHECK(!fixed_encoded_size(chain));  // gzip
}

TEST_CASE("an invalid transpose or unknown codec leaves the rest undetermined", "[zarr-v3-model]") {
  const auto codecs = json::parse(R"([{"name": "transpose", "configuration": {"order": [0, 0]}},
                                      {"name": "foo"}, {"name": "bytes"}])");
  const auto chain = parse_codec_chain(codecs, Representation::array(Shape{2, 3}, find_core_data_type("uint8")));
  CHECK(chain.entries[0].output.is_array());
  CHECK(!chain.entries[0].output.shape);
  CHECK(chain.entries[0].output.data_type->name == "uint8");
  CHECK(chain.entries[1].info == nullptr);
  CHECK(chain.entries[2].input.form == Representation::Form::unknown);
  CHECK(parse_codec_chain(json("bytes"), Representation::bytes()).entries.empty());
}

TEST_CASE("transpose_order validates permutations", "[zarr-v3-model]") {
  const auto config = json::parse(R"({"order": [1, 2, 0]})");
  CHECK(transpose_order(&config, 3) == std::vector<std::size_t>{1, 2, 0});
  CHECK(transpose_order(&config, std::nullopt));
  CHECK(!transpose_order(&config, 2));
  CHECK(!transpose_order(nullptr, 3));
  const auto duplicate = json::parse(R"({"order": [1, 1, 0]})");
  CHECK(!transpose_order(&duplicate, 3));
}

TEST_CASE("the shard index of the worked example is 68 bytes", "[zarr-v3-model]") {
  const auto configuration = json::parse(R"({"chunk_shape": [2, 2], "codecs": [{"name": "bytes"}],
      "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}],
      "index_location": "start"})");
  const auto config = parse_sharding_config(&configuration);
  REQUIRE(config);
  CHECK(config->chunk_shape == Shape{2, 2});
  CHECK(config->index_location == IndexLocation::start);
  const auto per_shard = chunks_per_shard(Shape{4, 4}, config->chunk_shape);
  CHECK(per_shard == Shape{2, 2});
  const auto index = shard_index_representation(per_shard);
  CHECK(index.shape == Shape{2, 2, 2});
  CHECK(index.data_type->name == "uint64");
  CHECK(fixed_encoded_size(parse_codec_chain(*config->index_codecs, index)) == std::uint64_t{68});
  // The spec's own example: shard [64, 64] of [32, 32] chunks, bytes + crc32c.
  CHECK(fixed_encoded_size(parse_codec_chain(*config->index_codecs,
                                             shard_index_representation(chunks_per_shard(Shape{64, 64}, Shape{32, 32})))) ==
        std::uint64_t{68});
}

TEST_CASE("sharding configuration parsing refuses what it cannot use", "[zarr-v3-model]") {
  CHECK(!parse_sharding_config(nullptr));
  for (const char* bad : {
           R"({"codecs": [], "index_codecs": []})",
           R"({"chunk_shape": [0], "codecs": [], "index_codecs": []})",
           R"({"chunk_shape": [1], "codecs": {}, "index_codecs": []})",
           R"({"chunk_shape": [1], "codecs": [], "index_codecs": [], "index_location": "middle"})",
       }) {
    INFO(bad);
    const auto c = json::parse(bad);
    CHECK(!parse_sharding_config(&c));
  }
  const auto defaults = json::parse(R"({"chunk_shape": [1], "codecs": [], "index_codecs": []})");
  CHECK(parse_sharding_config(&defaults)->index_location == IndexLocation::end);
  CHECK(!chunks_per_shard(Shape{4, 4}, Shape{3, 2}));
  CHECK(!chunks_per_shard(Shape{4, 4}, Shape{2}));
  CHECK(!shard_index_representation(std::nullopt).shape);
  // Overflowing index sizes are refused, not wrapped.
  CHECK(!fixed_encoded_size(parse_codec_chain(json::parse(R"([{"name": "bytes"}])"),
                                              Representation::array(Shape{1ull << 62, 2}, find_core_data_type("uint64")))));
}
