// Shared by the ZIP container rule tests: an archive written the RFC-9 way, and a runner
// that also proves every finding resolves against the catalogue with no placeholder left.
#pragma once

#include <algorithm>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "rules/catalogue.hpp"
#include "rules/zip_checks.hpp"
#include "store/byte_source.hpp"
#include "support/zip_builder.hpp"

namespace ozv::test {

inline constexpr const char* kOmeRoot =
    R"({"zarr_format":3,"node_type":"group","attributes":{"ome":{"version":"0.5","multiscales":[]}}})";
inline constexpr const char* kPlainGroup = R"({"zarr_format":3,"node_type":"group","attributes":{}})";
inline constexpr const char* kJsonFirstComment =
    R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":{"jsonFirst":true}}}})";

// ZIP64, STORED, the root zarr.json first, the other zarr.json files next in breadth-first
// order, a comment promising jsonFirst: no rule may fire on it.
inline ZipBuilder rfc9_archive() {
  ZipBuilder zip;
  zip.layout.zip64 = true;
  zip.layout.comment = kJsonFirstComment;
  zip.add("zarr.json", kOmeRoot);
  zip.add("0/zarr.json", kPlainGroup);
  zip.add("labels/zarr.json", kPlainGroup);
  zip.add("labels/a/zarr.json", kPlainGroup);
  zip.add("0/c/0/0", std::string("\x01\x02\x03\x04\x05", 5));
  zip.add("labels/a/c/0/0", "chunk");
  return zip;
}

inline ZipEntrySpec zip_entry(std::string name, std::string data) {
  ZipEntrySpec e;
  e.name = std::move(name);
  e.data = std::move(data);
  return e;
}

inline std::size_t index_of(const ZipBuilder& zip, const std::string& name) {
  for (std::size_t i = 0; i < zip.entries.size(); ++i) {
    if (zip.entries[i].name == name) return i;
  }
  FAIL("no entry " << name);
  return 0;
}

// Runs the container checks on `bytes` named `file_name`.
inline Findings zip_findings_of_bytes(const std::string& bytes, const std::string& file_name = "image.ozx") {
  const auto source = make_memory_source(bytes, file_name);
  Findings out;
  check_zip_container(*source, file_name, out);
  for (const auto& f : out) {
    INFO(f.rule << " at " << f.location.key << "#" << f.location.pointer);
    (void)Catalogue::builtin().resolve(f);  // throws for an undeclared rule
    // Every placeholder of the rule's message has a value (values may contain braces).
    const std::string& message = Catalogue::builtin().find(f.rule)->message;
    for (auto open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
      const std::string name = message.substr(open + 1, message.find('}', open) - open - 1);
      INFO("placeholder " << name);
      CHECK(std::any_of(f.values.begin(), f.values.end(), [&](const auto& v) { return v.first == name; }));
    }
  }
  return out;
}

inline Findings zip_findings(const ZipBuilder& zip, const std::string& file_name = "image.ozx") {
  return zip_findings_of_bytes(zip.build(), file_name);
}

inline std::multiset<std::string> rule_ids(const Findings& findings) {
  std::multiset<std::string> ids;
  for (const auto& f : findings) ids.insert(f.rule);
  return ids;
}

inline const Finding& only(const Findings& findings, const std::string& rule) {
  const auto n = std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
  REQUIRE(n == 1);
  return *std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

inline std::string value_of(const Finding& f, const std::string& name) {
  for (const auto& [k, v] : f.values) {
    if (k == name) return v;
  }
  return "<missing " + name + ">";
}

}  // namespace ozv::test
