#include "rules/zip_checks.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/check_util.hpp"
#include "store/zip_directory.hpp"
#include "store/zip_store.hpp"

namespace ozv {
namespace {

// Per-entry rules report at most this many entries each; a hostile archive with a million
// bad names gets one more finding saying how many were left out.
constexpr std::size_t kMaxPerRule = 100;
// The root zarr.json is read (for OZX-M1 and OZX-C3) only up to this size.
constexpr std::uint64_t kMaxRootDocument = 16u << 20;
// Version strings from the archive comment are cut to this length in messages.
constexpr std::size_t kMaxQuoted = 100;

constexpr std::string_view kJsonFirstPointer = "/ome/zipFile/centralDirectory/jsonFirst";

bool is_zarr_json(std::string_view name) { return name == "zarr.json" || name.ends_with("/zarr.json"); }

std::size_t depth(std::string_view name) { return static_cast<std::size_t>(std::count(name.begin(), name.end(), '/')); }

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [&](char a, char b) { return lower(a) == lower(b); });
}

std::string in_quotes(std::string_view name) { return "'" + printable_entry_name(name) + "'"; }

// A string from the archive, cut and escaped for a message.
std::string cut(const std::string& text) {
  if (text.size() <= kMaxQuoted) return printable_entry_name(text);
  return printable_entry_name(text.substr(0, kMaxQuoted)) + "...";
}

// Appends findings, capping the per-entry ones.
class Emitter {
 public:
  explicit Emitter(Findings& out) : out_(out) {}

  void archive(const char* rule, Values values, std::string_view pointer = "") {
    out_.push_back(Finding{rule, {"", std::string(pointer)}, std::move(values)});
  }

  // A finding about one entry whose message has the single placeholder {detail}.
  void entry(const char* rule, std::string_view name, std::string detail) {
    if (counts_[rule]++ >= kMaxPerRule) return;
    out_.push_back(Finding{rule, {printable_entry_name(name), ""}, {{"detail", std::move(detail)}}});
  }

  void at(const char* rule, std::string_view name, Values values, std::string_view pointer = "") {
    out_.push_back(Finding{rule, {printable_entry_name(name), std::string(pointer)}, std::move(values)});
  }

  void finish() {
    for (const auto& [rule, count] : counts_) {
      if (count <= kMaxPerRule) continue;
      archive(rule.c_str(), {{"detail", std::to_string(count - kMaxPerRule) +
                                    " more entries have this problem; they are not listed one by one"}});
    }
  }

 private:
  Findings& out_;
  std::map<std::string, std::size_t> counts_;
};

// What the archive comment promises.
struct CommentInfo {
  bool json_first = false;
  std::optional<std::string> version;
};

class ContainerChecks {
 public:
  ContainerChecks(const ByteSource& archive, const ZipDirectory& dir, Emitter& emit)
      : archive_(archive), dir_(dir), emit_(emit) {}

  void run() {
    report_structure();
    if (!dir_.found_end) return;
    check_disks();
    if (!dir_.end.has_zip64_eocd) emit_.archive("OZX-S1", {});
    const CommentInfo comment = check_comment();
    if (!dir_.complete) return;  // a partial entry list would make every other rule guess

    classify_entries();
    check_names();
    check_duplicates();
    check_encryption();
    check_compression();
    check_nested_archives();
    check_local_headers();
    check_prefix();
    check_stray_files();
    const std::optional<std::string> root_version = check_root();
    check_order(comment);
    if (comment.version && root_version && *comment.version != *root_version) {
      emit_.archive("OZX-C3", {{"comment_version", cut(*comment.version)}, {"root_version", cut(*root_version)}},
                    "/ome/version");
    }
  }

 private:
  // ---- structure -----------------------------------------------------------------------

  void report_structure() {
    if (dir_.too_many_entries) {
      emit_.archive("OZX-X11", {{"count", std::to_string(dir_.end.entry_count)},
                                {"limit", std::to_string(kZipMaxEntries)}});
    }
    for (const auto& problem : dir_.problems) {
      if (problem.entry) {
        emit_.entry("OZX-X10", dir_.entries[*problem.entry].name, problem.detail);
      } else {
        emit_.archive("OZX-X10", {{"detail", problem.detail}});
      }
    }
  }

  void check_disks() {
    const auto& end = dir_.end;
    std::vector<std::string> details;
    // With a ZIP64 record, the EOCD fields may hold the 0xFFFF "see ZIP64" sentinel.
    auto eocd_field = [&](std::uint16_t value) { return !(end.has_zip64_eocd && value == 0xFFFF); };
    if (eocd_field(end.disk_number) && end.disk_number != 0) {
      details.push_back("the end of central directory record says this is disk " + std::to_string(end.disk_number));
    }
    if (eocd_field(end.cd_disk) && end.cd_disk != 0) {
      details.push_back("the central directory starts on disk " + std::to_string(end.cd_disk));
    }
    if (eocd_field(end.entries_on_disk) && eocd_field(end.entries_total) && end.entries_on_disk != end.entries_total) {
      details.push_back(std::to_string(end.entries_on_disk) + " of " + std::to_string(end.entries_total) +
                        " entries are on this disk");
    }
    if (end.has_zip64_locator) {
      if (end.locator_total_disks != 1) {
        details.push_back("the ZIP64 locator counts " + std::to_string(end.locator_total_disks) + " disks");
      }
      if (end.locator_eocd64_disk != 0) {
        details.push_back("the ZIP64 record is on disk " + std::to_string(end.locator_eocd64_disk));
      }
    }
    if (end.has_zip64_eocd) {
      if (end.eocd64_disk_number != 0) {
        details.push_back("the ZIP64 record says this is disk " + std::to_string(end.eocd64_disk_number));
      }
      if (end.eocd64_cd_disk != 0) {
        details.push_back("the ZIP64 record says the central directory starts on disk " +
                          std::to_string(end.eocd64_cd_disk));
      }
      if (end.eocd64_entries_on_disk != end.eocd64_entries_total) {
        details.push_back("the ZIP64 record counts " + std::to_string(end.eocd64_entries_on_disk) + " of " +
                          std::to_string(end.eocd64_entries_total) + " entries on this disk");
      }
    }
    if (dir_.head == std::string("PK\x07\x08", 4)) {
      details.push_back("the file starts with the split-archive marker PK\\x07\\x08");
    }
    for (const auto& e : dir_.entries) {
      if (e.disk_start != 0) {
        details.push_back("entry " + in_quotes(e.name) + " starts on disk " + std::to_string(e.disk_start));
        break;
      }
    }
    if (details.empty()) return;
    std::string joined;
    for (const auto& d : details) joined += (joined.empty() ? "" : "; ") + d;
    emit_.archive("OZX-M4", {{"detail", joined}});
  }

  // ---- archive comment -----------------------------------------------------------------

  CommentInfo check_comment() {
    CommentInfo info;
    const std::string& text = dir_.end.comment;
    auto missing = [&](std::string_view pointer, std::string detail) {
      emit_.archive("OZX-S6", {{"detail", std::move(detail)}}, pointer);
    };
    if (text.empty()) {
      missing("", "the archive has no comment");
      return info;
    }
    // The comment is at most 65535 bytes; parsing it does not recurse.
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
      missing("", "the comment is not UTF-8 JSON");
      return info;
    }
    if (!doc.is_object()) {
      missing("", "the comment is a JSON " + json_type_name(doc) + ", not an object");
      return info;
    }
    const auto ome = doc.find("ome");
    if (ome == doc.end() || !ome->is_object()) {
      missing("/ome", ome == doc.end() ? "it has no \"ome\" member"
                                       : "\"ome\" is a " + json_type_name(*ome) + ", not an object");
      return info;
    }
    const auto version = ome->find("version");
    if (version == ome->end()) {
      missing("/ome/version", "it has no \"ome.version\" member");
    } else if (!version->is_string()) {
      missing("/ome/version", "\"ome.version\" is a " + json_type_name(*version) + ", not a string");
    } else {
      info.version = version->get<std::string>();
    }

    auto wrong_type = [&](std::string_view pointer, const char* member, const char* expected,
                          const nlohmann::json& value) {
      emit_.archive("OZX-C2", {{"member", member}, {"expected", expected}, {"found", json_type_name(value)}},
                    pointer);
    };
    const auto zip_file = ome->find("zipFile");
    if (zip_file == ome->end()) return info;
    if (!zip_file->is_object()) {
      wrong_type("/ome/zipFile", "ome.zipFile", "an object", *zip_file);
      return info;
    }
    const auto central = zip_file->find("centralDirectory");
    if (central == zip_file->end()) return info;
    if (!central->is_object()) {
      wrong_type("/ome/zipFile/centralDirectory", "ome.zipFile.centralDirectory", "an object", *central);
      return info;
    }
    const auto json_first = central->find("jsonFirst");
    if (json_first == central->end()) return info;
    if (!json_first->is_boolean()) {
      wrong_type(kJsonFirstPointer, "ome.zipFile.centralDirectory.jsonFirst", "a boolean", *json_first);
      return info;
    }
    info.json_first = json_first->get<bool>();
    return info;
  }

  // ---- entries -------------------------------------------------------------------------

  void classify_entries() {
    const auto& entries = dir_.entries;
    valid_.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      name_problems_.push_back(zip_name_problem(entries[i].name));
      valid_[i] = name_problems_.back().empty();
      if (!entries[i].is_directory()) files_.push_back(i);
    }
  }

  bool is_metadata(std::size_t i) const { return valid_[i] && is_zarr_json(dir_.entries[i].name); }

  void check_names() {
    for (std::size_t i = 0; i < dir_.entries.size(); ++i) {
      if (!valid_[i]) emit_.entry("OZX-X2", dir_.entries[i].name, name_problems_[i]);
    }
  }

  void check_duplicates() {
    std::unordered_map<std::string_view, std::size_t> counts;
    for (std::size_t i : files_) ++counts[dir_.entries[i].name];
    for (std::size_t i : files_) {
      const auto it = counts.find(dir_.entries[i].name);
      if (it == counts.end() || it->second < 2) continue;
      emit_.entry("OZX-X3", it->first, "it appears " + std::to_string(it->second) +
                                           " times in the central directory; readers use the last record");
      counts.erase(it);  // once per name
    }
  }

  void check_encryption() {
    for (std::size_t i : files_) {
      const auto& e = dir_.entries[i];
      const std::uint16_t local_flags = dir_.locals[i].present ? dir_.locals[i].flags : 0;
      std::string detail;
      if (((e.flags | local_flags) & 0x0001u) != 0) detail = "general purpose flag bit 0 is set";
      else if ((e.flags & 0x0040u) != 0) detail = "general purpose flag bit 6 (strong encryption) is set";
      else if (e.method == kZipMethodAes) detail = "it uses WinZip AES encryption (method 99)";
      else if ((e.flags & 0x2000u) != 0) detail = "general purpose flag bit 13 (central directory encryption) is set";
      if (!detail.empty()) emit_.entry("OZX-X1", e.name, detail);
    }
  }

  void check_compression() {
    struct Use {
      std::size_t first;
      std::size_t count;
    };
    std::map<std::uint16_t, Use> uses;
    std::vector<std::uint16_t> order;  // methods in order of first use
    for (std::size_t i : files_) {
      const std::uint16_t method = dir_.entries[i].method;
      if (method == kZipMethodStored) continue;
      auto [it, added] = uses.try_emplace(method, Use{i, 0});
      ++it->second.count;
      if (added) order.push_back(method);
    }
    // A hostile archive could use thousands of method codes; each finding already counts
    // its entries, so the first kMaxPerRule methods say enough.
    if (order.size() > kMaxPerRule) order.resize(kMaxPerRule);
    for (std::uint16_t method : order) {
      const Use& use = uses.at(method);
      emit_.at("OZX-S2", dir_.entries[use.first].name,
               {{"method", zip_method_name(method)}, {"code", std::to_string(method)},
                {"others", std::to_string(use.count - 1)}});
    }
  }

  void check_nested_archives() {
    static const std::string kLocalSignature("PK\x03\x04", 4);
    for (std::size_t i : files_) {
      const auto& name = dir_.entries[i].name;
      if (ends_with_ci(name, ".ozx") || ends_with_ci(name, ".zip")) {
        emit_.entry("OZX-M3", name, "its name ends in " + name.substr(name.size() - 4));
      } else if (dir_.locals[i].data_head == kLocalSignature) {
        emit_.entry("OZX-M3", name, "its data starts with a ZIP local file header signature");
      }
    }
  }

  void check_local_headers() {
    for (std::size_t i = 0; i < dir_.entries.size(); ++i) {
      const auto& e = dir_.entries[i];
      const auto& local = dir_.locals[i];
      if (!local.present) continue;  // reported as a broken structure
      std::vector<std::string> diffs;
      if (!local.name_matches) diffs.push_back("the names differ");
      if (local.method != e.method) {
        diffs.push_back("method " + std::to_string(local.method) + " in the local header, " +
                        std::to_string(e.method) + " in the central directory");
      }
      if (((local.flags ^ e.flags) & 0x0001u) != 0) diffs.push_back("the encryption flags differ");
      // With bit 3 the local CRC and sizes are zero and live in a data descriptor instead.
      if (((local.flags | e.flags) & 0x0008u) == 0) {
        if (local.crc32 != e.crc32) diffs.push_back("the CRC-32 values differ");
        if (local.compressed_size != e.compressed_size) {
          diffs.push_back("compressed size " + std::to_string(local.compressed_size) + " in the local header, " +
                          std::to_string(e.compressed_size) + " in the central directory");
        }
        if (local.uncompressed_size != e.uncompressed_size) {
          diffs.push_back("uncompressed size " + std::to_string(local.uncompressed_size) +
                          " in the local header, " + std::to_string(e.uncompressed_size) +
                          " in the central directory");
        }
      }
      if (diffs.empty()) continue;
      std::string joined;
      for (const auto& d : diffs) joined += (joined.empty() ? "" : "; ") + d;
      emit_.entry("OZX-X4", e.name, joined);
    }
  }

  void check_prefix() {
    if (dir_.entries.empty()) return;
    std::uint64_t first = dir_.entries.front().local_header_offset;
    for (const auto& e : dir_.entries) first = std::min(first, e.local_header_offset);
    if (first > 0) emit_.archive("OZX-X7", {{"bytes", std::to_string(first)}});
  }

  void check_stray_files() {
    struct Kind {
      std::string detail;
      std::optional<std::size_t> first;
      std::size_t count = 0;
    };
    std::vector<Kind> kinds = {{"macOS resource data under __MACOSX/", {}, 0},
                               {"a macOS Finder .DS_Store file", {}, 0},
                               {"a Windows Explorer Thumbs.db or desktop.ini file", {}, 0}};
    for (std::size_t i : files_) {
      if (!valid_[i]) continue;
      const std::string_view name = dir_.entries[i].name;
      const std::string_view base = name.substr(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
      int kind = -1;
      if (name.starts_with("__MACOSX/")) kind = 0;
      else if (base == ".DS_Store") kind = 1;
      else if (base == "Thumbs.db" || base == "desktop.ini") kind = 2;
      if (kind < 0) continue;
      auto& k = kinds[static_cast<std::size_t>(kind)];
      if (!k.first) k.first = i;
      ++k.count;
    }
    for (const auto& k : kinds) {
      if (!k.first) continue;
      std::string detail = k.detail;
      if (k.count > 1) detail += "; " + std::to_string(k.count - 1) + " more entries like it";
      emit_.entry("OZX-X12", dir_.entries[*k.first].name, detail);
    }
  }

  // ---- the root and the hierarchy --------------------------------------------------------

  // Checks OZX-M2 and OZX-M1; returns the root's attributes.ome.version when it has one.
  std::optional<std::string> check_root() {
    std::optional<std::size_t> root;
    for (std::size_t i : files_) {
      if (dir_.entries[i].name == "zarr.json") root = i;  // the last record wins
    }
    if (!root) {
      emit_.archive("OZX-M2", {{"detail", missing_root_detail()}});
      return std::nullopt;
    }
    has_root_ = true;
    check_detached_nodes();

    const auto text = read_entry(*root);
    if (!text) return std::nullopt;
    // Syntax errors in zarr.json are the engine's to report; here only its content counts.
    const auto doc = nlohmann::json::parse(*text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    const auto attributes = doc.find("attributes");
    const nlohmann::json* ome = nullptr;
    if (attributes != doc.end() && attributes->is_object()) {
      if (auto it = attributes->find("ome"); it != attributes->end() && it->is_object()) ome = &*it;
    }
    if (ome == nullptr) {
      emit_.at("OZX-M1", "zarr.json",
               {{"detail", "the root zarr.json has no \"attributes.ome\" object, so it is not an OME-Zarr node"}},
               "/attributes/ome");
      return std::nullopt;
    }
    if (auto version = ome->find("version"); version != ome->end() && version->is_string()) {
      return version->get<std::string>();
    }
    return std::nullopt;
  }

  std::string missing_root_detail() const {
    std::optional<std::size_t> shallowest;
    bool v2 = false;
    for (std::size_t i : files_) {
      const auto& name = dir_.entries[i].name;
      if (name == ".zgroup" || name == ".zarray" || name == ".zattrs") v2 = true;
      if (!is_zarr_json(name)) continue;
      if (!shallowest || depth(name) < depth(dir_.entries[*shallowest].name)) shallowest = i;
    }
    if (shallowest) {
      const auto& name = dir_.entries[*shallowest].name;
      if (!valid_[*shallowest]) {
        return "the entry " + in_quotes(name) + " is not a valid key (" + name_problems_[*shallowest] + ")";
      }
      return "the shallowest zarr.json is " + in_quotes(name) +
             ", so the hierarchy sits in a folder instead of at the archive root";
    }
    if (v2) return "the archive holds Zarr v2 metadata (.zgroup, .zarray, .zattrs), and no zarr.json";
    return "the archive has no zarr.json entry at all";
  }

  // A zarr.json whose parent folder has none is not reachable from the root: it starts a
  // second hierarchy. Only the topmost such node is reported.
  void check_detached_nodes() {
    std::set<std::string_view> nodes;  // folders holding a zarr.json ("" = root)
    for (std::size_t i : files_) {
      if (!is_metadata(i)) continue;
      const std::string_view name = dir_.entries[i].name;
      nodes.insert(name.size() == 9 ? std::string_view() : name.substr(0, name.size() - 10));
    }
    for (std::string_view node : nodes) {
      if (node.empty()) continue;
      const auto slash = node.rfind('/');
      const std::string_view parent = slash == std::string_view::npos ? std::string_view() : node.substr(0, slash);
      if (nodes.count(parent) != 0) continue;
      emit_.entry("OZX-M1", std::string(node) + "/zarr.json",
                  "its parent folder " + in_quotes(parent) +
                      " has no zarr.json, so this node is not connected to the hierarchy at the archive root");
    }
  }

  // The bytes of entry `i`, or nullopt when it cannot be read (other rules say why).
  std::optional<std::string> read_entry(std::size_t i) const {
    const auto& e = dir_.entries[i];
    const auto& local = dir_.locals[i];
    if (e.is_encrypted() || e.uncompressed_size > kMaxRootDocument) return std::nullopt;
    for (const auto& p : dir_.problems) {
      if (p.entry == i) return std::nullopt;
    }
    try {
      if (e.method == kZipMethodStored && local.present && e.compressed_size == e.uncompressed_size) {
        Bytes bytes = archive_.read(local.data_offset, e.uncompressed_size);
        if (bytes.size() != e.uncompressed_size) return std::nullopt;
        return bytes;
      }
      return read_zip_entry(archive_, i, kMaxRootDocument);
    } catch (const StoreError&) {
      return std::nullopt;  // an unreadable root is reported when the engine reads it
    }
  }

  // ---- order -----------------------------------------------------------------------------

  // The first break of the recommended order in `sequence` (entry indices in central
  // directory or file order): the root first, then every other zarr.json, shallower levels
  // before deeper ones. Returns the entry to report and what is wrong.
  std::optional<std::pair<std::size_t, std::string>> order_problem(const std::vector<std::size_t>& sequence,
                                                                   std::string_view where) const {
    if (sequence.empty()) return std::nullopt;
    const auto& entries = dir_.entries;
    if (has_root_ && entries[sequence.front()].name != "zarr.json") {
      std::size_t root = sequence.front();
      for (std::size_t i : sequence) {
        if (entries[i].name == "zarr.json") root = i;
      }
      const std::string first = in_quotes(entries[sequence.front()].name);
      return std::pair(root, "the first entry " + std::string(where) + " is " + first + ", not the root zarr.json");
    }
    std::optional<std::size_t> first_other;
    std::optional<std::size_t> previous;
    for (std::size_t i : sequence) {
      if (!is_metadata(i)) {
        if (!first_other) first_other = i;
        continue;
      }
      if (first_other) {
        return std::pair(i, in_quotes(entries[i].name) + " comes after " + in_quotes(entries[*first_other].name) + " " +
                                std::string(where) + ", which is not a zarr.json file");
      }
      if (previous && depth(entries[i].name) < depth(entries[*previous].name)) {
        const std::string deeper = in_quotes(entries[*previous].name);
        return std::pair(i, in_quotes(entries[i].name) + " comes after the deeper " + deeper + " " +
                                std::string(where) + " (breadth-first order lists shallower levels first)");
      }
      previous = i;
    }
    return std::nullopt;
  }

  void check_order(const CommentInfo& comment) {
    // Only keys take part: directory entries and names that cannot be keys are left out.
    std::vector<std::size_t> keys;
    for (std::size_t i : files_) {
      if (valid_[i]) keys.push_back(i);
    }
    const auto central = order_problem(keys, "in the central directory");
    if (central && comment.json_first) {
      emit_.archive("OZX-C1", {{"detail", central->second}}, kJsonFirstPointer);
    } else if (central) {
      emit_.at("OZX-S4", dir_.entries[central->first].name, {{"detail", central->second}});
    }
    // File order is known only for entries whose local header was found.
    std::vector<std::size_t> physical;
    for (std::size_t i : keys) {
      if (dir_.locals[i].present) physical.push_back(i);
    }
    std::stable_sort(physical.begin(), physical.end(), [&](std::size_t a, std::size_t b) {
      return dir_.entries[a].local_header_offset < dir_.entries[b].local_header_offset;
    });
    if (const auto local = order_problem(physical, "in the file")) {
      emit_.at("OZX-S4", dir_.entries[local->first].name, {{"detail", local->second}});
    }
  }

  const ByteSource& archive_;
  const ZipDirectory& dir_;
  Emitter& emit_;
  std::vector<bool> valid_;                 // per entry: the name can be a key
  std::vector<std::string> name_problems_;  // per entry: why not
  std::vector<std::size_t> files_;          // non-directory entries, central directory order
  bool has_root_ = false;
};

}  // namespace

void check_zip_container(const ByteSource& archive, const std::string& file_name, Findings& out) {
  Emitter emit(out);
  if (!file_name.empty() && !ends_with_ci(file_name, ".ozx")) {
    emit.archive("OZX-S5", {{"name", printable_entry_name(file_name)}});
  }
  try {
    const ZipDirectory dir = read_zip_directory(archive);
    ContainerChecks(archive, dir, emit).run();
  } catch (const StoreError& e) {
    emit.archive("STORE-001", {{"detail", e.what()}});
  }
  emit.finish();
}

}  // namespace ozv
