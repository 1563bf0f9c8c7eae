#include <algorithm>
#include <set>

#include "corpus/mutation.hpp"

namespace ozv::corpus {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const Mutation& m, const std::string& message) {
  throw MutationError(m.source + ": " + m.id + ": " + message);
}

Bytes from_hex(const std::string& hex) {
  Bytes out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

json read_document(const Mutation& m, const Dataset& files, const std::string& key) {
  const auto found = files.find(key);
  if (found == files.end()) fail(m, "no file \"" + key + "\" to edit");
  try {
    return json::parse(found->second);
  } catch (const json::exception&) {
    fail(m, "\"" + key + "\" is not JSON, so it cannot be edited by pointer");
  }
}

// The keys an operation's `from`/`key` names: the key itself, or, when no such file exists,
// every key below it (so that "labels" names a whole subtree).
std::vector<std::string> selected_keys(const Mutation& m, const Dataset& files, const std::string& key) {
  if (files.count(key)) return {key};
  std::vector<std::string> out;
  const std::string prefix = key + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.starts_with(prefix); ++it) out.push_back(it->first);
  if (out.empty()) fail(m, "no file or directory \"" + key + "\"");
  return out;
}

std::string moved_key(const std::string& key, const std::string& from, const std::string& to) {
  return key == from ? to : to + key.substr(from.size());
}

void check_key(const Mutation& m, const std::string& key) {
  if (!is_clean_key(key)) fail(m, "\"" + key + "\" is not a clean store key; the corpus writes only those");
}

void apply_zip(const json& op, OzxOptions& ozx) {
  if (op.contains("zip64")) ozx.zip64 = op["zip64"].get<bool>();
  if (op.contains("method")) ozx.method = op["method"].get<std::uint16_t>();
  if (op.contains("comment")) {
    ozx.comment_present = !op["comment"].is_null();
    if (ozx.comment_present) ozx.comment = op["comment"].get<std::string>();
  }
  if (op.contains("json_first")) ozx.json_first = op["json_first"].get<bool>();
  if (op.contains("first")) ozx.first = op["first"].get<std::vector<std::string>>();
  if (op.contains("folder")) ozx.folder = op["folder"].get<std::string>();
  if (op.contains("prefix_hex")) ozx.prefix = from_hex(op["prefix_hex"].get<std::string>());
  if (op.contains("extension")) ozx.extension = op["extension"].get<std::string>();
  if (op.contains("central_directory_offset")) ozx.central_directory_offset = op["central_directory_offset"].get<std::uint64_t>();
  if (op.contains("entries")) {
    for (const auto& e : op["entries"]) {
      OzxEntryDefect d;
      d.key = e["key"].get<std::string>();
      d.encrypted = e.value("encrypted", false);
      d.duplicate = e.value("duplicate", false);
      if (e.contains("stored_name")) d.stored_name = e["stored_name"].get<std::string>();
      if (e.contains("local_name")) d.local_name = e["local_name"].get<std::string>();
      ozx.entry_defects.push_back(std::move(d));
    }
  }
}

void apply_operation(const Mutation& m, const Operation& operation, Case& c) {
  const json& op = operation.args;
  Dataset& files = c.files;
  const std::string& name = operation.op;
  if (name == "json-set" || name == "json-remove") {
    const std::string key = op["key"].get<std::string>();
    json doc = read_document(m, files, key);
    const std::string pointer = op["pointer"].get<std::string>();
    try {
      const json::json_pointer ptr(pointer);
      if (name == "json-set") {
        if (!pointer.empty() && !doc.contains(ptr.parent_pointer())) fail(m, key + ": no parent for " + pointer);
        doc[ptr] = op["value"];
      } else {
        if (!doc.contains(ptr)) fail(m, key + ": nothing at " + pointer + " to remove");
        json& parent = doc[ptr.parent_pointer()];
        if (parent.is_array()) parent.erase(static_cast<std::size_t>(std::stoul(ptr.back())));
        else parent.erase(ptr.back());
      }
    } catch (const json::exception& e) {
      fail(m, key + ": cannot edit " + pointer + ": " + e.what());
    }
    files[key] = dump_json(doc);
  } else if (name == "write-text" || name == "write-hex") {
    const std::string key = op["key"].get<std::string>();
    check_key(m, key);
    files[key] = name == "write-text" ? op["text"].get<std::string>() : from_hex(op["hex"].get<std::string>());
  } else if (name == "delete") {
    for (const auto& key : selected_keys(m, files, op["key"].get<std::string>())) files.erase(key);
  } else if (name == "copy" || name == "rename") {
    const std::string from = op["from"].get<std::string>();
    const std::string to = op["to"].get<std::string>();
    Dataset moved;
    for (const auto& key : selected_keys(m, files, from)) {
      const std::string target = moved_key(key, from, to);
      check_key(m, target);
      moved[target] = files.at(key);
      if (name == "rename") files.erase(key);
    }
    for (auto& [key, bytes] : moved) files[key] = std::move(bytes);
  } else if (name == "truncate") {
    const std::string key = op["key"].get<std::string>();
    auto found = files.find(key);
    if (found == files.end()) fail(m, "no file \"" + key + "\" to truncate");
    const auto size = op["size"].get<std::uint64_t>();
    if (size >= found->second.size()) fail(m, "\"" + key + "\" is not longer than " + std::to_string(size) + " bytes");
    found->second.resize(static_cast<std::size_t>(size));
  } else if (name == "patch-hex") {
    // Overwrites bytes in place (a flipped byte under a checksum, a lying shard index entry);
    // "offset" counts from the end when "from_end" is true, as shard indexes sit there.
    const std::string key = op["key"].get<std::string>();
    auto found = files.find(key);
    if (found == files.end()) fail(m, "no file \"" + key + "\" to patch");
    const Bytes patch = from_hex(op["hex"].get<std::string>());
    const auto offset = op["offset"].get<std::uint64_t>();
    const std::uint64_t size = found->second.size();
    const bool from_end = op.value("from_end", false);
    if (offset > size || patch.size() > (from_end ? offset : size - offset))
      fail(m, "the patch does not fit inside \"" + key + "\" (" + std::to_string(size) + " bytes)");
    const std::uint64_t at = from_end ? size - offset : offset;
    found->second.replace(static_cast<std::size_t>(at), patch.size(), patch);
  } else if (name == "zip") {
    apply_zip(op, c.ozx);
  } else {
    fail(m, "unknown operation \"" + name + "\"");
  }
}

}  // namespace

Case apply_mutation(const Mutation& m, const Case& base, const std::string& variant) {
  Case c = base;
  c.id = m.id;
  c.base = base.id;
  c.description = m.description;
  if (!m.spec_version.empty()) c.spec_version = m.spec_version;
  c.level = m.level;
  c.expected = variant == "ozx" && m.has_expected_ozx ? m.expected_ozx : m.expected;
  c.expected_reason = m.expected_reason;
  std::set<std::string> tags(base.tags.begin(), base.tags.end());
  tags.erase("baseline");
  tags.insert("mutation");
  tags.insert(m.tags.begin(), m.tags.end());
  for (const auto& f : c.expected) tags.insert(f.rule);
  c.tags.assign(tags.begin(), tags.end());
  for (const auto& operation : m.operations) apply_operation(m, operation, c);
  // The published checksums describe the data of valid cases only; a mutation that keeps the
  // case valid keeps the base's arrays, unless it deleted or renamed them.
  if (suffix_for(c.expected) != "-valid") c.checksums.clear();
  for (auto it = c.checksums.begin(); it != c.checksums.end();) {
    const bool present = c.files.count(it->first + "/zarr.json") || c.files.count(it->first + "/.zarray");
    it = present ? std::next(it) : c.checksums.erase(it);
  }
  return c;
}

}  // namespace ozv::corpus
