#include "engine/validate.hpp"

#include <algorithm>
#include <map>

#include "engine/chunk_checks.hpp"
#include "engine/documents.hpp"
#include "engine/hierarchy_walk.hpp"
#include "engine/ngff_checks.hpp"
#include "engine/parallel_drain.hpp"
#include "engine/target.hpp"
#include "rules/catalogue.hpp"
#include "rules/zarr_v2_checks.hpp"
#include "rules/zarr_v3_checks.hpp"
#include "rules/zip_checks.hpp"

namespace ozv {
namespace {

// A single JSON document given as TARGET: Zarr metadata is recognised by its members,
// anything else is an attributes document (checked by the OME-NGFF rules).
Detected check_json_document(const OpenedTarget& target, const ValidateOptions& options, Findings& out) {
  Detected detected;
  const std::string& key = target.file_name;
  const auto size = target.document->size();
  if (size > options.json_limits.max_bytes) {
    out.push_back(oversize_finding(key, size, options.json_limits));
    return detected;
  }
  auto parsed = parse_json(target.document->read(0, size), key, options.json_limits);
  out.insert(out.end(), parsed.findings.begin(), parsed.findings.end());
  if (!parsed.value || !parsed.value->is_object()) return detected;
  const auto& doc = *parsed.value;
  const auto format = doc.find("zarr_format");
  if (format == doc.end()) {  // an attributes document: .zattrs (0.4) or zarr.json attributes (0.5)
    detected.ngff_version = check_ngff_attributes_document(doc, 0, "", key, options, out);
    return detected;
  }
  if (*format == 3 || key == "zarr.json") {
    detected.zarr_format = 3;
    check_v3_document(doc, key, out);
    if (auto type = doc.find("node_type"); type != doc.end() && type->is_string()) {
      detected.node_type = type->get<std::string>();
    }
    if (auto attributes = doc.find("attributes"); attributes != doc.end() && detected.node_type == "group") {
      detected.ngff_version = check_ngff_attributes_document(*attributes, 3, "/attributes", key, options, out);
    }
  } else {
    detected.zarr_format = 2;
    const bool is_array = doc.contains("shape") || key == ".zarray";
    detected.node_type = is_array ? "array" : "group";
    is_array ? check_zarray(doc, key, out) : check_zgroup(doc, key, out);
  }
  return detected;
}

bool has_rule(const Findings& findings, std::initializer_list<std::string_view> rules) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return std::find(rules.begin(), rules.end(), f.rule) != rules.end();
  });
}

// RFC-9 governs OME-Zarr archives. A .zip holding a plain Zarr hierarchy (zarr-python's
// ZipStore writes them) is not one, so its container is not held to RFC-9; an .ozx always is,
// and so is an archive without root metadata, where the container rules explain what is wrong.
// The root document read here is the one the walk checks next (shared through `parsed`).
bool held_to_rfc9(const OpenedTarget& target, const JsonLimits& limits, ParsedDocuments& parsed, Findings& out) {
  const auto& name = target.file_name;
  if (name.size() >= 4 && name.compare(name.size() - 4, 4, ".ozx") == 0) return true;
  if (!target.store) return true;
  if (key_exists(*target.store, "zarr.json", out)) {
    auto doc = read_json_document(*target.store, "zarr.json", limits, parsed, out);
    const auto attributes = doc && doc->is_object() ? doc->find("attributes") : nlohmann::json::const_iterator();
    return doc && doc->is_object() && attributes != doc->end() && attributes->is_object() &&
           attributes->contains("ome");
  }
  return !key_exists(*target.store, ".zgroup", out) && !key_exists(*target.store, ".zarray", out);
}

// At most this many findings of one rule per document are listed; a hostile document with a
// million unknown members gets one summary line instead of a million lines.
constexpr std::size_t kFindingsPerRuleAndKey = 100;

std::vector<ReportedFinding> resolve_all(const Findings& findings) {
  const auto& catalogue = Catalogue::builtin();
  std::vector<ReportedFinding> resolved;
  resolved.reserve(findings.size());
  for (const auto& f : findings) resolved.push_back(catalogue.resolve(f));
  sort_findings(resolved);
  // The same fact reached twice (e.g. one unreadable key asked for by two checks) is one finding.
  auto same = [](const ReportedFinding& a, const ReportedFinding& b) {
    return a.rule == b.rule && a.location == b.location && a.message == b.message;
  };
  resolved.erase(std::unique(resolved.begin(), resolved.end(), same), resolved.end());

  std::map<std::pair<std::string, std::string>, std::size_t> per_rule_and_key;
  std::vector<ReportedFinding> kept;
  kept.reserve(resolved.size());
  for (auto& f : resolved) {
    if (++per_rule_and_key[{f.rule, f.location.key}] <= kFindingsPerRuleAndKey) kept.push_back(std::move(f));
  }
  for (const auto& [rule_and_key, count] : per_rule_and_key) {
    if (count <= kFindingsPerRuleAndKey) continue;
    kept.push_back(catalogue.resolve(Finding{"TARGET-002", {rule_and_key.second, ""},
                                             {{"rule", rule_and_key.first},
                                              {"count", std::to_string(count - kFindingsPerRuleAndKey)}}}));
  }
  sort_findings(kept);
  return kept;
}

}  // namespace

std::string tool_version() { return OZV_VERSION; }

Report validate_target(const std::string& target, const ValidateOptions& options) {
  Report report;
  report.tool_name = "ome-zarr-validate";
  report.tool_version = tool_version();
  report.input = target;

  OpenedTarget opened = open_target(target);
  Findings findings;
  if (opened.kind == TargetKind::json_document) {
    report.detected = check_json_document(opened, options, findings);
  } else {
    ParsedDocuments parsed;
    if (opened.kind == TargetKind::zip && held_to_rfc9(opened, options.json_limits, parsed, findings)) {
      check_zip_container(*opened.archive, opened.file_name, findings);
    }
    if (opened.store_error) {
      // The container checks already say what is broken, more precisely than libzip does.
      if (!has_rule(findings, {"OZX-X10", "OZX-X11"})) findings.push_back(finding_from(*opened.store_error));
    } else {
      std::vector<std::string> groups;
      report.detected = walk_hierarchy(*opened.store, options, parsed, findings, &groups);
      report.detected.ngff_version = check_ngff_hierarchy(*opened.store, groups, options, parsed, findings);
      if (options.checks == CheckLevel::chunks && report.detected.zarr_format) {
        Findings chunk_findings;
        check_chunks(*opened.store, *report.detected.zarr_format, parsed.array_paths(), options, findings,
                     chunk_findings, {}, parsed.label_arrays());
        findings.insert(findings.end(), chunk_findings.begin(), chunk_findings.end());
      }
      for (const auto& problem : opened.store->take_problems()) findings.push_back(finding_from(problem));
    }
    parsed.release(worker_count(options.jobs));
  }
  report.findings = resolve_all(findings);
  return report;
}

}  // namespace ozv
