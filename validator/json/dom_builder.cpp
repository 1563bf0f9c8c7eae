#include "json/dom_builder.hpp"

#include <charconv>

#include "json/utf8.hpp"

namespace ozv {
namespace {

// Longest number or name copied into a finding's values.
constexpr std::size_t max_value_bytes = 80;

// Raw number text without '.', 'e' or 'E' is an integer literal; nlohmann only hands one
// to number_float when it fits in neither int64 nor uint64.
bool is_integer_literal(const std::string& raw) { return raw.find_first_of(".eE") == std::string::npos; }

std::string shortest_round_trip(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace

DomBuilder::json* DomBuilder::place_value(json&& value) {
  if (stack_.empty()) {
    root_ = std::move(value);
    return &root_;
  }
  Frame& top = stack_.back();
  if (top.node->is_array()) {
    auto& array = top.node->get_ref<json::array_t&>();
    array.push_back(std::move(value));
    return &array.back();
  }
  // Last value wins for a repeated name (JSON-003 was reported in key()).
  auto& object = top.node->get_ref<json::object_t&>();
  top.awaiting_value = false;
  return &object.insert_or_assign(top.key, std::move(value)).first->second;
}

bool DomBuilder::open(json::value_t type) {
  if (stack_.size() >= max_depth_) {
    // Refuse before creating the container: the DOM never gets deeper than the limit.
    depth_exceeded_ = true;
    findings_.add("JSON-004", current_pointer(), {{"limit", std::to_string(max_depth_)}});
    return false;
  }
  // The parent cannot grow while this child is open, so the pointer stays valid.
  json* node = place_value(json(type));
  stack_.push_back(Frame{node, {}, false});
  return true;
}

bool DomBuilder::close() {
  stack_.pop_back();
  return true;
}

bool DomBuilder::start_object(std::size_t /*elements*/) { return open(json::value_t::object); }

bool DomBuilder::start_array(std::size_t /*elements*/) { return open(json::value_t::array); }

bool DomBuilder::key(json::string_t& name) {
  Frame& top = stack_.back();
  top.key = std::move(name);
  top.awaiting_value = true;
  // std::map lookup: O(log n) per member, O(n log n) per object.
  const auto& object = top.node->get_ref<const json::object_t&>();
  if (object.find(top.key) != object.end() && findings_.admit("JSON-003")) {
    findings_.add("JSON-003", current_pointer(), {{"name", truncate_utf8(top.key, max_value_bytes)}});
  }
  return true;
}

bool DomBuilder::number_float(json::number_float_t value, const json::string_t& raw) {
  if (is_integer_literal(raw) && findings_.admit("JSON-007")) {
    findings_.add("JSON-007", current_pointer(),
                  {{"literal", truncate_utf8(raw, max_value_bytes)}, {"value", shortest_round_trip(value)}});
  }
  return place(json(value));
}

bool DomBuilder::parse_error(std::size_t position, const std::string& last_token, const json::exception& error) {
  syntax_error_ = SaxSyntaxError{position, error.id, error.what(), last_token, current_pointer()};
  return false;
}

std::string DomBuilder::current_pointer() const {
  std::string pointer;
  for (std::size_t i = 0; i < stack_.size(); ++i) {
    const Frame& frame = stack_[i];
    const bool innermost = i + 1 == stack_.size();
    if (frame.node->is_array()) {
      // An outer array's open child is its last element; the innermost one's next value
      // goes after its last element.
      const std::size_t size = frame.node->size();
      pointer = pointer_append(pointer, innermost ? size : size - 1);
    } else if (!innermost || frame.awaiting_value) {
      pointer = pointer_append(pointer, frame.key);
    }
  }
  return pointer;
}

}  // namespace ozv
