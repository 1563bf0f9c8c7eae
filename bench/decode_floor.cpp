// The decode floor of the chunk benchmark (issue 5): the least work that reading and
// decompressing every chunk of one array can cost, to compare `--checks chunks` with. It lists
// the array directory, reads each chunk file (or shard) and decompresses it with c-blosc or
// zstd directly, into buffers each worker reuses. It checks nothing: no sizes beyond what the
// libraries need, no checksums, no shard index bounds. Run on demand, never a test.
//
// usage: decode_floor <array-dir> <threads>
//   v2 (.zarray): every chunk file is one blosc frame.
//   v3 (zarr.json): every file under c/ is a shard (sharding_indexed, index at the end or the
//   start, inner codecs bytes + blosc or zstd); each inner chunk the index names is decoded.
#include <blosc.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

// What the floor needs to know about a v3 sharded array; nothing of it is checked.
struct ShardLayout {
  std::uint64_t entries = 0;       // inner chunks per shard
  std::uint64_t inner_bytes = 0;   // decoded size of one inner chunk
  std::uint64_t index_bytes = 0;   // 16 per entry, plus 4 with crc32c
  bool index_at_start = false;
  bool zstd = false;               // otherwise blosc
};

struct Array {
  int zarr_format = 2;
  std::uint64_t chunk_bytes = 0;  // v2: decoded size of one chunk
  ShardLayout shard;
  std::vector<std::string> files;
};

// A buffer that grows but is never zero-filled, so reuse costs nothing.
struct Buffer {
  std::unique_ptr<char[]> data;
  std::size_t capacity = 0;
  char* reserve(std::size_t size) {
    if (size > capacity) {  // geometric growth: shards of slightly different sizes reallocate rarely
      capacity = std::max(size, capacity + capacity / 2);
      data.reset(new char[capacity]);
    }
    return data.get();
  }
};

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::uint64_t product(const nlohmann::json& list) {
  std::uint64_t n = 1;
  for (const auto& v : list) n *= v.get<std::uint64_t>();
  return n;
}

Array describe(const fs::path& dir) {
  Array array;
  if (fs::exists(dir / ".zarray")) {
    const auto zarray = read_json(dir / ".zarray");
    array.chunk_bytes = product(zarray["chunks"]) * 2;
    return array;
  }
  const auto meta = read_json(dir / "zarr.json");
  const auto& sharding = meta["codecs"].at(0);
  if (sharding["name"] != "sharding_indexed") throw std::runtime_error("the v3 floor reads sharded arrays only");
  const auto& config = sharding["configuration"];
  const auto& shard_shape = meta["chunk_grid"]["configuration"]["chunk_shape"];
  array.zarr_format = 3;
  array.shard.entries = product(shard_shape) / product(config["chunk_shape"]);
  array.shard.inner_bytes = product(config["chunk_shape"]) * 2;
  array.shard.index_bytes = array.shard.entries * 16;
  for (const auto& codec : config["index_codecs"])
    if (codec["name"] == "crc32c") array.shard.index_bytes += 4;
  array.shard.index_at_start = config.value("index_location", "end") == "start";
  for (const auto& codec : config["codecs"])
    if (codec["name"] == "zstd") array.shard.zstd = true;
  return array;
}

void list_chunks(const fs::path& dir, Array& array) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const auto name = entry.path().filename().string();
    if (name == ".zarray" || name == ".zattrs" || name == "zarr.json") continue;
    array.files.push_back(entry.path().string());
  }
}

// The whole file into `buffer`; its size.
std::size_t read_file(const std::string& path, Buffer& buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + path);
  struct stat st {};
  ::fstat(fd, &st);
  const auto size = static_cast<std::size_t>(st.st_size);
  char* at = buffer.reserve(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t got = ::read(fd, at + done, size - done);
    if (got <= 0) break;
    done += static_cast<std::size_t>(got);
  }
  ::close(fd);
  return done;
}

std::uint64_t u64_at(const char* p) {
  std::uint64_t v = 0;
  std::memcpy(&v, p, 8);  // little-endian machine
  return v;
}

struct Worker {
  Buffer stored, decoded;
  ZSTD_DCtx* zstd = ZSTD_createDCtx();
  std::uint64_t chunks = 0, bytes = 0;
  ~Worker() { ZSTD_freeDCtx(zstd); }

  void decompress(const char* src, std::size_t size, std::size_t expected, bool use_zstd) {
    char* out = decoded.reserve(expected);
    const long long got = use_zstd ? static_cast<long long>(ZSTD_decompressDCtx(zstd, out, expected, src, size))
                                   : blosc_decompress_ctx(src, out, expected, 1);
    if (got > 0) bytes += static_cast<std::uint64_t>(got);
    ++chunks;
  }

  void visit(const Array& array, const std::string& path) {
    const std::size_t size = read_file(path, stored);
    const char* data = stored.data.get();
    if (array.zarr_format == 2) {
      decompress(data, size, array.chunk_bytes, false);
      return;
    }
    const ShardLayout& s = array.shard;
    if (size < s.index_bytes) return;
    const char* index = s.index_at_start ? data : data + size - s.index_bytes;
    for (std::uint64_t e = 0; e < s.entries; ++e) {
      const std::uint64_t offset = u64_at(index + 16 * e), nbytes = u64_at(index + 16 * e + 8);
      if (offset == UINT64_MAX || offset + nbytes > size) continue;
      decompress(data + offset, nbytes, s.inner_bytes, s.zstd);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: decode_floor <array-dir> <threads>\n");
    return 2;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    Array array = describe(argv[1]);
    list_chunks(argv[1], array);
    const std::size_t threads = std::max(1, std::atoi(argv[2]));
    std::vector<Worker> workers(threads);
    std::atomic<std::size_t> next{0};
    const auto drain = [&](Worker& w) {
      for (std::size_t i; (i = next.fetch_add(1)) < array.files.size();) w.visit(array, array.files[i]);
    };
    std::vector<std::thread> started;
    for (std::size_t t = 1; t < threads; ++t) started.emplace_back(drain, std::ref(workers[t]));
    drain(workers[0]);
    for (auto& t : started) t.join();
    std::uint64_t chunks = 0, bytes = 0;
    for (const auto& w : workers) {
      chunks += w.chunks;
      bytes += w.bytes;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("files %zu chunks %llu decoded_bytes %llu threads %zu seconds %.4f\n", array.files.size(),
                static_cast<unsigned long long>(chunks), static_cast<unsigned long long>(bytes), threads, seconds);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "decode_floor: %s\n", e.what());
    return 1;
  }
  return 0;
}
