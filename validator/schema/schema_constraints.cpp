#include "schema/schema_constraints.hpp"

#include <cmath>
#include <new>
#include <stdexcept>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace ozv {
namespace {

std::uint64_t read_count(const valijson::adapters::Adapter& value) {
  std::int64_t n = 0;
  if (!value.getInteger(n) || n < 0) throw std::runtime_error("malformed contains bounds");
  return static_cast<std::uint64_t>(n);
}

}  // namespace

ContainsConstraint::ContainsConstraint(const valijson::Schema* schema, std::uint64_t min,
                                       std::optional<std::uint64_t> max)
    : schema_(schema), min_(min), max_(max) {}

bool ContainsConstraint::validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                                  valijson::ValidationResults* results) const {
  if (!target.isArray()) return true;  // `contains` only applies to arrays
  // Each thread counts with its own Validator: its regex cache is not shared.
  thread_local valijson::Validator validator;
  std::uint64_t matches = 0;
  bool type_error = false;
  target.applyToArray([&](const valijson::adapters::Adapter& item) {
    const auto* concrete = dynamic_cast<const valijson::adapters::NlohmannJsonAdapter*>(&item);
    if (concrete == nullptr) {
      type_error = true;
      return false;
    }
    if (validator.validate(*schema_, *concrete, nullptr)) ++matches;
    // Enough is known once the upper bound is exceeded.
    return !(max_ && matches > *max_);
  });
  if (type_error) throw std::logic_error("ContainsConstraint: instance is not an nlohmann::json value");
  const bool ok = matches >= min_ && (!max_ || matches <= *max_);
  if (!ok && results != nullptr) {
    std::string detail;
    if (max_ && matches > *max_) {
      detail = "more than " + std::to_string(*max_) + " item(s) match the 'contains' schema (maxContains " +
               std::to_string(*max_) + ")";
    } else {
      detail = "only " + std::to_string(matches) + " item(s) match the 'contains' schema, at least " +
               std::to_string(min_) + " required" + (min_ == 1 ? std::string() : " (minContains)");
    }
    results->pushError(context, detail);
  }
  return ok;
}

valijson::constraints::Constraint* ContainsConstraint::cloneInto(void* memory) const {
  return new (memory) ContainsConstraint(*this);
}

size_t ContainsConstraint::sizeOf() const { return sizeof(ContainsConstraint); }

bool IntegerConstraint::validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                                 valijson::ValidationResults* results) const {
  if (!target.isDouble()) return true;  // integers pass; other types are the type keyword's job
  const double d = target.asDouble();
  const bool ok = std::isfinite(d) && std::floor(d) == d;
  if (!ok && results != nullptr) results->pushError(context, "Value is not an integer.");
  return ok;
}

valijson::constraints::Constraint* IntegerConstraint::cloneInto(void* memory) const {
  return new (memory) IntegerConstraint(*this);
}

size_t IntegerConstraint::sizeOf() const { return sizeof(IntegerConstraint); }

bool FalseConstraint::validate(const valijson::adapters::Adapter&, const std::vector<std::string>& context,
                               valijson::ValidationResults* results) const {
  if (results != nullptr) results->pushError(context, "No value is allowed here (the schema is 'false').");
  return false;
}

valijson::constraints::Constraint* FalseConstraint::cloneInto(void* memory) const {
  return new (memory) FalseConstraint(*this);
}

size_t FalseConstraint::sizeOf() const { return sizeof(FalseConstraint); }

valijson::constraints::Constraint* ContainsConstraintBuilder::make(const valijson::adapters::Adapter& value) const {
  std::string at;
  std::optional<std::uint64_t> max;
  std::uint64_t min = 1;
  value.applyToObject([&](const std::string& name, const valijson::adapters::Adapter& member) {
    if (name == "at") {
      if (!member.getString(at)) throw std::runtime_error("malformed contains pointer");
    } else if (name == "min") {
      min = read_count(member);
    } else if (name == "max") {
      max = read_count(member);
    }
    return true;
  });
  return new ContainsConstraint(source_.schema_at(at), min, max);
}

valijson::constraints::Constraint* IntegerConstraintBuilder::make(const valijson::adapters::Adapter&) const {
  return new IntegerConstraint();
}

valijson::constraints::Constraint* FalseConstraintBuilder::make(const valijson::adapters::Adapter&) const {
  return new FalseConstraint();
}

}  // namespace ozv
