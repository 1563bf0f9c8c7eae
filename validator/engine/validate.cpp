#include "engine/validate.hpp"

namespace ozv {

std::string tool_version() { return OZV_VERSION; }

Report validate_target(const std::string& target, const ValidateOptions&) {
  Report report;
  report.tool_name = "ome-zarr-validate";
  report.tool_version = tool_version();
  report.input = target;
  return report;
}

}  // namespace ozv
