// Internal to the ngff_doc_* checks: the document being checked, where findings go, and the
// per-area entry points that check_ngff_document() dispatches to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json/capped_findings.hpp"
#include "rules/ngff_doc_checks.hpp"

namespace ozv::ngff_doc {

using nlohmann::json;

class Context {
 public:
  Context(const NgffDocument& doc, Findings& out) : doc_(doc), findings_(out, doc.key) {}

  bool v04() const { return doc_.version == "0.4"; }
  bool v05() const { return doc_.version == "0.5"; }
  const std::string& version() const { return doc_.version; }
  const json& ome() const { return *doc_.ome; }
  const std::string& base() const { return doc_.pointer_base; }

  // Adds one finding; past the per-rule cap occurrences are only counted, so that a hostile
  // array of a million duplicates cannot flood the report.
  void report(const char* rule, std::string pointer, Values values) {
    if (findings_.admit(rule)) findings_.add(rule, std::move(pointer), std::move(values));
  }
  void finish() { findings_.flush_truncation_notes(); }

 private:
  const NgffDocument& doc_;
  CappedFindings findings_;
};

// The member `name` of `value` when `value` is an object that has it; nullptr otherwise.
const json* member(const json& value, std::string_view name);

// A string as it appears in a message: quoted and cut short (names come from untrusted input).
std::string shown(std::string_view text);

// The integer a JSON number denotes, as a canonical decimal string, when it is one
// (1 and 1.0 alike, as JSON Schema's "integer" treats them); nullopt for anything else.
std::optional<std::string> integer_text(const json& value);

// A non-negative integer index (integral floats included); nullopt otherwise.
std::optional<std::uint64_t> index_value(const json& value);

// The per-object `version` key of multiscales/plate/well/image-label: in 0.4 its absence is
// reported as `missing_04` (a SHOULD); in 0.5 the version lives in `ome.version`, so only a
// string that contradicts it is reported, as `differs_05` (erratum E1: absence is accepted).
void check_object_version(Context& ctx, const json& object, const std::string& pointer, const char* missing_04,
                          const char* differs_05);

// Area entry points; `pointer` is the pointer of `value` inside the document.
void check_axes(Context& ctx, const json& axes, const std::string& pointer);
void check_multiscales(Context& ctx, const json& multiscales, const std::string& pointer);
void check_transformations(Context& ctx, const json& list, const std::string& pointer,
                           std::optional<std::size_t> axis_count);
void check_omero(Context& ctx, const json& omero, const std::string& pointer);
void check_image_label(Context& ctx, const json& image_label, const std::string& pointer);
void check_plate(Context& ctx, const json& plate, const std::string& pointer);
void check_well(Context& ctx, const json& well, const std::string& pointer);

}  // namespace ozv::ngff_doc
