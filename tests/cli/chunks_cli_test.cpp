// `--checks chunks` end to end: the flag, its default, and a Zarr v3 group holding a sharded
// array written by hand, clean and then damaged.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "zarr/crc32c.hpp"

using namespace ozv::test;

namespace {

const std::string kTool = std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-validate";

CommandResult validate(const std::string& args) { return run_command(shell_quote(kTool) + " " + args); }

std::string le64(std::uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

// uint8 [4, 2] in shards of [2, 2], each of two inner chunks [1, 2]; the index (bytes + crc32c) first.
const char* kShardedArray =
    R"({"zarr_format":3,"node_type":"array","shape":[4,2],"data_type":"uint8",)"
    R"("chunk_grid":{"name":"regular","configuration":{"chunk_shape":[2,2]}},)"
    R"("chunk_key_encoding":{"name":"default"},"fill_value":0,)"
    R"("codecs":[{"name":"sharding_indexed","configuration":{"chunk_shape":[1,2],"codecs":[{"name":"bytes"}],)"
    R"("index_codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}],)"
    R"("index_location":"start"}}]})";

std::string le32(std::uint32_t v) { return le64(v).substr(0, 4); }

// Two 2-byte inner chunks after the 36-byte index.
std::string shard(std::uint64_t nbytes_second) {
  const std::string index = le64(36) + le64(2) + le64(38) + le64(nbytes_second);
  return index + le32(ozv::crc32c(index)) + "abcd";
}

void write_dataset(const TempDir& dir) {
  dir.write("zarr.json", R"({"zarr_format":3,"node_type":"group"})");
  dir.write("img/zarr.json", kShardedArray);
  dir.write("img/c/0/0", shard(2));
  dir.write("img/c/1/0", shard(2));
}

std::vector<std::string> rules_in(const CommandResult& r) {
  std::vector<std::string> rules;
  const auto report = nlohmann::json::parse(r.out);
  for (const auto& f : report.at("findings")) {
    rules.push_back(f.at("rule").get<std::string>() + "@" + f.at("location").at("key").get<std::string>());
  }
  return rules;
}

}  // namespace

TEST_CASE("--checks takes metadata or chunks", "[cli][chunks]") {
  auto bad = validate("--checks everything x");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--checks") != std::string::npos);
  CHECK(validate("--help").out.find("--checks") != std::string::npos);
}

TEST_CASE("a clean sharded array passes the chunk checks", "[cli][chunks]") {
  TempDir dir("chunks-cli");
  write_dataset(dir);
  auto r = validate(shell_quote(dir.path().string()) + " --checks chunks --format json");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(rules_in(r).empty());
}

TEST_CASE("damaged chunks fail only when chunks are checked", "[cli][chunks]") {
  TempDir dir("chunks-cli");
  write_dataset(dir);
  dir.write("img/c/1/0", shard(9));  // the second inner chunk runs past the shard's end
  dir.write("img/c/7/0", "stray");   // outside the 2 x 1 grid of shards
  auto metadata = validate(shell_quote(dir.path().string()) + " --format json");
  CHECK(metadata.exit_code == 0);
  auto chunks = validate(shell_quote(dir.path().string()) + " --checks chunks --format json --jobs 2");
  INFO(chunks.out << chunks.err);
  CHECK(chunks.exit_code == 1);
  CHECK(rules_in(chunks) == std::vector<std::string>{"CHUNK-SHARD-002@img/c/1/0", "CHUNK-KEY-001@img/c/7/0"});
}
