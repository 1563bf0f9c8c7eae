// The ngff-doc catalogue entries: IDs in this file's ranges (001-049), versions 0.4/0.5 only,
// links to the right version's page and a section anchor that exists, and quotes that occur
// verbatim (whitespace aside) in that version's spec text when the reference copy is present.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "doc_test_util.hpp"

namespace fs = std::filesystem;

namespace {

std::string squeeze_spaces(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("ngff-doc catalogue entries are well-formed and quote the spec", "[ngff-doc][catalogue]") {
  const fs::path upstream = fs::path(OZV_SHARED_DIR) / "ngff-upstream";
  const bool have_text = fs::is_regular_file(upstream / "0.4/spec/index.bs") && fs::is_regular_file(upstream / "0.5/spec/index.bs");
  if (!have_text) WARN("ngff-upstream spec texts not found under " << OZV_SHARED_DIR << "; quotes not verified");
  std::map<std::string, std::string> raw;
  std::map<std::string, std::string> squeezed;
  if (have_text) {
    for (const std::string v : {"0.4", "0.5"}) {
      raw[v] = read_text(upstream / v / "spec/index.bs");
      squeezed[v] = squeeze_spaces(raw[v]);
    }
  }
  static const std::regex id_shape("NGFF-(AX|MS|CT|OM|LBL|PL|WL)-0([0-4][0-9])");
  std::size_t count = 0;
  for (const auto& rule : ozv::Catalogue::builtin().rules()) {
    if (rule.area != "ngff-doc") continue;
    ++count;
    INFO(rule.id);
    std::smatch m;
    REQUIRE(std::regex_match(rule.id, m, id_shape));
    CHECK(m[2].str() != "00");
    REQUIRE(!rule.versions.empty());
    for (const auto& v : rule.versions) CHECK((v == "0.4" || v == "0.5"));
    const std::regex url_shape("https://ngff\\.openmicroscopy\\.org/(0\\.[45])/index\\.html#([a-z0-9-]+)");
    std::smatch u;
    REQUIRE(std::regex_match(rule.url, u, url_shape));
    const std::string url_version = u[1].str();
    CHECK(std::find(rule.versions.begin(), rule.versions.end(), url_version) != rule.versions.end());
    if (have_text) {
      CHECK(raw[url_version].find("{#" + u[2].str() + "}") != std::string::npos);
      CHECK(squeezed[url_version].find(squeeze_spaces(rule.quote)) != std::string::npos);
    }
  }
  CHECK(count >= 40);
}
