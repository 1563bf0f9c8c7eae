#include "schema/schema_compile.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "finding/finding.hpp"
#include "schema/schema_regex.hpp"
#include "schema/schema_set.hpp"
#include "schema/schema_uri.hpp"

namespace ozv {
namespace {

using nlohmann::json;

constexpr int kMaxSchemaDepth = 64;  // schema nesting; the official schemas use under 15

// Keywords without effect on validation in 2020-12 (format is annotation-only by default).
const std::set<std::string, std::less<>> kAnnotations = {
    "title",    "description", "default",         "examples",         "deprecated",    "readOnly",
    "writeOnly", "$comment",   "format",          "contentEncoding",  "contentMediaType",
    "contentSchema"};
// Assertions copied as they are: draft 7 gives them the same meaning as 2020-12.
const std::set<std::string, std::less<>> kCopied = {
    "enum",      "const",     "required",      "uniqueItems",  "minItems",      "maxItems",
    "minLength", "maxLength", "pattern",       "minimum",      "maximum",       "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minProperties", "maxProperties"};
const std::set<std::string, std::less<>> kOneSchema = {"not", "if", "then", "else", "additionalProperties",
                                                       "propertyNames"};
const std::set<std::string, std::less<>> kSchemaArrays = {"allOf", "anyOf", "oneOf"};
const std::set<std::string, std::less<>> kSchemaMaps = {"properties", "patternProperties", "$defs",
                                                        "definitions"};
// Handled one by one below.
const std::set<std::string, std::less<>> kSpecial = {"$schema",     "$id",         "$ref",
                                                     "type",        "items",       "prefixItems",
                                                     "contains",    "minContains", "maxContains",
                                                     "dependentRequired", "dependentSchemas"};
// Known 2020-12 keywords this engine does not evaluate: named as such in the error.
const std::set<std::string, std::less<>> kNotImplemented = {
    "unevaluatedProperties", "unevaluatedItems", "$anchor", "$dynamicRef", "$dynamicAnchor",
    "$vocabulary", "$recursiveRef", "$recursiveAnchor"};

const std::set<std::string, std::less<>> kTypeNames = {"null",   "boolean", "object", "array",
                                                       "number", "string",  "integer"};

bool is_non_negative_integer(const json& v) {
  return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
}

// Where a schema node sits: in its file (for errors), in the combined output document, and
// relative to every enclosing schema resource (for `$ref` fragments).
struct Where {
  std::string source;                                     // pointer in the file
  std::string out;                                        // pointer in the combined document
  std::vector<std::pair<std::string, std::string>> scopes;  // (resource URI, pointer in it)

  Where child(std::string_view source_token, const std::string& out_pointer) const {
    Where w{pointer_append(source, source_token), out_pointer, scopes};
    for (auto& scope : w.scopes) scope.second = pointer_append(scope.second, source_token);
    return w;
  }
  Where child(std::string_view t1, std::string_view t2, const std::string& out_pointer) const {
    Where w = child(t1, out_pointer);
    w.source = pointer_append(w.source, t2);
    for (auto& scope : w.scopes) scope.second = pointer_append(scope.second, t2);
    return w;
  }
};

struct PendingRef {
  std::string out;     // pointer of the {"$ref": ...} object in the combined document
  std::string target;  // absolute URI with fragment
  std::string file, source;
};

class Rewriter {
 public:
  json rewrite_document(const std::string& file, const json& document, const std::string& out) {
    file_ = file;
    // The retrieval URI only serves as base when the document has no `$id`.
    const std::string retrieval = "urn:ozv:file:" + file;
    return rewrite(document, Where{"", out, {}}, retrieval, 0);
  }

  void resolve_refs(json& combined) {
    for (const auto& ref : refs_) {
      const std::string resource(schema_uri::without_fragment(ref.target));
      std::string pointer;
      if (!schema_uri::percent_decode(schema_uri::fragment(ref.target), pointer)) {
        fail_at(ref.file, ref.source, "malformed %-encoding in $ref '" + ref.target + "'");
      }
      if (!pointer.empty() && pointer.front() != '/') {
        fail_at(ref.file, ref.source,
                "$ref '" + ref.target + "' uses a plain-name fragment ($anchor), which is not supported");
      }
      const auto hit = index_.find(resource + "#" + pointer);
      if (hit == index_.end()) {
        const bool known = resources_.count(resource) != 0;
        fail_at(ref.file, ref.source,
                known ? "$ref '" + ref.target + "' does not point to a schema"
                      : "$ref '" + ref.target + "': no schema with $id '" + resource + "' in this set");
      }
      combined.at(json::json_pointer(ref.out))["$ref"] = "#" + valijson_ref(hit->second);
      in_place_[ref.out].push_back(hit->second);
    }
    check_in_place_cycles();
  }

 private:
  [[noreturn]] static void fail_at(const std::string& file, const std::string& pointer, const std::string& what) {
    throw SchemaLoadError(file, pointer, what);
  }
  [[noreturn]] void fail(const Where& w, const std::string& what) const { fail_at(file_, w.source, what); }
  [[noreturn]] void fail(const Where& w, std::string_view keyword, const std::string& what) const {
    fail_at(file_, pointer_append(w.source, keyword), what);
  }

  // valijson compiles patterns only when validating: a bad one would throw there.
  void check_regex(const std::string& source_pointer, const std::string& pattern) const {
    if (!is_supported_regex(pattern)) {
      fail_at(file_, source_pointer, "'" + pattern + "' is not a regular expression this engine supports");
    }
  }

  void check_copied(const Where& w, const std::string& key, const json& v) const {
    if (key == "required") {
      if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); })) {
        fail(w, key, "'required' must be an array of strings");
      }
    } else if (key == "enum") {
      if (!v.is_array()) fail(w, key, "'enum' must be an array");
    } else if (key == "uniqueItems") {
      if (!v.is_boolean()) fail(w, key, "'uniqueItems' must be a boolean");
    } else if (key == "pattern") {
      if (!v.is_string()) fail(w, key, "'pattern' must be a string");
      check_regex(pointer_append(w.source, key), v.get<std::string>());
    } else if (key.rfind("min", 0) == 0 || key.rfind("max", 0) == 0) {
      if (key == "minimum" || key == "maximum") {
        if (!v.is_number()) fail(w, key, "'" + key + "' must be a number");
      } else if (!is_non_negative_integer(v)) {
        fail(w, key, "'" + key + "' must be a non-negative integer");
      }
    } else if (key == "exclusiveMinimum" || key == "exclusiveMaximum") {
      if (!v.is_number()) fail(w, key, "'" + key + "' must be a number (2020-12 form)");
    } else if (key == "multipleOf") {
      if (!v.is_number() || v.get<double>() <= 0) fail(w, key, "'multipleOf' must be a number above 0");
    }
  }

  // 2020-12 counts 1.0 as an integer; valijson's strict typing does not. "integer" becomes
  // "number" plus kIntegerKeyword, which requires numbers to be integral.
  void rewrite_type(const Where& w, const json& v, json& out) const {
    std::vector<std::string> names;
    if (v.is_string()) {
      names.push_back(v.get<std::string>());
    } else if (v.is_array() && !v.empty()) {
      for (const auto& e : v) {
        if (!e.is_string()) fail(w, "type", "'type' must be a string or an array of strings");
        names.push_back(e.get<std::string>());
      }
    } else {
      fail(w, "type", "'type' must be a string or a non-empty array of strings");
    }
    for (const auto& n : names) {
      if (kTypeNames.count(n) == 0) fail(w, "type", "unknown type name '" + n + "'");
    }
    const bool has_integer = std::count(names.begin(), names.end(), "integer") > 0;
    const bool has_number = std::count(names.begin(), names.end(), "number") > 0;
    if (has_integer) {
      names.erase(std::remove(names.begin(), names.end(), "integer"), names.end());
      if (!has_number) {
        names.push_back("number");
        out[kIntegerKeyword] = true;
      }
    }
    out["type"] = names.size() == 1 ? json(names.front()) : json(names);
  }

  // A cycle of `$ref`s and in-place applicators (allOf, not, if, ...) that never descends
  // into the instance would make validation recurse forever: refused at load.
  void check_in_place_cycles() const {
    enum class Mark { kNew, kOpen, kDone };
    std::map<std::string, Mark> marks;
    for (const auto& start : in_place_) {
      if (marks[start.first] != Mark::kNew) continue;
      // Iterative depth-first search: (node, index of the next edge to follow).
      std::vector<std::pair<std::string, std::size_t>> stack{{start.first, 0}};
      marks[start.first] = Mark::kOpen;
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        const auto edges = in_place_.find(node);
        if (edges == in_place_.end() || next >= edges->second.size()) {
          marks[node] = Mark::kDone;
          stack.pop_back();
          continue;
        }
        const std::string target = edges->second[next++];
        const Mark mark = marks[target];
        if (mark == Mark::kOpen) {
          const auto origin = origins_.find(target);
          if (origin == origins_.end()) throw SchemaLoadError("", "", "$ref cycle that never descends into the instance");
          fail_at(origin->second.first, origin->second.second, "$ref cycle that never descends into the instance");
        }
        if (mark == Mark::kNew) {
          marks[target] = Mark::kOpen;
          stack.emplace_back(target, 0);
        }
      }
    }
  }

  void register_scopes(const Where& w) {
    origins_.emplace(w.out, std::make_pair(file_, w.source));
    for (const auto& [uri, pointer] : w.scopes) index_.emplace(uri + "#" + pointer, w.out);
  }

  json rewrite(const json& node, Where w, const std::string& base, int depth) {
    if (depth > kMaxSchemaDepth) fail(w, "schema nested deeper than " + std::to_string(kMaxSchemaDepth) + " levels");
    if (node.is_boolean()) {
      register_scopes(w);
      // valijson rejects a `false` subschema without reporting an error; kFalseKeyword reports
      // it at the value. (additionalProperties / additionalItems keep `false`: valijson words
      // that error itself.)
      return node.get<bool>() ? json::object() : json{{kFalseKeyword, true}};
    }
    if (!node.is_object()) fail(w, "a schema must be an object or a boolean");

    // Resource boundary: `$id` sets the base URI for everything below it.
    std::string my_base = base;
    if (const auto id = node.find("$id"); id != node.end()) {
      if (!id->is_string()) fail(w, "$id", "'$id' must be a string");
      my_base = schema_uri::resolve(base, id->get<std::string>());
      if (!schema_uri::fragment(my_base).empty()) fail(w, "$id", "'$id' must not have a fragment");
      my_base = std::string(schema_uri::without_fragment(my_base));
      if (!resources_.insert(my_base).second) fail(w, "$id", "duplicate $id '" + my_base + "' in this schema set");
      w.scopes.emplace_back(my_base, "");
    } else if (depth == 0) {
      resources_.insert(my_base);
      w.scopes.emplace_back(my_base, "");
    }
    register_scopes(w);

    if (const auto s = node.find("$schema"); s != node.end()) {
      const bool ok = s->is_string() && (*s == "https://json-schema.org/draft/2020-12/schema" ||
                                         *s == "https://json-schema.org/draft/2020-12/schema#");
      if (!ok) fail(w, "$schema", "only JSON Schema Draft 2020-12 is supported ($schema: " + s->dump() + ")");
    }

    const auto ref = node.find("$ref");
    // Draft 7 ignores the siblings of `$ref`; 2020-12 applies them. Assertions next to a
    // `$ref` move into a second allOf branch.
    bool wrap = false;
    for (const auto& [key, value] : node.items()) {
      (void)value;
      if (kNotImplemented.count(key) != 0) fail(w, key, "keyword '" + key + "' is not implemented by this engine");
      if (kAnnotations.count(key) == 0 && kCopied.count(key) == 0 && kOneSchema.count(key) == 0 &&
          kSchemaArrays.count(key) == 0 && kSchemaMaps.count(key) == 0 && kSpecial.count(key) == 0) {
        fail(w, key, "unknown keyword '" + key + "'");
      }
      if (ref != node.end() && key != "$ref" && key != "$id" && key != "$schema" && key != "$defs" &&
          key != "definitions" && kAnnotations.count(key) == 0) {
        wrap = true;
      }
    }
    const std::string here = wrap ? w.out + "/allOf/1" : w.out;
    const auto at = [&here](std::string_view token) { return pointer_append(here, token); };
    if (wrap) {
      in_place_[w.out] = {w.out + "/allOf/0", here};
      origins_.emplace(w.out + "/allOf/0", std::make_pair(file_, pointer_append(w.source, "$ref")));
      origins_.emplace(here, std::make_pair(file_, w.source));
    }

    json out = json::object();
    json defs = json::object();  // `$defs` / `definitions`: addressable, stay at this level
    for (const auto& [key, value] : node.items()) {
      if (kCopied.count(key) != 0) {
        check_copied(w, key, value);
        out[key] = value;
      } else if (kOneSchema.count(key) != 0) {
        out[key] = rewrite(value, w.child(key, at(key)), my_base, depth + 1);
        if (key == "additionalProperties" && value.is_boolean()) out[key] = value;
        if (key != "additionalProperties" && key != "propertyNames") in_place_[here].push_back(at(key));
      } else if (kSchemaArrays.count(key) != 0) {
        if (!value.is_array() || value.empty()) fail(w, key, "'" + key + "' must be a non-empty array of schemas");
        json items = json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
          const auto token = std::to_string(i);
          items.push_back(rewrite(value[i], w.child(key, token, pointer_append(at(key), token)), my_base, depth + 1));
          in_place_[here].push_back(pointer_append(at(key), token));
        }
        out[key] = std::move(items);
      } else if (kSchemaMaps.count(key) != 0) {
        if (!value.is_object()) fail(w, key, "'" + key + "' must be an object of schemas");
        const bool is_defs = key == "$defs" || key == "definitions";
        const std::string map_out = is_defs ? pointer_append(w.out, key) : at(key);
        json members = json::object();
        for (const auto& [name, sub] : value.items()) {
          if (key == "patternProperties") check_regex(pointer_append(pointer_append(w.source, key), name), name);
          members[name] = rewrite(sub, w.child(key, name, pointer_append(map_out, name)), my_base, depth + 1);
        }
        (is_defs ? defs : out)[key] = std::move(members);
      } else if (key == "type") {
        rewrite_type(w, value, out);
      }
    }
    rewrite_items(node, w, here, out, my_base, depth);
    rewrite_contains(node, w, here, out, my_base, depth);
    rewrite_dependencies(node, w, here, out, my_base, depth);

    json result;
    if (ref != node.end()) {
      if (!ref->is_string()) fail(w, "$ref", "'$ref' must be a string");
      const std::string ref_out = wrap ? w.out + "/allOf/0" : w.out;
      refs_.push_back({ref_out, schema_uri::resolve(my_base, ref->get<std::string>()), file_,
                       pointer_append(w.source, "$ref")});
      json ref_object = {{"$ref", "#"}};  // patched by resolve_refs()
      result = wrap ? json{{"allOf", json::array({std::move(ref_object), std::move(out)})}} : std::move(ref_object);
    } else {
      result = std::move(out);
    }
    for (auto& [key, value] : defs.items()) result[key] = std::move(value);
    return result;
  }

  void rewrite_items(const json& node, const Where& w, const std::string& here, json& out, const std::string& base,
                     int depth) {
    const auto at = [&here](std::string_view token) { return pointer_append(here, token); };
    const auto prefix = node.find("prefixItems");
    const auto items = node.find("items");
    if (items != node.end() && items->is_array()) {
      fail(w, "items", "'items' must be a schema in 2020-12 (the array form is draft 7; use prefixItems)");
    }
    if (prefix == node.end()) {
      if (items != node.end()) out["items"] = rewrite(*items, w.child("items", at("items")), base, depth + 1);
      return;
    }
    if (!prefix->is_array() || prefix->empty()) fail(w, "prefixItems", "'prefixItems' must be a non-empty array of schemas");
    json tuple = json::array();
    for (std::size_t i = 0; i < prefix->size(); ++i) {
      const auto token = std::to_string(i);
      tuple.push_back(rewrite((*prefix)[i], w.child("prefixItems", token, pointer_append(at("items"), token)), base,
                              depth + 1));
    }
    out["items"] = std::move(tuple);
    if (items != node.end()) {
      out["additionalItems"] = rewrite(*items, w.child("items", at("additionalItems")), base, depth + 1);
      if (items->is_boolean()) out["additionalItems"] = *items;
    }
  }

  // 2020-12: `minContains` defaults to 1 and `minContains: 0` lets any array pass; both
  // bounds are ignored without `contains`.
  void rewrite_contains(const json& node, const Where& w, const std::string& here, json& out, const std::string& base,
                        int depth) {
    const auto at = [&here](std::string_view token) { return pointer_append(here, token); };
    for (const char* key : {"minContains", "maxContains"}) {
      if (const auto v = node.find(key); v != node.end() && !is_non_negative_integer(*v)) {
        fail(w, key, std::string("'") + key + "' must be a non-negative integer");
      }
    }
    const auto contains = node.find("contains");
    if (contains == node.end()) return;
    const std::string schema_out = pointer_append(at(kContainsKeyword), "schema");
    json keyword = {{"schema", rewrite(*contains, w.child("contains", schema_out), base, depth + 1)},
                    {"at", schema_out},
                    {"min", node.value("minContains", json(1))}};
    if (const auto max = node.find("maxContains"); max != node.end()) keyword["max"] = *max;
    out[kContainsKeyword] = std::move(keyword);
  }

  void rewrite_dependencies(const json& node, const Where& w, const std::string& here, json& out,
                            const std::string& base, int depth) {
    const auto at = [&here](std::string_view token) { return pointer_append(here, token); };
    json dependencies = json::object();
    if (const auto schemas = node.find("dependentSchemas"); schemas != node.end()) {
      if (!schemas->is_object()) fail(w, "dependentSchemas", "'dependentSchemas' must be an object of schemas");
      for (const auto& [name, sub] : schemas->items()) {
        dependencies[name] = rewrite(sub, w.child("dependentSchemas", name, pointer_append(at("dependencies"), name)),
                                     base, depth + 1);
        in_place_[here].push_back(pointer_append(at("dependencies"), name));
      }
    }
    if (const auto required = node.find("dependentRequired"); required != node.end()) {
      if (!required->is_object()) fail(w, "dependentRequired", "'dependentRequired' must be an object");
      for (const auto& [name, list] : required->items()) {
        if (!list.is_array() || !std::all_of(list.begin(), list.end(), [](const json& e) { return e.is_string(); })) {
          fail(w, "dependentRequired", "'dependentRequired' values must be arrays of strings");
        }
        // Both keywords may name the same property: then the requirement joins as a schema.
        json requirement = {{"required", list}};
        if (dependencies.contains(name)) {
          dependencies[name] = json{{"allOf", json::array({dependencies[name], requirement})}};
        } else {
          dependencies[name] = list;
        }
      }
    }
    if (!dependencies.empty()) out["dependencies"] = std::move(dependencies);
  }

  std::string file_;
  std::set<std::string> resources_;             // every base URI of the set
  std::map<std::string, std::string> index_;    // "resource#pointer" -> pointer in the output
  std::vector<PendingRef> refs_;
  std::map<std::string, std::vector<std::string>> in_place_;  // schema -> schemas applied to the same value
  std::map<std::string, std::pair<std::string, std::string>> origins_;  // output pointer -> (file, source pointer)
};

}  // namespace

std::string valijson_ref(const std::string& pointer) {
  std::string escaped;
  for (const char c : pointer) {
    if (c == '%') {
      escaped += "%25";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

CombinedSchemas combine_schemas(const std::vector<std::pair<std::string, nlohmann::json>>& documents) {
  CombinedSchemas combined;
  combined.document = json{{"docs", json::object()}};
  Rewriter rewriter;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const auto& [file, schema] = documents[i];
    const std::string name = "d" + std::to_string(i);
    const std::string out = "/docs/" + name;
    if (!combined.root_pointer_by_file.emplace(file, out).second) {
      throw SchemaLoadError(file, "", "two schema files with the same name");
    }
    combined.document["docs"][name] = rewriter.rewrite_document(file, schema, out);
  }
  rewriter.resolve_refs(combined.document);
  return combined;
}

}  // namespace ozv
