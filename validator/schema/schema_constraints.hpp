// valijson custom constraints for the 2020-12 semantics draft 7 lacks (see schema_compile.hpp):
//   kContainsKeyword {"schema", "at", "min", "max"?}: number of items matching `contains`
//                    must lie within [min, max] (2020-12 minContains / maxContains);
//   kIntegerKeyword  true: a number must have no fractional part (2020-12 "integer");
//   kFalseKeyword    true: every value fails (the `false` schema).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "schema/std_regex.hpp"  // before valijson
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>

namespace ozv {

// Hands out the schema compiled from a pointer into the combined document. The returned
// Schema may be populated later (after the schema being parsed), which is what makes
// recursive `contains` subschemas possible. The source owns the Schemas and outlives every
// constraint pointing at them (constraints may form cycles, so they do not own).
class SubschemaSource {
 public:
  virtual ~SubschemaSource() = default;
  virtual const valijson::Schema* schema_at(const std::string& pointer) = 0;
};

class ContainsConstraint : public valijson::constraints::PolyConstraint {
 public:
  ContainsConstraint(const valijson::Schema* schema, std::uint64_t min, std::optional<std::uint64_t> max);

  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override;

 private:
  Constraint* cloneInto(void* memory) const override;
  size_t sizeOf() const override;

  const valijson::Schema* schema_;  // owned by the SubschemaSource's store
  std::uint64_t min_;
  std::optional<std::uint64_t> max_;
};

class IntegerConstraint : public valijson::constraints::PolyConstraint {
 public:
  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override;

 private:
  Constraint* cloneInto(void* memory) const override;
  size_t sizeOf() const override;
};

class FalseConstraint : public valijson::constraints::PolyConstraint {
 public:
  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override;

 private:
  Constraint* cloneInto(void* memory) const override;
  size_t sizeOf() const override;
};

class ContainsConstraintBuilder : public valijson::ConstraintBuilder {
 public:
  explicit ContainsConstraintBuilder(SubschemaSource& source) : source_(source) {}
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override;

 private:
  SubschemaSource& source_;
};

class IntegerConstraintBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override;
};

class FalseConstraintBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override;
};

}  // namespace ozv
