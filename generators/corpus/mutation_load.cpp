#include <algorithm>
#include <map>
#include <set>

#include "corpus/bases.hpp"
#include "corpus/mutation.hpp"

namespace ozv {
const std::vector<std::pair<std::string_view, std::string_view>>& mutation_files();
}

namespace ozv::corpus {
namespace {

using nlohmann::json;

// Required and optional members of each operation (besides "op").
const std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>>& operation_members() {
  static const std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> members = {
      {"json-set", {{"key", "pointer", "value"}, {}}},
      {"json-remove", {{"key", "pointer"}, {}}},
      {"write-text", {{"key", "text"}, {}}},
      {"write-hex", {{"key", "hex"}, {}}},
      {"delete", {{"key"}, {}}},
      {"copy", {{"from", "to"}, {}}},
      {"rename", {{"from", "to"}, {}}},
      {"truncate", {{"key", "size"}, {}}},
      {"patch-hex", {{"key", "offset", "hex"}, {"from_end"}}},
      {"zip",
       {{},
        {"zip64", "method", "comment", "json_first", "first", "folder", "prefix_hex", "extension", "entries",
          "central_directory_offset"}}},
  };
  return members;
}

class EntryContext {
 public:
  EntryContext(std::string_view file, std::size_t index) : where_(std::string(file) + ": mutation #" + std::to_string(index)) {}
  void name(const std::string& id) { where_ += " (" + id + ")"; }
  [[noreturn]] void fail(const std::string& message) const { throw MutationError(where_ + ": " + message); }

  std::string string_member(const json& object, const char* member, bool required = true) const {
    if (!object.contains(member)) {
      if (required) fail(std::string("missing \"") + member + "\"");
      return {};
    }
    if (!object[member].is_string()) fail(std::string("\"") + member + "\" must be a string");
    return object[member].get<std::string>();
  }

  std::vector<std::string> string_list(const json& object, const char* member, bool required = true) const {
    if (!object.contains(member)) {
      if (required) fail(std::string("missing \"") + member + "\"");
      return {};
    }
    const json& list = object[member];
    if (!list.is_array()) fail(std::string("\"") + member + "\" must be an array of strings");
    std::vector<std::string> out;
    for (const auto& item : list) {
      if (!item.is_string()) fail(std::string("\"") + member + "\" must be an array of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }

 private:
  std::string where_;
};

void check_members(const EntryContext& ctx, const json& object, const std::set<std::string>& required,
                   const std::set<std::string>& optional, const std::string& what) {
  if (!object.is_object()) ctx.fail(what + " must be an object");
  for (const auto& name : required)
    if (!object.contains(name)) ctx.fail(what + " lacks \"" + name + "\"");
  for (const auto& item : object.items())
    if (!required.count(item.key()) && !optional.count(item.key()))
      ctx.fail(what + " has the unknown member \"" + item.key() + "\"");
}

std::vector<ExpectedFinding> parse_expected(const EntryContext& ctx, const json& list, const Catalogue& catalogue,
                                            const char* member) {
  if (!list.is_array()) ctx.fail(std::string("\"") + member + "\" must be an array");
  std::vector<ExpectedFinding> out;
  for (const auto& item : list) {
    check_members(ctx, item, {"rule", "severity", "location"}, {}, std::string("an entry of \"") + member + "\"");
    check_members(ctx, item["location"], {"key", "pointer"}, {}, "a location");
    ExpectedFinding f;
    f.rule = ctx.string_member(item, "rule");
    const std::string severity = ctx.string_member(item, "severity");
    f.location.key = ctx.string_member(item["location"], "key");
    f.location.pointer = ctx.string_member(item["location"], "pointer");
    const Rule* rule = catalogue.find(f.rule);
    if (rule == nullptr) ctx.fail("expects the unknown rule " + f.rule);
    if (rule->status != RuleStatus::active) ctx.fail("expects " + f.rule + ", which is " + std::string(to_string(rule->status)));
    const auto parsed = severity_from_string(severity);
    if (!parsed) ctx.fail("expects " + f.rule + " with the unknown severity \"" + severity + "\"");
    if (*parsed != rule->severity)
      ctx.fail("expects " + f.rule + " as " + severity + ", but the catalogue says " + std::string(to_string(rule->severity)));
    if (!f.location.pointer.empty() && f.location.pointer.front() != '/')
      ctx.fail("the pointer \"" + f.location.pointer + "\" is not a JSON pointer");
    f.severity = *parsed;
    out.push_back(std::move(f));
  }
  // A multiset: a validator may report one rule twice at one location (different details).
  std::sort(out.begin(), out.end());
  return out;
}

void check_operation(const EntryContext& ctx, const json& op, const std::vector<std::string>& variants) {
  if (!op.is_object() || !op.contains("op") || !op["op"].is_string()) ctx.fail("an operation needs a string \"op\"");
  const std::string name = op["op"].get<std::string>();
  const auto found = operation_members().find(name);
  if (found == operation_members().end()) ctx.fail("unknown operation \"" + name + "\"");
  auto required = found->second.first;
  auto optional = found->second.second;
  required.insert("op");
  check_members(ctx, op, required, optional, "operation \"" + name + "\"");
  for (const char* member : {"key", "pointer", "text", "hex", "from", "to", "folder", "prefix_hex", "extension"}) {
    if (op.contains(member) && !op[member].is_string()) ctx.fail(std::string("\"") + member + "\" must be a string");
  }
  if (op.contains("pointer")) {
    const std::string pointer = op["pointer"].get<std::string>();
    if (!pointer.empty() && pointer.front() != '/') ctx.fail("\"" + pointer + "\" is not a JSON pointer");
    if (name == "json-remove" && pointer.empty()) ctx.fail("json-remove cannot remove the whole document");
  }
  if (op.contains("hex")) {
    const std::string hex = op["hex"].get<std::string>();
    if (hex.size() % 2 != 0 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      ctx.fail("\"hex\" must be an even number of hex digits");
  }
  if (op.contains("prefix_hex")) {
    const std::string hex = op["prefix_hex"].get<std::string>();
    if (hex.size() % 2 != 0 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      ctx.fail("\"prefix_hex\" must be an even number of hex digits");
  }
  if (name == "truncate" && !op["size"].is_number_unsigned()) ctx.fail("\"size\" must be a non-negative integer");
  if (name == "patch-hex" && !op["offset"].is_number_unsigned()) ctx.fail("\"offset\" must be a non-negative integer");
  if (name == "patch-hex" && op.contains("from_end") && !op["from_end"].is_boolean())
    ctx.fail("\"from_end\" must be a boolean");
  if (name == "zip") {
    if (variants != std::vector<std::string>{"ozx"}) ctx.fail("a zip operation needs \"variants\": [\"ozx\"]");
    for (const char* member : {"zip64", "json_first"})
      if (op.contains(member) && !op[member].is_boolean()) ctx.fail(std::string("\"") + member + "\" must be a boolean");
    if (op.contains("method") && (!op["method"].is_number_unsigned() || op["method"].get<std::uint64_t>() > 0xFFFF))
      ctx.fail("\"method\" must be a ZIP method number");
    if (op.contains("comment") && !op["comment"].is_string() && !op["comment"].is_null())
      ctx.fail("\"comment\" must be a string, or null for no comment");
    if (op.contains("first")) ctx.string_list(op, "first");
    if (op.contains("central_directory_offset") && !op["central_directory_offset"].is_number_unsigned())
      ctx.fail("\"central_directory_offset\" must be a non-negative integer");
    if (op.contains("entries")) {
      if (!op["entries"].is_array()) ctx.fail("\"entries\" must be a list of entry defects");
      for (const auto& e : op["entries"]) {
        check_members(ctx, e, {"key"}, {"encrypted", "duplicate", "stored_name", "local_name"}, "an entry defect");
        if (!e["key"].is_string()) ctx.fail("an entry defect's \"key\" must be a string");
        for (const char* flag : {"encrypted", "duplicate"})
          if (e.contains(flag) && !e[flag].is_boolean()) ctx.fail(std::string("\"") + flag + "\" must be a boolean");
        for (const char* text : {"stored_name", "local_name"})
          if (e.contains(text) && !e[text].is_string()) ctx.fail(std::string("\"") + text + "\" must be a string");
      }
    }
  }
}

Mutation parse_entry(const EntryContext& ctx, const json& entry, const Catalogue& catalogue) {
  check_members(ctx, entry, {"id", "description", "base", "level", "tags", "variants", "operations", "expected"},
                {"expected_ozx", "expected_reason", "spec_version", "$comment"}, "a mutation");
  Mutation m;
  m.id = ctx.string_member(entry, "id");
  m.description = ctx.string_member(entry, "description");
  m.base = ctx.string_member(entry, "base");
  m.spec_version = ctx.string_member(entry, "spec_version", false);
  m.expected_reason = ctx.string_member(entry, "expected_reason", false);
  m.tags = ctx.string_list(entry, "tags");
  m.variants = ctx.string_list(entry, "variants");
  if (!entry["level"].is_number_unsigned() || entry["level"].get<std::uint64_t>() < 1 || entry["level"].get<std::uint64_t>() > 4)
    ctx.fail("\"level\" must be 1 (field), 2 (document), 3 (hierarchy) or 4 (with data)");
  m.level = entry["level"].get<int>();

  if (m.id.empty() || m.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-./_") != std::string::npos || m.id.find("..") != std::string::npos ||
      m.id.front() == '/' || m.id.back() == '/' || m.id.starts_with("ozx/"))
    ctx.fail("the id must be lower-case [a-z0-9._-] parts joined by '/' and must not start with \"ozx/\"");
  if (m.description.empty() || m.description.find('\n') != std::string::npos) ctx.fail("the description must be one line");
  const BaseDefinition* base = find_base(m.base);
  if (base == nullptr) ctx.fail("unknown base \"" + m.base + "\"");
  if (m.variants.empty()) ctx.fail("\"variants\" is empty");
  for (const auto& v : m.variants) {
    if (v != "dir" && v != "ozx") ctx.fail("unknown variant \"" + v + "\"");
    if (std::find(base->variants.begin(), base->variants.end(), v) == base->variants.end())
      ctx.fail("base " + m.base + " has no \"" + v + "\" variant");
  }
  if (std::set<std::string>(m.variants.begin(), m.variants.end()).size() != m.variants.size())
    ctx.fail("\"variants\" repeats a variant");

  if (!entry["operations"].is_array() || entry["operations"].empty()) ctx.fail("\"operations\" must be a non-empty array");
  for (const auto& op : entry["operations"]) {
    check_operation(ctx, op, m.variants);
    m.operations.push_back({op["op"].get<std::string>(), op});
  }
  m.expected = parse_expected(ctx, entry["expected"], catalogue, "expected");
  if (entry.contains("expected_ozx")) {
    if (std::find(m.variants.begin(), m.variants.end(), "ozx") == m.variants.end())
      ctx.fail("\"expected_ozx\" without an ozx variant");
    m.has_expected_ozx = true;
    m.expected_ozx = parse_expected(ctx, entry["expected_ozx"], catalogue, "expected_ozx");
  }
  const std::string last = m.id.substr(m.id.rfind('/') + 1);
  const bool ozx_only = m.variants == std::vector<std::string>{"ozx"};
  const std::string suffix = suffix_for(ozx_only && m.has_expected_ozx ? m.expected_ozx : m.expected);
  if (!last.ends_with(suffix)) ctx.fail("the id must end in " + suffix + " for the findings it expects");
  if (m.has_expected_ozx && !ozx_only && suffix_for(m.expected_ozx) != suffix)
    ctx.fail("\"expected_ozx\" would need another id suffix than \"expected\"");
  if (!m.expected_reason.empty() && m.expected.empty() && suffix != "-valid")
    ctx.fail("an expected_reason without expected findings");
  return m;
}

}  // namespace

std::string suffix_for(const std::vector<ExpectedFinding>& expected) {
  Severity worst = Severity::info;
  bool any = false;
  for (const auto& f : expected) {
    if (!any || f.severity > worst) worst = f.severity;
    any = true;
  }
  if (!any || worst == Severity::info) return "-valid";
  return worst == Severity::warning ? "-warning" : "-error";
}

std::vector<Mutation> load_mutations(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                     const Catalogue& catalogue) {
  std::vector<Mutation> all;
  std::set<std::string> ids;
  for (const auto& def : base_definitions()) ids.insert(def.id);
  for (const auto& [name, text] : files) {
    json doc;
    try {
      doc = json::parse(text);
    } catch (const json::exception& e) {
      throw MutationError(std::string(name) + ": not JSON: " + e.what());
    }
    EntryContext file_ctx(name, 0);
    check_members(file_ctx, doc, {"mutations"}, {"area", "$comment", "uncoverable"},
                  std::string(name) + ": the file");
    if (!doc["mutations"].is_array()) throw MutationError(std::string(name) + ": \"mutations\" must be an array");
    std::size_t index = 0;
    for (const auto& entry : doc["mutations"]) {
      EntryContext ctx(name, ++index);
      if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) ctx.name(entry["id"].get<std::string>());
      Mutation m = parse_entry(ctx, entry, catalogue);
      m.source = std::string(name);
      if (!ids.insert(m.id).second) ctx.fail("the id is used twice (or by a base)");
      all.push_back(std::move(m));
    }
  }
  std::sort(all.begin(), all.end(), [](const Mutation& a, const Mutation& b) { return a.id < b.id; });
  return all;
}

std::vector<UncoverableRule> load_uncoverable(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                              const Catalogue& catalogue) {
  std::vector<UncoverableRule> all;
  for (const auto& [name, text] : files) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("uncoverable")) continue;  // load_mutations reports broken files
    const json& list = doc["uncoverable"];
    if (!list.is_array()) throw MutationError(std::string(name) + ": \"uncoverable\" must be an array");
    for (const auto& entry : list) {
      if (!entry.is_object() || entry.size() != 2 || !entry.contains("rule") || !entry.contains("reason") ||
          !entry["rule"].is_string() || !entry["reason"].is_string() || entry["reason"].get<std::string>().empty()) {
        throw MutationError(std::string(name) + ": an uncoverable entry must be {\"rule\": ID, \"reason\": text}: " +
                            entry.dump());
      }
      const std::string rule = entry["rule"];
      if (catalogue.find(rule) == nullptr) throw MutationError(std::string(name) + ": uncoverable rule " + rule + " is not in the catalogue");
      all.push_back(UncoverableRule{std::string(name), rule, entry["reason"]});
    }
  }
  return all;
}

const std::vector<UncoverableRule>& builtin_uncoverable() {
  static const std::vector<UncoverableRule> rules = load_uncoverable(mutation_files(), Catalogue::builtin());
  return rules;
}

const std::vector<Mutation>& builtin_mutations() {
  static const std::vector<Mutation> mutations = load_mutations(mutation_files(), Catalogue::builtin());
  return mutations;
}

}  // namespace ozv::corpus
