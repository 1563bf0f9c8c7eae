// Writes a Dataset as an OME-Zarr ZIP file (.ozx, RFC-9): ZIP64, STORED entries, the root
// zarr.json first and the other zarr.json files after it in breadth-first order, and the
// archive comment naming the version. Every choice is an option so that a mutation can
// break exactly one of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/dataset.hpp"

namespace ozv::corpus {

// A defect in one entry of the archive, for the container rules about entries.
struct OzxEntryDefect {
  std::string key;                        // the dataset key whose entry is damaged
  bool encrypted = false;                 // claims encryption (general purpose flag bit 0)
  bool duplicate = false;                 // the entry is written twice
  std::optional<std::string> stored_name; // the name recorded in both headers instead of the key
  std::optional<std::string> local_name;  // the local header names something else than the central record
};

struct OzxOptions {
  bool zip64 = true;
  std::uint16_t method = 0;           // ZIP method of every entry: 0 STORED, 8 DEFLATE
  bool comment_present = true;        // false: no archive comment at all
  std::optional<std::string> comment; // replaces the RFC-9 comment when set
  bool json_first = true;             // false: entries in plain key order
  std::vector<std::string> first;     // keys moved to the front, in this order
  std::string folder;                 // wraps every entry in this top-level folder
  std::string prefix;                 // bytes before the first entry (a self-extractor stub)
  std::string extension = ".ozx";     // file name extension of the case
  std::vector<OzxEntryDefect> entry_defects;
  std::optional<std::uint64_t> central_directory_offset;  // a lying EOCD offset: a broken structure
};

// The comment RFC-9 recommends for `version`, with jsonFirst: true.
std::string rfc9_comment(const std::string& version);

// Entry order the writer uses (before `first` and `folder` apply): root zarr.json, the other
// zarr.json files breadth-first, then everything else by key.
std::vector<std::string> json_first_order(const Dataset& files);

Bytes write_ozx(const Dataset& files, const OzxOptions& options, const std::string& version);

}  // namespace ozv::corpus
