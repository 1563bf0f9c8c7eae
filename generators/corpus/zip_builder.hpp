// A small in-memory ZIP writer, able to write correct archives (STORED or DEFLATE,
// with or without ZIP64 records, any entry order, an archive comment) and deliberately broken
// ones (wrong disk numbers, local/central mismatches, encryption flags, duplicate names,
// prefix bytes, lying sizes and counts).
//
// Header-only on purpose: the corpus generator writes .ozx cases with it, and the validator's
// tests include it directly (through tests/support/zip_builder.hpp) without linking the corpus.
// zlib is not linked into those test programs, so DEFLATE data comes from the small encoder
// below (fixed Huffman codes, literals plus runs of one repeated byte): real DEFLATE streams
// that libzip inflates, not the smallest ones.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ozv::corpus {

inline std::uint32_t zip_crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : data) crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

namespace zip_detail {

// DEFLATE writes fields least significant bit first, Huffman codes most significant bit first.
class BitWriter {
 public:
  void bits(std::uint32_t value, int count) {
    acc_ |= static_cast<std::uint64_t>(value) << used_;
    used_ += count;
    while (used_ >= 8) {
      out_.push_back(static_cast<char>(acc_ & 0xFFu));
      acc_ >>= 8;
      used_ -= 8;
    }
  }
  void code(std::uint32_t value, int length) {
    std::uint32_t reversed = 0;
    for (int i = 0; i < length; ++i) reversed |= ((value >> i) & 1u) << (length - 1 - i);
    bits(reversed, length);
  }
  std::string finish() {
    if (used_ > 0) out_.push_back(static_cast<char>(acc_ & 0xFFu));
    return out_;
  }

 private:
  std::string out_;
  std::uint64_t acc_ = 0;
  int used_ = 0;
};

// Fixed literal/length code (RFC 1951, 3.2.6).
inline void literal_or_length(BitWriter& w, std::uint32_t symbol) {
  if (symbol < 144) w.code(0x30 + symbol, 8);
  else if (symbol < 256) w.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) w.code(symbol - 256, 7);
  else w.code(0xC0 + symbol - 280, 8);
}

inline void match_length(BitWriter& w, std::uint32_t length) {
  static constexpr std::array<std::uint32_t, 29> base = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                          31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static constexpr std::array<int, 29> extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  std::size_t i = base.size() - 1;
  while (base[i] > length) --i;
  literal_or_length(w, static_cast<std::uint32_t>(257 + i));
  if (extra[i] > 0) w.bits(length - base[i], extra[i]);
}

}  // namespace zip_detail

// One fixed-Huffman DEFLATE block: literals, and runs of a repeated byte as matches at distance 1.
inline std::string deflate_fixed(std::string_view data) {
  zip_detail::BitWriter w;
  w.bits(1, 1);  // BFINAL
  w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
  std::size_t i = 0;
  while (i < data.size()) {
    zip_detail::literal_or_length(w, static_cast<unsigned char>(data[i]));
    std::size_t run = 0;
    while (i + 1 + run < data.size() && data[i + 1 + run] == data[i]) ++run;
    ++i;
    while (run >= 3) {
      const auto length = static_cast<std::uint32_t>(std::min<std::size_t>(run, 258));
      zip_detail::match_length(w, length);
      w.code(0, 5);  // distance code 0: distance 1
      run -= length;
      i += length;
    }
  }
  zip_detail::literal_or_length(w, 256);  // end of block
  return w.finish();
}

struct ZipEntrySpec {
  std::string name;
  std::string data;          // the uncompressed content
  std::uint16_t method = 0;  // 0 stored, 8 deflate (compressed here); other codes store `data` as given
  std::uint16_t flags = 0;   // general purpose flags in both headers (bit 0 claims encryption)

  // Deliberate defects and special cases.
  std::optional<std::string> local_name;
  std::optional<std::uint16_t> local_method;
  std::optional<std::uint16_t> local_flags;
  std::optional<std::uint32_t> central_crc;
  std::optional<std::uint64_t> central_compressed_size;
  std::optional<std::uint64_t> central_uncompressed_size;
  std::optional<std::uint64_t> local_uncompressed_size;
  std::optional<std::uint64_t> central_local_offset;  // where the central record says the local header is
  std::uint32_t disk_start = 0;
  std::string local_extra;    // extra raw extra-field bytes appended in the local header
  std::string central_extra;  // ... and in the central record
  std::optional<std::string> raw_data;  // written as the entry's data instead of (compressed) `data`
};

struct ZipLayout {
  bool zip64 = false;           // ZIP64 EOCD record and locator, and 0x0001 fields in every header
  bool eocd_sentinels = false;  // with zip64: every EOCD field holds its "see ZIP64" sentinel
  std::string comment;
  std::string prefix;                      // bytes before the first local header (offsets include them)
  std::vector<std::size_t> central_order;  // indices of entries in central directory order; empty = file order
  std::uint16_t eocd_disk = 0;
  std::uint16_t eocd_cd_disk = 0;
  std::optional<std::uint16_t> eocd_entries_on_disk;
  std::uint32_t zip64_disk = 0;
  std::uint32_t locator_total_disks = 1;
  std::optional<std::uint64_t> entry_count;  // claimed in the end records (EOCD truncates to 16 bits)
  std::optional<std::uint64_t> cd_offset;
  std::optional<std::uint64_t> cd_size;
  std::optional<std::uint16_t> comment_length;
  std::string trailing;  // bytes after the end of central directory record
};

class ZipBuilder {
 public:
  std::vector<ZipEntrySpec> entries;
  ZipLayout layout;

  ZipEntrySpec& add(std::string name, std::string data, std::uint16_t method = 0) {
    ZipEntrySpec e;
    e.name = std::move(name);
    e.data = std::move(data);
    e.method = method;
    entries.push_back(std::move(e));
    return entries.back();
  }

  std::string build() const {
    std::string out = layout.prefix;
    std::vector<std::string> central(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ZipEntrySpec& e = entries[i];
      const std::uint64_t offset = out.size();
      const std::string payload = e.raw_data ? *e.raw_data : e.method == 8 ? deflate_fixed(e.data) : e.data;
      const std::uint32_t crc = zip_crc32(e.data);
      const std::uint64_t local_uncompressed = e.local_uncompressed_size.value_or(e.data.size());
      write_local(out, e, crc, payload.size(), local_uncompressed);
      out += payload;
      central[i] = central_record(e, crc, e.central_compressed_size.value_or(payload.size()),
                                  e.central_uncompressed_size.value_or(e.data.size()),
                                  e.central_local_offset.value_or(offset));
    }
    std::vector<std::size_t> order = layout.central_order;
    if (order.empty()) {
      order.resize(entries.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
    }
    const std::uint64_t cd_offset = out.size();
    for (std::size_t i : order) out += central[i];
    const std::uint64_t cd_size = out.size() - cd_offset;
    const std::uint64_t count = layout.entry_count.value_or(order.size());
    const std::uint64_t claimed_offset = layout.cd_offset.value_or(cd_offset);
    const std::uint64_t claimed_size = layout.cd_size.value_or(cd_size);

    if (layout.zip64) {
      const std::uint64_t record_offset = out.size();
      put32(out, 0x06064b50);
      put64(out, 44);  // size of the rest of the record
      put16(out, 45);
      put16(out, 45);
      put32(out, layout.zip64_disk);
      put32(out, layout.zip64_disk);
      put64(out, count);
      put64(out, count);
      put64(out, claimed_size);
      put64(out, claimed_offset);
      put32(out, 0x07064b50);  // locator
      put32(out, 0);
      put64(out, record_offset);
      put32(out, layout.locator_total_disks);
    }
    const bool sentinels = layout.zip64 && layout.eocd_sentinels;
    auto field16 = [&](std::uint64_t v) -> std::uint16_t {
      return sentinels || v > 0xFFFF ? 0xFFFF : static_cast<std::uint16_t>(v);
    };
    auto field32 = [&](std::uint64_t v) -> std::uint32_t {
      return sentinels || v > 0xFFFFFFFF ? 0xFFFFFFFFu : static_cast<std::uint32_t>(v);
    };
    put32(out, 0x06054b50);
    put16(out, sentinels ? 0xFFFF : layout.eocd_disk);
    put16(out, sentinels ? 0xFFFF : layout.eocd_cd_disk);
    put16(out, layout.eocd_entries_on_disk.value_or(field16(count)));
    put16(out, field16(count));
    put32(out, field32(claimed_size));
    put32(out, field32(claimed_offset));
    put16(out, layout.comment_length.value_or(static_cast<std::uint16_t>(layout.comment.size())));
    out += layout.comment;
    out += layout.trailing;
    return out;
  }

  static void put16(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 2; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
  }
  static void put32(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
  }
  static void put64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
  }

 private:
  static constexpr std::uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01

  void write_local(std::string& out, const ZipEntrySpec& e, std::uint32_t crc, std::uint64_t compressed,
                   std::uint64_t uncompressed) const {
    const bool zip64 = layout.zip64 || compressed >= 0xFFFFFFFF || uncompressed >= 0xFFFFFFFF;
    std::string extra;
    if (zip64) {  // a local ZIP64 field holds both sizes
      put16(extra, 0x0001);
      put16(extra, 16);
      put64(extra, uncompressed);
      put64(extra, compressed);
    }
    extra += e.local_extra;
    const std::string& name = e.local_name ? *e.local_name : e.name;
    put32(out, 0x04034b50);
    put16(out, zip64 ? 45 : 20);
    put16(out, e.local_flags.value_or(e.flags));
    put16(out, e.local_method.value_or(e.method));
    put16(out, 0);
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, zip64 ? 0xFFFFFFFFu : compressed);
    put32(out, zip64 ? 0xFFFFFFFFu : uncompressed);
    put16(out, name.size());
    put16(out, extra.size());
    out += name;
    out += extra;
  }

  std::string central_record(const ZipEntrySpec& e, std::uint32_t crc, std::uint64_t compressed,
                             std::uint64_t uncompressed, std::uint64_t local_offset) const {
    const bool all = layout.zip64;
    const bool big_u = all || uncompressed >= 0xFFFFFFFF;
    const bool big_c = all || compressed >= 0xFFFFFFFF;
    const bool big_o = all || local_offset >= 0xFFFFFFFF;
    const bool big_d = e.disk_start >= 0xFFFF;
    std::string zip64;
    if (big_u) put64(zip64, uncompressed);
    if (big_c) put64(zip64, compressed);
    if (big_o) put64(zip64, local_offset);
    if (big_d) put32(zip64, e.disk_start);
    std::string extra;
    if (!zip64.empty()) {
      put16(extra, 0x0001);
      put16(extra, zip64.size());
      extra += zip64;
    }
    extra += e.central_extra;
    std::string r;
    put32(r, 0x02014b50);
    put16(r, 0x031E);  // made by: Unix, APPNOTE 3.0
    put16(r, zip64.empty() ? 20 : 45);
    put16(r, e.flags);
    put16(r, e.method);
    put16(r, 0);
    put16(r, kDosDate);
    put32(r, e.central_crc.value_or(crc));
    put32(r, big_c ? 0xFFFFFFFFu : compressed);
    put32(r, big_u ? 0xFFFFFFFFu : uncompressed);
    put16(r, e.name.size());
    put16(r, extra.size());
    put16(r, 0);  // no entry comment
    put16(r, big_d ? 0xFFFF : e.disk_start);
    put16(r, 0);
    put32(r, 0);
    put32(r, big_o ? 0xFFFFFFFFu : local_offset);
    r += e.name;
    r += extra;
    return r;
  }
};

}  // namespace ozv::corpus
