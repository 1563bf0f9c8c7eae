#include "rules/catalogue_views.hpp"

#include <map>

#include <nlohmann/json.hpp>

namespace ozv {
namespace {

// Markdown table cells cannot hold '|' or line breaks.
std::string cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

void write_rules_json(const Catalogue& catalogue, std::ostream& out) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& r : catalogue.rules()) {
    nlohmann::ordered_json entry{{"id", r.id},           {"name", r.slug},
                                 {"area", r.area},       {"severity", to_string(r.severity)},
                                 {"status", to_string(r.status)}, {"versions", r.versions},
                                 {"quote", r.quote},     {"spec", r.url},
                                 {"message", r.message}};
    if (!r.reason.empty()) entry["reason"] = r.reason;
    rules.push_back(std::move(entry));
  }
  out << nlohmann::ordered_json{{"rules", rules}}.dump(2) << "\n";
}

void write_rules_markdown(const Catalogue& catalogue, std::ostream& out) {
  std::map<std::string, std::vector<const Rule*>> by_area;
  for (const auto& r : catalogue.rules()) by_area[r.area].push_back(&r);
  std::size_t active = 0;
  for (const auto& r : catalogue.rules()) active += r.status == RuleStatus::active;
  out << catalogue.rules().size() << " rules, " << active << " checked.\n";
  for (const auto& [area, rules] : by_area) {
    out << "\n#### " << area << "\n\n"
        << "| ID | name | severity | applies to | spec |\n"
        << "|---|---|---|---|---|\n";
    for (const Rule* r : rules) {
      std::string severity(to_string(r->severity));
      if (r->status != RuleStatus::active) severity += " (" + std::string(to_string(r->status)) + ")";
      out << "| " << r->id << " | " << cell(r->slug) << " | " << severity << " | "
          << cell(join(r->versions, ", ")) << " | [" << cell(r->quote)
          << "](" << r->url << ") |\n";
    }
  }
}

void write_rules_text(const Catalogue& catalogue, std::ostream& out) {
  for (const auto& r : catalogue.rules()) {
    out << r.id << "  " << to_string(r.severity) << "  " << r.slug;
    if (r.status != RuleStatus::active) out << "  [" << to_string(r.status) << ": " << r.reason << "]";
    out << "\n";
  }
}

}  // namespace ozv
