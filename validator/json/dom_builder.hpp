// The SAX handler behind parse_json: builds the nlohmann::json DOM itself so that it can
// bound the nesting depth, see duplicate names and see the raw text of numbers, none of
// which nlohmann's own DOM parser reports.
//
// nlohmann's SAX parser is iterative; so is this handler: open containers live on an
// explicit stack, and no callback recurses. Depth is refused before a container is created,
// so the DOM handed out is never deeper than the limit (destroying or dumping a DOM is
// recursive in some nlohmann versions).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/capped_findings.hpp"

namespace ozv {

// What nlohmann said when it rejected the text, kept for parse_json to turn into a finding.
struct SaxSyntaxError {
  std::size_t position = 0;  // bytes read when the error was noticed, EOF included
  int id = 0;                // nlohmann exception id: 101 (syntax), 406 (number overflow), ...
  std::string what;          // nlohmann's message
  std::string last_token;    // nlohmann's "last read" text, control characters escaped
  std::string pointer;       // where in the document the parser was
};

class DomBuilder {
 public:
  using json = nlohmann::json;

  DomBuilder(std::size_t max_depth, CappedFindings& findings) : max_depth_(max_depth), findings_(findings) {}

  // --- nlohmann SAX interface (see nlohmann::json_sax) ---
  bool null() { return place(json(nullptr)); }
  bool boolean(bool value) { return place(json(value)); }
  bool number_integer(json::number_integer_t value) { return place(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return place(json(value)); }
  bool number_float(json::number_float_t value, const json::string_t& raw);
  bool string(json::string_t& value) { return place(json(std::move(value))); }
  // JSON text has no binary values; nlohmann only calls this for CBOR, BSON and the like.
  bool binary(json::binary_t& /*value*/) { return false; }
  bool start_object(std::size_t elements);
  bool key(json::string_t& name);
  bool end_object() { return close(); }
  bool start_array(std::size_t elements);
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string& last_token, const json::exception& error);

  // --- results, once sax_parse has returned ---
  bool depth_exceeded() const { return depth_exceeded_; }
  const std::optional<SaxSyntaxError>& syntax_error() const { return syntax_error_; }
  json take_value() { return std::move(root_); }

 private:
  struct Frame {
    json* node = nullptr;         // the open array or object
    std::string key;              // objects: name of the member being read (or last read)
    bool awaiting_value = false;  // objects: key() seen, its value not yet placed
  };

  // Stores `value` where the parser is (top level, next array element or current member)
  // and returns where it now lives.
  json* place_value(json&& value);
  bool place(json&& value) {
    place_value(std::move(value));
    return true;
  }
  bool open(json::value_t type);
  bool close();

  // RFC 6901 pointer of the value the parser is about to read or is reading.
  std::string current_pointer() const;

  std::size_t max_depth_;
  CappedFindings& findings_;
  json root_;
  std::vector<Frame> stack_;
  bool depth_exceeded_ = false;
  std::optional<SaxSyntaxError> syntax_error_;
};

}  // namespace ozv
