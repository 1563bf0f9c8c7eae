#include "rules/ngff_schema_checks.hpp"

#include <utility>
#include <vector>

#include "ngff/metadata.hpp"

namespace ozv {
namespace {

// Which schema files describe a node of each kind; the strict variant where one exists.
struct KindSchemas {
  unsigned kind;
  const char* schema;
  const char* strict_schema;  // nullptr: no strict variant
};

constexpr KindSchemas kSchemas[] = {
    {kNgffImage, "image.schema", "strict_image.schema"},
    {kNgffLabel, "label.schema", "strict_label.schema"},
    {kNgffLabels, "labels.schema", nullptr},
    {kNgffPlate, "plate.schema", "strict_plate.schema"},
    {kNgffWell, "well.schema", "strict_well.schema"},
    {kNgffBioformats, "bf2raw.schema", nullptr},
};

void validate_against(const SchemaSet& schemas, const std::string& file, const char* rule,
                      const SchemaCheckTarget& target, Findings& out) {
  if (!schemas.has(file)) {
    out.push_back(Finding{"NGFF-SCH-003", {target.key, target.pointer_base}, {{"schema", file}}});
    return;
  }
  for (const auto& violation : schemas.validate(file, *target.instance)) {
    out.push_back(Finding{rule, {target.key, target.pointer_base + violation.instance_pointer},
                          {{"schema", file}, {"detail", violation.detail}}});
  }
}

}  // namespace

void check_ngff_schemas(const SchemaSet& schemas, bool strict, const SchemaCheckTarget& target, Findings& out) {
  if (target.instance == nullptr) return;
  for (const auto& entry : kSchemas) {
    if ((target.kinds & entry.kind) == 0) continue;
    validate_against(schemas, entry.schema, "NGFF-SCH-001", target, out);
    if (strict && entry.strict_schema != nullptr) {
      validate_against(schemas, entry.strict_schema, "NGFF-SCH-002", target, out);
    }
  }
  if (target.ome_group && (target.kinds & kNgffSeries) != 0) {
    validate_against(schemas, "ome.schema", "NGFF-SCH-001", target, out);
  }
}

}  // namespace ozv
