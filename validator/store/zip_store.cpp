#include "store/zip_store.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <zip.h>

#include "store/zip_directory.hpp"
#include "zarr/checked_math.hpp"

namespace ozv {
namespace {

constexpr std::size_t kReadBlock = 64u << 10;  // decompressed data is read in blocks this size
constexpr std::uint32_t kSigLocal = 0x04034b50;

// What libzip's source callback needs: the ByteSource and a read position.
struct CallbackState {
  const ByteSource* source = nullptr;
  std::uint64_t size = 0;
  std::uint64_t position = 0;
  zip_error_t error{};
  std::optional<StoreError> failure;  // the ByteSource's own error, rethrown once libzip gives up
};

zip_int64_t serve(void* userdata, void* data, zip_uint64_t length, zip_source_cmd_t command) {
  auto* state = static_cast<CallbackState*>(userdata);
  switch (command) {
    case ZIP_SOURCE_OPEN:
      state->position = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      if (state->position >= state->size) return 0;
      const std::uint64_t want = std::min<std::uint64_t>(length, state->size - state->position);
      try {
        const Bytes bytes = state->source->read(state->position, want);
        const std::size_t got = std::min<std::size_t>(bytes.size(), want);
        std::memcpy(data, bytes.data(), got);
        state->position += got;
        return static_cast<zip_int64_t>(got);
      } catch (const StoreError& e) {
        state->failure = e;
      } catch (const std::exception& e) {
        state->failure = StoreError("STORE-001", state->source->name(), e.what());
      }
      zip_error_set(&state->error, ZIP_ER_READ, 0);
      return -1;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:  // the state belongs to the LibzipArchive
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &state->error);
      if (st == nullptr) return -1;
      zip_stat_init(st);
      st->size = state->size;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&state->error, data, length);
    case ZIP_SOURCE_SEEK: {
      const zip_int64_t target = zip_source_seek_compute_offset(state->position, state->size, data, length,
                                                                &state->error);
      if (target < 0) return -1;
      state->position = static_cast<std::uint64_t>(target);
      return 0;
    }
    case ZIP_SOURCE_TELL:
      return static_cast<zip_int64_t>(state->position);
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
                                            ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_ACCEPT_EMPTY, -1);
    case ZIP_SOURCE_ACCEPT_EMPTY:
      return 0;  // an empty file is not an (empty) archive
    default:
      zip_error_set(&state->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

// A read-only libzip handle over a ByteSource. Not thread-safe: callers serialise.
class LibzipArchive {
 public:
  explicit LibzipArchive(const ByteSource& source) {
    state_.source = &source;
    state_.size = source.size();
    zip_error_init(&state_.error);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* zs = zip_source_function_create(serve, &state_, &error);
    if (zs == nullptr) fail_open(source, error);
    handle_ = zip_open_from_source(zs, ZIP_RDONLY, &error);
    if (handle_ == nullptr) {
      zip_source_free(zs);  // not taken over by a failed open
      fail_open(source, error);
    }
    zip_error_fini(&error);
  }
  ~LibzipArchive() {
    if (handle_ != nullptr) zip_discard(handle_);  // read-only: nothing to write back
    zip_error_fini(&state_.error);
  }
  LibzipArchive(const LibzipArchive&) = delete;
  LibzipArchive& operator=(const LibzipArchive&) = delete;

  std::uint64_t entry_count() { return static_cast<std::uint64_t>(zip_get_num_entries(handle_, 0)); }

  // Decompressed bytes [offset, offset + length) of entry `index`, clipped to its end. More
  // data than `recorded_size` is an error, so memory never exceeds what was recorded.
  // `to_end` reads on to the end of the data, which makes libzip check the CRC.
  Bytes read(std::uint64_t index, std::uint64_t offset, std::uint64_t length, std::uint64_t recorded_size,
             const std::string& key, bool to_end) {
    zip_file_t* file = zip_fopen_index(handle_, index, 0);
    if (file == nullptr) fail_entry(key, zip_get_error(handle_));
    struct Closer {
      zip_file_t* f;
      ~Closer() { zip_fclose(f); }
    } closer{file};

    Bytes out;
    Bytes block(kReadBlock, '\0');
    std::uint64_t position = 0;  // decompressed bytes consumed so far
    while (out.size() < length) {
      const zip_int64_t n = zip_fread(file, block.data(), block.size());
      if (n < 0) fail_entry(key, zip_file_get_error(file));
      if (n == 0) break;
      const auto got = static_cast<std::uint64_t>(n);
      if (got > recorded_size - std::min(position, recorded_size)) {
        throw StoreError("STORE-001", key, "the entry holds more data than its recorded size of " +
                                               std::to_string(recorded_size) + " bytes");
      }
      // The part of this block inside [offset, offset + length).
      const std::uint64_t block_end = position + got;
      if (block_end > offset) {
        const std::uint64_t from = offset > position ? offset - position : 0;
        const std::uint64_t take = std::min<std::uint64_t>(got - from, length - out.size());
        out.append(block.data() + from, static_cast<std::size_t>(take));
      }
      position = block_end;
    }
    // libzip verifies the CRC only when a read reaches the end of the entry's data.
    if (to_end && position == recorded_size) {
      const zip_int64_t n = zip_fread(file, block.data(), block.size());
      if (n < 0) fail_entry(key, zip_file_get_error(file));
      if (n > 0) {
        throw StoreError("STORE-001", key, "the entry holds more data than its recorded size of " +
                                               std::to_string(recorded_size) + " bytes");
      }
    }
    return out;
  }

 private:
  [[noreturn]] void fail_open(const ByteSource& source, zip_error_t& error) {
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (state_.failure) throw *state_.failure;
    throw StoreError("STORE-001", source.name(), "not a readable ZIP archive: " + detail);
  }
  [[noreturn]] void fail_entry(const std::string& key, zip_error_t* error) {
    if (state_.failure) {
      StoreError failure = *state_.failure;
      state_.failure.reset();
      throw failure;
    }
    throw StoreError("STORE-001", key, std::string("the ZIP entry cannot be read: ") + zip_error_strerror(error));
  }

  CallbackState state_;
  zip_t* handle_ = nullptr;
};

std::string too_many_entries(const ZipDirectory& dir) {
  return "the archive claims " + std::to_string(dir.end.entry_count) + " entries, more than the " +
         std::to_string(kZipMaxEntries) + " this validator reads";
}

std::string first_archive_problem(const ZipDirectory& dir) {
  for (const auto& p : dir.problems) {
    if (!p.entry) return p.detail;
  }
  return "the central directory could not be read";
}

// Why an entry cannot be read at all, or "" when it can be tried.
std::string unreadable_reason(const ZipCentralEntry& e) {
  if (e.is_encrypted()) return "the entry is encrypted; encrypted ZIP entries are not supported";
  return "";
}

class ZipStore final : public Store {
 public:
  explicit ZipStore(std::shared_ptr<ByteSource> source) : source_(std::move(source)) {
    const std::string name = source_->name();
    ZipReadOptions options;
    options.read_local_headers = false;  // local headers are read on demand
    dir_ = read_zip_directory(*source_, options);
    if (dir_.too_many_entries) throw StoreError("STORE-001", name, too_many_entries(dir_));
    // Counts that do not fit the file never reach libzip, which would trust them.
    if (dir_.found_end && !dir_.sane_counts) throw StoreError("STORE-001", name, first_archive_problem(dir_));
    archive_ = std::make_unique<LibzipArchive>(*source_);
    if (!dir_.complete) throw StoreError("STORE-001", name, first_archive_problem(dir_));
    if (archive_->entry_count() != dir_.entries.size()) {
      throw StoreError("STORE-001", name, "libzip and the central directory disagree on the number of entries");
    }
    for (const auto& p : dir_.problems) {
      if (p.entry) entry_problems_.emplace(*p.entry, p.detail);
    }
    for (std::size_t i = 0; i < dir_.entries.size(); ++i) {
      const auto& e = dir_.entries[i];
      if (e.is_directory() || !zip_name_problem(e.name).empty()) continue;
      keys_[e.name] = i;  // a later duplicate replaces an earlier one
    }
  }

  Capabilities capabilities() const override { return {true, true}; }

  std::optional<Bytes> get(const std::string& key) override {
    const auto index = find(key);
    if (!index) return std::nullopt;
    const auto& e = readable_entry(*index, key);
    // Through libzip, reading to the end, so that the CRC is verified.
    std::lock_guard lock(mutex_);
    Bytes value = archive_->read(*index, 0, e.uncompressed_size, e.uncompressed_size, key, true);
    if (value.size() != e.uncompressed_size) {
      throw StoreError("STORE-001", key, "the entry ends before its recorded size of " +
                                             std::to_string(e.uncompressed_size) + " bytes");
    }
    return value;
  }

  std::optional<Bytes> get_range(const std::string& key, std::uint64_t offset, std::uint64_t length) override {
    const auto index = find(key);
    if (!index) return std::nullopt;
    const auto& e = readable_entry(*index, key);
    if (offset >= e.uncompressed_size) return Bytes{};
    length = std::min(length, e.uncompressed_size - offset);
    if (e.method == kZipMethodStored && e.compressed_size == e.uncompressed_size) {
      const std::uint64_t start = data_offset(*index, key) + offset;  // within the archive: checked
      Bytes bytes = source_->read(start, length);
      if (bytes.size() != length) throw StoreError("STORE-001", key, "the archive ends inside the entry's data");
      return bytes;
    }
    std::lock_guard lock(mutex_);
    return archive_->read(*index, offset, length, e.uncompressed_size, key, false);
  }

  std::optional<std::uint64_t> size(const std::string& key) override {
    const auto index = find(key);
    if (!index) return std::nullopt;
    return dir_.entries[*index].uncompressed_size;
  }

  Listing list_dir(const std::string& prefix) override {
    Listing out;
    const std::string start = prefix.empty() ? std::string() : prefix + "/";
    auto it = keys_.lower_bound(start);
    while (it != keys_.end() && it->first.starts_with(start)) {
      const std::string_view rest = std::string_view(it->first).substr(start.size());
      const std::size_t slash = rest.find('/');
      if (slash == std::string_view::npos) {
        out.files.emplace_back(rest);
        ++it;
        continue;
      }
      std::string child(rest.substr(0, slash));
      // Every key under "start/child/" sorts before "start/child0" ('0' follows '/').
      it = keys_.lower_bound(start + child + "0");
      out.dirs.push_back(std::move(child));
    }
    std::sort(out.files.begin(), out.files.end());
    std::sort(out.dirs.begin(), out.dirs.end());
    return out;
  }

 private:
  std::optional<std::size_t> find(const std::string& key) const {
    const auto it = keys_.find(key);
    if (it == keys_.end()) return std::nullopt;
    return it->second;
  }

  const ZipCentralEntry& readable_entry(std::size_t index, const std::string& key) const {
    const auto& e = dir_.entries[index];
    if (auto problem = entry_problems_.find(index); problem != entry_problems_.end()) {
      throw StoreError("STORE-001", key, "the ZIP entry cannot be read: " + problem->second);
    }
    if (auto reason = unreadable_reason(e); !reason.empty()) throw StoreError("STORE-001", key, reason);
    return e;
  }

  // Where a STORED entry's bytes start: after its local header, whose name and extra
  // lengths may differ from the central record's, so the header itself is read.
  std::uint64_t data_offset(std::size_t index, const std::string& key) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = data_offsets_.find(index); it != data_offsets_.end()) return it->second;
    }
    const auto& e = dir_.entries[index];
    const Bytes header = source_->read(e.local_header_offset, 30);
    auto u16 = [&](std::size_t at) {
      return static_cast<std::uint16_t>(static_cast<unsigned char>(header[at]) |
                                        (static_cast<unsigned char>(header[at + 1]) << 8));
    };
    const bool signed_header = header.size() == 30 && (u16(0) | (static_cast<std::uint32_t>(u16(2)) << 16)) == kSigLocal;
    if (!signed_header) {
      throw StoreError("STORE-001", key, "there is no local file header at the entry's recorded offset");
    }
    // local_header_offset + 30 <= archive size was checked when the directory was read.
    const std::uint64_t start = e.local_header_offset + 30 + u16(26) + u16(28);
    const auto end = checked_add(start, e.compressed_size);
    if (!end || *end > source_->size()) {
      throw StoreError("STORE-001", key, "the entry's data extends past the end of the archive");
    }
    std::lock_guard lock(mutex_);
    data_offsets_.emplace(index, start);
    return start;
  }

  std::shared_ptr<ByteSource> source_;
  ZipDirectory dir_;
  std::map<std::string, std::size_t> keys_;  // sorted: list_dir walks ranges of it
  std::unordered_map<std::size_t, std::string> entry_problems_;
  std::mutex mutex_;  // guards archive_ and data_offsets_
  std::unique_ptr<LibzipArchive> archive_;
  std::unordered_map<std::size_t, std::uint64_t> data_offsets_;
};

}  // namespace

std::unique_ptr<Store> open_zip_store(std::shared_ptr<ByteSource> archive) {
  if (!archive) throw std::invalid_argument("open_zip_store: no archive");
  return std::make_unique<ZipStore>(std::move(archive));
}

std::optional<Bytes> read_zip_entry(const ByteSource& archive, std::uint64_t index, std::uint64_t max_bytes) {
  ZipReadOptions options;
  options.read_local_headers = false;
  const ZipDirectory dir = read_zip_directory(archive, options);
  const std::string name = archive.name();
  if (dir.too_many_entries) throw StoreError("STORE-001", name, too_many_entries(dir));
  if (!dir.complete) throw StoreError("STORE-001", name, first_archive_problem(dir));
  if (index >= dir.entries.size()) throw std::out_of_range("read_zip_entry: no such entry");
  const auto& e = dir.entries[index];
  const std::string key = printable_entry_name(e.name);
  if (e.uncompressed_size > max_bytes) return std::nullopt;
  for (const auto& p : dir.problems) {
    if (p.entry == index) throw StoreError("STORE-001", key, "the ZIP entry cannot be read: " + p.detail);
  }
  if (auto reason = unreadable_reason(e); !reason.empty()) throw StoreError("STORE-001", key, reason);
  LibzipArchive libzip(archive);
  Bytes value = libzip.read(index, 0, e.uncompressed_size, e.uncompressed_size, key, true);
  if (value.size() != e.uncompressed_size) {
    throw StoreError("STORE-001", key, "the entry ends before its recorded size");
  }
  return value;
}

}  // namespace ozv
