#include <nlohmann/json.hpp>

#include "report/writers.hpp"

namespace ozv {
namespace {

nlohmann::json optional_json(const auto& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

void write_json(const Report& report, Severity fail_on, std::ostream& out) {
  // nlohmann's ordered_json keeps members in the order written, matching the documented contract.
  nlohmann::ordered_json doc;
  doc["report_format_version"] = 1;
  doc["tool"] = {{"name", report.tool_name}, {"version", report.tool_version}};
  doc["input"] = report.input;
  doc["detected"] = {{"zarr_format", optional_json(report.detected.zarr_format)},
                     {"ngff_version", optional_json(report.detected.ngff_version)},
                     {"node_type", optional_json(report.detected.node_type)}};
  doc["valid"] = report.valid(fail_on);
  const auto counts = report.summary();
  doc["summary"] = {{"fatal", counts[3]}, {"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}};
  auto& findings = doc["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : report.findings) {
    findings.push_back({{"rule", f.rule},
                        {"name", f.name},
                        {"severity", to_string(f.severity)},
                        {"message", f.message},
                        {"location", {{"key", f.location.key}, {"pointer", f.location.pointer}}},
                        {"spec", f.spec}});
  }
  // Invalid UTF-8 from hostile names is replaced rather than aborting the report.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void write_dingus(const Report& report, Severity fail_on, std::ostream& out) {
  const bool valid = report.valid(fail_on);
  std::string message;
  if (report.findings.empty()) {
    message = "no findings";
  } else {
    // The first few findings that decide the verdict (or all, if valid), most severe first.
    std::size_t shown = 0;
    for (int level = 3; level >= 0 && shown < 5; --level) {
      for (const auto& f : report.findings) {
        if (static_cast<int>(f.severity) != level || shown >= 5) continue;
        if (!message.empty()) message += "; ";
        message += f.rule + " at " + (f.location.key.empty() ? report.input : f.location.key) +
                   (f.location.pointer.empty() ? "" : "#" + f.location.pointer) + ": " + f.message;
        ++shown;
      }
    }
    if (report.findings.size() > shown) {
      message += "; and " + std::to_string(report.findings.size() - shown) + " more";
    }
  }
  nlohmann::ordered_json doc{{"valid", valid}, {"message", message}};
  out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace ozv
