// The single-document OME-NGFF rules on hostile or malformed input: never throw, skip members of
// the wrong type silently (the schema reports them), and cap repeated findings.
#include <functional>

#include "doc_test_util.hpp"

using namespace ngffdoc;

namespace {

// Every JSON pointer inside `root`, collected without recursion.
std::vector<json::json_pointer> all_pointers(const json& root) {
  std::vector<json::json_pointer> out;
  std::vector<json::json_pointer> stack{json::json_pointer()};
  while (!stack.empty()) {
    const auto p = stack.back();
    stack.pop_back();
    out.push_back(p);
    const json& value = root[p];
    if (value.is_object()) {
      for (const auto& item : value.items()) stack.push_back(p / item.key());
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) stack.push_back(p / i);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("any member replaced by any JSON type never throws", "[ngff-doc][hostile]") {
  const std::vector<json> replacements = {nullptr, true, -1, std::uint64_t{18446744073709551615u}, 1.5, -1e308,
                                          "", "x/y", json::array(), json::object(), json::array({nullptr}),
                                          json::array({1, 2}), json{{"type", 1}}};
  for (const auto& v : both_versions()) {
    Doc combined = label(v);
    combined.ome["omero"] = omero(v).ome["omero"];
    combined.ome["plate"] = plate(v).ome["plate"];
    combined.ome["well"] = well(v).ome["well"];
    CHECK(check(combined) == Hits{});
    for (const auto& pointer : all_pointers(combined.ome)) {
      for (const auto& replacement : replacements) {
        Doc broken = combined;
        broken.ome[pointer] = replacement;
        INFO(v << " " << pointer.to_string() << " = " << replacement.dump());
        REQUIRE_NOTHROW(run_raw(v, broken.ome));
      }
    }
  }
}

TEST_CASE("members of the wrong type are left to the schema", "[ngff-doc][hostile]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    for (const char* key : {"multiscales", "omero", "image-label", "plate", "well"}) {
      for (const json& odd : {json(nullptr), json(3), json("x"), json::array({1, "a", nullptr}), json::object()}) {
        Doc doc{v, empty_ome(v)};
        doc.ome[key] = odd;
        INFO(key << " = " << odd.dump());
        Hits expected;
        // An image-label without multiscales is reported whatever its content; an empty plate
        // object lacks field_count (a SHOULD the schema does not express); an empty 0.4
        // object lacks the version its SHOULD asks for.
        if (std::string(key) == "image-label" && odd.is_object()) {
          expected.push_back("NGFF-LBL-005 /multiscales");
          if (v == "0.4") expected.push_back("NGFF-LBL-006 /image-label/version");
        }
        if (std::string(key) == "plate" && odd.is_object()) {
          if (v == "0.4") expected.push_back("NGFF-PL-011 /plate/version");
          expected.push_back("NGFF-PL-010 /plate/field_count");
        }
        if (std::string(key) == "well" && odd.is_object() && v == "0.4") expected.push_back("NGFF-WL-002 /well/version");
        CHECK(check(doc) == expected);
      }
    }
    Doc axes = image(v);  // axes that are not objects take no part in the rules
    axes.at("/multiscales/0/axes/0") = 7;
    axes.at("/multiscales/0/axes/1") = json::array();
    CHECK(check(axes) == Hits{});
    Doc typed = image(v);  // a non-string type is the schema's; it is counted in no slot
    typed.at("/multiscales/0/axes/1/type") = nullptr;
    CHECK(check(typed) == Hits{});
  }
}

TEST_CASE("a non-object OME value or another version is not checked", "[ngff-doc][hostile]") {
  for (const json& odd : {json(nullptr), json::array({1}), json("ome")}) {
    CHECK(run_raw("0.5", odd).empty());
  }
  Doc doc = image("0.5");
  doc.at("/multiscales/0/axes/1/name") = "t";
  CHECK(run_raw("0.6", doc.ome).empty());
  ozv::Findings out;
  ozv::check_ngff_document(ozv::NgffDocument{"zarr.json", "0.5", nullptr, "/attributes/ome"}, out);
  CHECK(out.empty());
}

TEST_CASE("repeated findings are capped per rule", "[ngff-doc][hostile]") {
  Doc doc = well("0.5");
  json images = json::array();
  for (int i = 0; i < 1000; ++i) images.push_back(json{{"path", "0"}, {"acquisition", i}});
  doc.at("/well/images") = images;
  const auto findings = run_raw("0.5", doc.ome);
  REQUIRE(findings.size() == 101);
  CHECK(findings[0].rule == "NGFF-WL-001");
  CHECK(findings[0].location.pointer == "/attributes/ome/well/images/1/path");
  CHECK(findings.back().rule == "JSON-010");
  CHECK(findings.back().values == ozv::Values{{"rule", "NGFF-WL-001"}, {"count", "899"}});
}

TEST_CASE("long names are cut short in messages", "[ngff-doc][hostile]") {
  Doc doc = image("0.5");
  const std::string long_name(100000, 'q');
  doc.at("/multiscales/0/axes/3/name") = long_name;
  doc.at("/multiscales/0/axes/4/name") = long_name;
  const auto findings = run_raw("0.5", doc.ome);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].values.at(0).second.size() < 100);
}
