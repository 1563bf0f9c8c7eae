#include "store/zip_directory.hpp"

#include <algorithm>
#include <numeric>

#include "zarr/checked_math.hpp"

namespace ozv {
namespace {

constexpr std::uint32_t kSigLocal = 0x04034b50;
constexpr std::uint32_t kSigCentral = 0x02014b50;
constexpr std::uint32_t kSigEocd = 0x06054b50;
constexpr std::uint32_t kSigEocd64 = 0x06064b50;
constexpr std::uint32_t kSigLocator = 0x07064b50;

constexpr std::size_t kEocdSize = 22;
constexpr std::size_t kLocatorSize = 20;
constexpr std::size_t kEocd64Size = 56;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint32_t kSentinel32 = 0xFFFFFFFFu;
constexpr std::uint16_t kSentinel16 = 0xFFFFu;

std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    (static_cast<unsigned char>(b[at + 1]) << 8));
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(le16(b, at)) | (static_cast<std::uint32_t>(le16(b, at + 2)) << 16);
}
std::uint64_t le64(std::string_view b, std::size_t at) {
  return static_cast<std::uint64_t>(le32(b, at)) | (static_cast<std::uint64_t>(le32(b, at + 4)) << 32);
}

std::string num(std::uint64_t value) { return std::to_string(value); }

// Serves small views of the archive from one cached window, so that walking a central
// directory or a run of neighbouring local headers costs few ByteSource reads.
// A returned view is valid until the next call.
class WindowReader {
 public:
  WindowReader(const ByteSource& source, std::size_t block) : source_(source), block_(block) {}

  // [offset, offset + length), or nullopt when the archive ends before that.
  std::optional<std::string_view> view(std::uint64_t offset, std::size_t length) {
    if (offset >= start_ && offset - start_ <= window_.size() && window_.size() - (offset - start_) >= length) {
      return std::string_view(window_).substr(static_cast<std::size_t>(offset - start_), length);
    }
    // Reading twice the request keeps a run of large records from costing one read each.
    const std::size_t want = std::max(block_, length * 2);
    window_ = source_.read(offset, want);
    start_ = offset;
    if (window_.size() < length) return std::nullopt;
    return std::string_view(window_).substr(0, length);
  }

 private:
  const ByteSource& source_;
  std::size_t block_;
  std::uint64_t start_ = 0;
  Bytes window_;
};

// Substitutes the 64-bit values of a ZIP64 extended information field (0x0001) for the
// 32-bit fields that hold the 0xFFFFFFFF sentinel, in the APPNOTE order. False when the
// field is too short for what it must contain.
bool apply_zip64_field(std::string_view data, bool local, std::uint64_t& uncompressed,
                       std::uint64_t& compressed, std::uint64_t* offset, std::uint32_t* disk) {
  std::size_t at = 0;
  auto take64 = [&](std::uint64_t& target) {
    if (data.size() - at < 8) return false;
    target = le64(data, at);
    at += 8;
    return true;
  };
  bool want_uncompressed = uncompressed == kSentinel32;
  bool want_compressed = compressed == kSentinel32;
  // A local header's field holds both sizes whenever it holds one of them.
  if (local && (want_uncompressed || want_compressed)) want_uncompressed = want_compressed = true;
  if (want_uncompressed && !take64(uncompressed)) return false;
  if (want_compressed && !take64(compressed)) return false;
  if (offset != nullptr && *offset == kSentinel32 && !take64(*offset)) return false;
  if (disk != nullptr && *disk == kSentinel16) {
    if (data.size() - at < 4) return false;
    *disk = le32(data, at);
  }
  return true;
}

struct ExtraScan {
  std::vector<ZipExtraField> fields;
  std::optional<std::string_view> zip64;  // data of the ZIP64 field, if any
};

// Walks the extra field list; a field running past the end stops the walk (the rest is
// unusable, and nothing in it is needed to locate data).
ExtraScan scan_extra(std::string_view extra) {
  ExtraScan scan;
  std::size_t at = 0;
  while (extra.size() - at >= 4) {
    const std::uint16_t id = le16(extra, at);
    const std::uint16_t size = le16(extra, at + 2);
    if (extra.size() - at - 4 < size) break;
    scan.fields.push_back({id, size});
    if (id == kZip64ExtraId && !scan.zip64) scan.zip64 = extra.substr(at + 4, size);
    at += 4 + std::size_t{size};
  }
  return scan;
}

class DirectoryReader {
 public:
  DirectoryReader(const ByteSource& source, const ZipReadOptions& options, ZipDirectory& dir)
      : source_(source), options_(options), dir_(dir) {}

  void run() {
    dir_.archive_size = source_.size();
    dir_.head = source_.read(0, 4);
    if (!read_end_records()) return;
    if (!check_central_extent()) return;
    dir_.sane_counts = true;
    if (!read_central_directory()) return;
    dir_.complete = true;
    if (options_.read_local_headers) read_local_headers();
  }

 private:
  void fail(std::string detail) { dir_.problems.push_back({std::move(detail), std::nullopt}); }
  void entry_problem(std::size_t index, std::string detail) {
    dir_.problems.push_back({std::move(detail), index});
  }

  bool read_end_records() {
    const std::uint64_t size = dir_.archive_size;
    if (size < kEocdSize) {
      fail("the file is " + num(size) + " bytes long, too short for a ZIP end of central directory record");
      return false;
    }
    // The EOCD is 22 bytes plus a comment of at most 65535 bytes, so it starts within the
    // last 65557 bytes.
    const std::uint64_t tail_length = std::min<std::uint64_t>(size, kEocdSize + 0xFFFF);
    const std::uint64_t tail_start = size - tail_length;
    const Bytes tail = source_.read(tail_start, tail_length);
    if (tail.size() != tail_length) {
      fail("the file could not be read to its end");
      return false;
    }
    // A record whose comment ends exactly at the end of the file wins; otherwise the last
    // record whose comment fits (some archives carry trailing bytes).
    std::optional<std::size_t> exact;
    std::optional<std::size_t> fitting;
    for (std::size_t i = tail.size() - kEocdSize + 1; i-- > 0;) {
      if (le32(tail, i) != kSigEocd) continue;
      const std::size_t end = i + kEocdSize + le16(tail, i + 20);
      if (end == tail.size()) {
        exact = i;
        break;
      }
      if (!fitting && end <= tail.size()) fitting = i;
    }
    const auto at = exact ? exact : fitting;
    if (!at) {
      fail("no end of central directory record in the last " + num(tail_length) +
           " bytes: this is not a ZIP archive, or it is truncated");
      return false;
    }
    const std::string_view record(tail.data() + *at, tail.size() - *at);
    auto& end = dir_.end;
    end.eocd_offset = tail_start + *at;
    end.disk_number = le16(record, 4);
    end.cd_disk = le16(record, 6);
    end.entries_on_disk = le16(record, 8);
    end.entries_total = le16(record, 10);
    end.cd_size32 = le32(record, 12);
    end.cd_offset32 = le32(record, 16);
    end.comment = std::string(record.substr(kEocdSize, le16(record, 20)));
    dir_.found_end = true;

    end.entry_count = end.entries_total;
    end.cd_size = end.cd_size32;
    end.cd_offset = end.cd_offset32;
    return read_zip64_records();
  }

  bool read_zip64_records() {
    auto& end = dir_.end;
    if (end.eocd_offset < kLocatorSize) return true;
    const std::uint64_t locator_at = end.eocd_offset - kLocatorSize;
    const Bytes locator = source_.read(locator_at, kLocatorSize);
    if (locator.size() != kLocatorSize || le32(locator, 0) != kSigLocator) return true;
    end.has_zip64_locator = true;
    end.locator_offset = locator_at;
    end.locator_eocd64_disk = le32(locator, 4);
    end.locator_eocd64_offset = le64(locator, 8);
    end.locator_total_disks = le32(locator, 16);

    const auto record_end = checked_add(end.locator_eocd64_offset, kEocd64Size);
    Bytes record;
    if (record_end && *record_end <= locator_at) record = source_.read(end.locator_eocd64_offset, kEocd64Size);
    if (record.size() != kEocd64Size || le32(record, 0) != kSigEocd64) {
      fail("the ZIP64 end of central directory locator points at offset " + num(end.locator_eocd64_offset) +
           ", where there is no ZIP64 end of central directory record");
      return false;
    }
    end.has_zip64_eocd = true;
    end.eocd64_offset = end.locator_eocd64_offset;
    end.eocd64_disk_number = le32(record, 16);
    end.eocd64_cd_disk = le32(record, 20);
    end.eocd64_entries_on_disk = le64(record, 24);
    end.eocd64_entries_total = le64(record, 32);
    end.eocd64_cd_size = le64(record, 40);
    end.eocd64_cd_offset = le64(record, 48);
    end.entry_count = end.eocd64_entries_total;
    end.cd_size = end.eocd64_cd_size;
    end.cd_offset = end.eocd64_cd_offset;
    return true;
  }

  bool check_central_extent() {
    const auto& end = dir_.end;
    const std::uint64_t records_start = end.has_zip64_eocd ? end.eocd64_offset : end.eocd_offset;
    const auto cd_end = checked_add(end.cd_offset, end.cd_size);
    if (!cd_end || *cd_end > records_start) {
      fail("the central directory (" + num(end.cd_size) + " bytes at offset " + num(end.cd_offset) +
           ") does not end before the end records at offset " + num(records_start));
      return false;
    }
    if (end.entry_count > options_.max_entries) {
      dir_.too_many_entries = true;  // reported by the caller with its own wording
      return false;
    }
    if (end.entry_count > end.cd_size / kCentralSize) {
      fail("the archive claims " + num(end.entry_count) + " entries, but its central directory of " +
           num(end.cd_size) + " bytes can hold at most " + num(end.cd_size / kCentralSize));
      return false;
    }
    return true;
  }

  bool read_central_directory() {
    const auto& end = dir_.end;
    const std::uint64_t cd_end = end.cd_offset + end.cd_size;  // checked in check_central_extent
    WindowReader reader(source_, 1u << 20);
    // The count is bounded by cd_size / 46, itself bounded by the archive's real size.
    dir_.entries.reserve(static_cast<std::size_t>(end.entry_count));
    std::uint64_t at = end.cd_offset;
    for (std::uint64_t i = 0; i < end.entry_count; ++i) {
      const std::string where = "central directory entry " + num(i) + " at offset " + num(at);
      if (cd_end - at < kCentralSize) {
        fail(where + " runs past the end of the central directory");
        return false;
      }
      auto fixed = reader.view(at, kCentralSize);
      if (!fixed) {
        fail(where + " is cut off by the end of the file");
        return false;
      }
      if (le32(*fixed, 0) != kSigCentral) {
        fail(where + " does not start with the central file header signature");
        return false;
      }
      const std::size_t name_length = le16(*fixed, 28);
      const std::size_t extra_length = le16(*fixed, 30);
      const std::size_t comment_length = le16(*fixed, 32);
      const std::size_t total = kCentralSize + name_length + extra_length + comment_length;
      if (cd_end - at < total) {
        fail(where + " runs past the end of the central directory");
        return false;
      }
      auto record = reader.view(at, total);
      if (!record) {
        fail(where + " is cut off by the end of the file");
        return false;
      }
      dir_.entries.push_back(parse_central(*record, at));
      at += total;
    }
    return true;
  }

  ZipCentralEntry parse_central(std::string_view r, std::uint64_t at) {
    ZipCentralEntry e;
    e.header_offset = at;
    e.version_made_by = le16(r, 4);
    e.version_needed = le16(r, 6);
    e.flags = le16(r, 8);
    e.method = le16(r, 10);
    e.mod_time = le16(r, 12);
    e.mod_date = le16(r, 14);
    e.crc32 = le32(r, 16);
    e.compressed_size = le32(r, 20);
    e.uncompressed_size = le32(r, 24);
    const std::size_t name_length = le16(r, 28);
    const std::size_t extra_length = le16(r, 30);
    e.comment_length = le16(r, 32);
    e.disk_start = le16(r, 34);
    e.internal_attributes = le16(r, 36);
    e.external_attributes = le32(r, 38);
    e.local_header_offset = le32(r, 42);
    e.name = std::string(r.substr(kCentralSize, name_length));

    const std::size_t index = dir_.entries.size();
    auto scan = scan_extra(r.substr(kCentralSize + name_length, extra_length));
    e.extra_fields = std::move(scan.fields);
    const bool needs_zip64 = e.compressed_size == kSentinel32 || e.uncompressed_size == kSentinel32 ||
                             e.local_header_offset == kSentinel32 || e.disk_start == kSentinel16;
    if (scan.zip64) {
      e.has_zip64_extra = true;
      if (needs_zip64 && !apply_zip64_field(*scan.zip64, false, e.uncompressed_size, e.compressed_size,
                                            &e.local_header_offset, &e.disk_start)) {
        entry_problem(index, "its ZIP64 extended information field is too short for the values it must hold");
      }
    }
    const auto header_end = checked_add(e.local_header_offset, kLocalSize);
    if (!header_end || *header_end > dir_.archive_size) {
      entry_problem(index, "its local header offset " + num(e.local_header_offset) + " is past the end of the archive");
    }
    return e;
  }

  void read_local_headers() {
    const std::size_t count = dir_.entries.size();
    dir_.locals.assign(count, ZipLocalHeader{});
    // Physical order: neighbouring headers then share one window read.
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return dir_.entries[a].local_header_offset < dir_.entries[b].local_header_offset;
    });
    WindowReader reader(source_, 64u << 10);
    for (std::size_t index : order) read_local_header(reader, index);
  }

  void read_local_header(WindowReader& reader, std::size_t index) {
    const auto& e = dir_.entries[index];
    auto& local = dir_.locals[index];
    const std::uint64_t at = e.local_header_offset;
    const auto header_end = checked_add(at, kLocalSize);
    if (!header_end || *header_end > dir_.archive_size) return;  // reported with the central record
    auto fixed = reader.view(at, kLocalSize);
    if (!fixed) {
      entry_problem(index, "its local header at offset " + num(at) + " is cut off by the end of the file");
      return;
    }
    if (le32(*fixed, 0) != kSigLocal) {
      entry_problem(index, "there is no local file header at its recorded offset " + num(at));
      return;
    }
    local.present = true;
    local.version_needed = le16(*fixed, 4);
    local.flags = le16(*fixed, 6);
    local.method = le16(*fixed, 8);
    local.crc32 = le32(*fixed, 14);
    local.compressed_size = le32(*fixed, 18);
    local.uncompressed_size = le32(*fixed, 22);
    local.name_length = le16(*fixed, 26);
    local.extra_length = le16(*fixed, 28);
    const std::size_t variable = std::size_t{local.name_length} + local.extra_length;
    auto rest = reader.view(*header_end, variable);
    if (!rest) {
      entry_problem(index, "its local header at offset " + num(at) + " is cut off by the end of the file");
      return;
    }
    local.name_matches = rest->substr(0, local.name_length) == e.name;
    auto scan = scan_extra(rest->substr(local.name_length));
    if (scan.zip64) {
      local.has_zip64_extra = true;
      apply_zip64_field(*scan.zip64, true, local.uncompressed_size, local.compressed_size, nullptr, nullptr);
    }
    local.data_offset = *header_end + variable;  // < 2^64: header_end <= archive size
    const auto data_end = checked_add(local.data_offset, e.compressed_size);
    if (!data_end || *data_end > dir_.archive_size) {
      entry_problem(index, "its data (" + num(e.compressed_size) + " bytes from offset " + num(local.data_offset) +
                               ") extends past the end of the archive");
      return;
    }
    if (e.method == kZipMethodStored && !e.is_encrypted()) {
      const auto head_length = static_cast<std::size_t>(std::min<std::uint64_t>(4, e.compressed_size));
      if (auto head = reader.view(local.data_offset, head_length)) local.data_head = std::string(*head);
    }
  }

  const ByteSource& source_;
  const ZipReadOptions& options_;
  ZipDirectory& dir_;
};

bool valid_utf8_sequence(std::string_view text, std::size_t at, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::uint32_t code = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    length = 1;
    return true;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1Fu, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0Fu, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07u, min = 0x10000;
  } else {
    return false;
  }
  if (text.size() - at < length) return false;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return false;
    code = (code << 6) | (byte(at + i) & 0x3Fu);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
  return code >= min && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0, length = 0; at < text.size(); at += length) {
    if (!valid_utf8_sequence(text, at, length)) return false;
  }
  return true;
}

}  // namespace

ZipDirectory read_zip_directory(const ByteSource& archive, const ZipReadOptions& options) {
  ZipDirectory dir;
  DirectoryReader(archive, options, dir).run();
  return dir;
}

std::string zip_name_problem(std::string_view name) {
  if (name.empty()) return "the name is empty";
  if (name.find('\0') != std::string_view::npos) return "it contains a NUL byte";
  if (name.front() == '/') return "it is an absolute path";
  if (name.find('\\') != std::string_view::npos) return "it contains a backslash";
  if (!is_valid_utf8(name)) return "it is not valid UTF-8";
  if (name.back() == '/') name.remove_suffix(1);  // a directory entry
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = name.find('/', start);
    const std::string_view segment = name.substr(start, slash == std::string_view::npos ? name.npos : slash - start);
    if (segment.empty()) return "it has an empty path segment";
    if (segment == "..") return "it has a '..' segment";
    if (segment == ".") return "it has a '.' segment";
    if (slash == std::string_view::npos) return "";
    start = slash + 1;
  }
}

std::string printable_entry_name(std::string_view name) {
  constexpr std::size_t kMaxBytes = 300;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t at = 0, length = 0; at < name.size(); at += length) {
    if (out.size() >= kMaxBytes) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(name[at]);
    if (valid_utf8_sequence(name, at, length) && !(byte < 0x20 || byte == 0x7F)) {
      out.append(name.substr(at, length));
      continue;
    }
    length = 1;
    out += "\\x";
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

std::string zip_method_name(std::uint16_t method) {
  switch (method) {
    case 0: return "stored";
    case 1: return "shrink";
    case 2:
    case 3:
    case 4:
    case 5: return "reduce";
    case 6: return "implode";
    case 8: return "deflate";
    case 9: return "deflate64";
    case 12: return "bzip2";
    case 14: return "LZMA";
    case 20:
    case 93: return "zstd";
    case 95: return "xz";
    case 96: return "JPEG";
    case 97: return "WavPack";
    case 98: return "PPMd";
    case 99: return "WinZip AES encryption";
    default: return "method " + std::to_string(method);
  }
}

}  // namespace ozv
