// A raw reader of a ZIP archive's structure (PKWARE APPNOTE 6.3), through a ByteSource.
//
// libzip reads archives but hides what the RFC-9 container checks need: disk numbers, the
// ZIP64 records, the local headers, the physical order of entries. This reader exposes
// them. Everything in an archive is untrusted: every offset, size and count is checked
// against the archive's real size before use, arithmetic is overflow-checked, memory
// grows only with bytes actually read, and every loop is bounded by a count or a size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/byte_source.hpp"

namespace ozv {

// More entries than this are not read (an archive with 10 million entries has a central
// directory of at least 460 MB; real OME-Zarr zips use sharding and have far fewer).
inline constexpr std::uint64_t kZipMaxEntries = 10'000'000;

// ZIP compression method codes the checks name.
inline constexpr std::uint16_t kZipMethodStored = 0;
inline constexpr std::uint16_t kZipMethodDeflate = 8;
inline constexpr std::uint16_t kZipMethodAes = 99;

struct ZipExtraField {
  std::uint16_t id = 0;
  std::uint16_t size = 0;
};

// The end-of-archive records: EOCD, and the ZIP64 locator and record when present.
struct ZipEndRecords {
  std::uint64_t eocd_offset = 0;
  std::uint16_t disk_number = 0;      // "number of this disk"
  std::uint16_t cd_disk = 0;          // "number of the disk with the start of the central directory"
  std::uint16_t entries_on_disk = 0;  // "total number of entries in the central directory on this disk"
  std::uint16_t entries_total = 0;
  std::uint32_t cd_size32 = 0;
  std::uint32_t cd_offset32 = 0;
  std::string comment;  // the archive comment (at most 65535 bytes by construction)

  bool has_zip64_locator = false;
  std::uint64_t locator_offset = 0;
  std::uint32_t locator_eocd64_disk = 0;  // disk holding the ZIP64 EOCD record
  std::uint64_t locator_eocd64_offset = 0;
  std::uint32_t locator_total_disks = 0;

  bool has_zip64_eocd = false;
  std::uint64_t eocd64_offset = 0;
  std::uint32_t eocd64_disk_number = 0;
  std::uint32_t eocd64_cd_disk = 0;
  std::uint64_t eocd64_entries_on_disk = 0;
  std::uint64_t eocd64_entries_total = 0;
  std::uint64_t eocd64_cd_size = 0;
  std::uint64_t eocd64_cd_offset = 0;

  // The values in force: from the ZIP64 record when there is one, else from the EOCD.
  std::uint64_t entry_count = 0;
  std::uint64_t cd_offset = 0;
  std::uint64_t cd_size = 0;
};

// One central directory record, with ZIP64 values already substituted.
struct ZipCentralEntry {
  std::uint64_t header_offset = 0;  // where this record starts in the archive
  std::uint16_t version_made_by = 0;
  std::uint16_t version_needed = 0;
  std::uint16_t flags = 0;  // general purpose bit flag
  std::uint16_t method = 0;
  std::uint16_t mod_time = 0;
  std::uint16_t mod_date = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t uncompressed_size = 0;
  std::uint32_t disk_start = 0;
  std::uint16_t internal_attributes = 0;
  std::uint32_t external_attributes = 0;
  std::uint64_t local_header_offset = 0;
  std::string name;  // raw bytes, as stored
  std::vector<ZipExtraField> extra_fields;
  bool has_zip64_extra = false;
  std::uint16_t comment_length = 0;

  bool is_directory() const { return !name.empty() && name.back() == '/'; }
  // Bit 0 (encrypted), bit 6 (strong encryption), or the WinZip AES method.
  bool is_encrypted() const { return (flags & 0x0001u) != 0 || (flags & 0x0040u) != 0 || method == kZipMethodAes; }
};

// The local file header an entry's recorded offset points at.
struct ZipLocalHeader {
  bool present = false;  // a local header signature was found at the recorded offset
  std::uint16_t version_needed = 0;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;  // ZIP64 values substituted
  std::uint64_t uncompressed_size = 0;
  bool name_matches = false;  // the local name equals the central directory name byte for byte
  std::uint16_t name_length = 0;
  std::uint16_t extra_length = 0;  // may differ from the central record's: data offsets use this one
  bool has_zip64_extra = false;
  std::uint64_t data_offset = 0;  // first byte of the entry's (possibly compressed) data
  std::string data_head;          // up to the first 4 data bytes of a STORED entry
};

// A structural defect: the archive (entry empty) or one entry cannot be read as recorded.
struct ZipProblem {
  std::string detail;
  std::optional<std::size_t> entry;  // index into ZipDirectory::entries
};

struct ZipDirectory {
  std::uint64_t archive_size = 0;
  std::string head;         // the first 4 bytes of the archive
  bool found_end = false;   // an end of central directory record was found
  bool sane_counts = false; // the end records' entry count and central directory extent fit the file
  ZipEndRecords end;
  std::vector<ZipCentralEntry> entries;  // central directory order
  std::vector<ZipLocalHeader> locals;    // same indices as entries; empty unless requested
  std::vector<ZipProblem> problems;
  bool complete = false;          // the whole central directory was read
  bool too_many_entries = false;  // stopped because the entry count exceeds the limit
};

struct ZipReadOptions {
  bool read_local_headers = true;
  std::uint64_t max_entries = kZipMaxEntries;
};

// Reads the end records, the central directory and (optionally) every local header.
// Defects become `problems`; only an I/O failure of the ByteSource throws (StoreError).
ZipDirectory read_zip_directory(const ByteSource& archive, const ZipReadOptions& options = {});

// Why the entry name `name` cannot be a Zarr store key ("" when it can). Directory entries
// are checked without their trailing '/'.
std::string zip_name_problem(std::string_view name);

// `name` made safe for messages and report locations: control bytes and bytes that are not
// UTF-8 become \xNN, and very long names are cut.
std::string printable_entry_name(std::string_view name);

// The usual name of a compression method ("deflate", "bzip2", ...), or "method N".
std::string zip_method_name(std::uint16_t method);

}  // namespace ozv
