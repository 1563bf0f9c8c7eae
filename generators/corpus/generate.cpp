#include "corpus/generate.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "corpus/bases.hpp"
#include "corpus/mutation.hpp"
#include "corpus/pixels.hpp"
#include "engine/validate.hpp"
#include "zarr/sha256.hpp"

namespace ozv::corpus {
namespace {

namespace fs = std::filesystem;

// The seed of one baseline: mixes the corpus seed with the base's id, so adding a base never
// changes the pixels of the others.
std::uint64_t base_seed(std::uint64_t seed, const std::string& id) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char ch : id) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  return splitmix64(seed ^ h);
}

std::string case_id(const std::string& id, const std::string& variant) { return variant == "ozx" ? "ozx/" + id : id; }

bool selected(const GenerateOptions& options, const std::string& id, const std::vector<std::string>& variants) {
  if (options.only.empty()) return true;
  for (const auto& v : variants)
    if (case_id(id, v).find(options.only) != std::string::npos) return true;
  return false;
}

void prepare_output(const fs::path& out) {
  std::error_code ec;
  const auto status = fs::symlink_status(out, ec);
  if (!ec && fs::exists(status)) {
    if (!fs::is_directory(status)) throw CorpusError(out.string() + " exists and is not a directory");
    bool empty = true;
    bool only_corpus = true;
    for (const auto& entry : fs::directory_iterator(out)) {
      empty = false;
      const auto name = entry.path().filename().string();
      only_corpus = only_corpus && (name == "manifest.json" || name == "cases");
    }
    if (!empty) {
      bool previous = false;
      if (only_corpus && fs::is_regular_file(fs::symlink_status(out / "manifest.json"))) {
        std::ifstream in(out / "manifest.json", std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
        previous = doc.is_object() && doc.contains("generator") && doc["generator"].is_object() &&
                   doc["generator"].value("name", "") == kGeneratorName;
      }
      if (!previous)
        throw CorpusError(out.string() + " is not empty and not a corpus written by ome-zarr-corpus; refusing to touch it");
      fs::remove_all(out / "cases");
      fs::remove(out / "manifest.json");
    }
  }
  fs::create_directories(out);
}

void write_file(const fs::path& path, const Bytes& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!file) throw CorpusError("cannot write " + path.string());
}

}  // namespace

static std::vector<Mutation> mutations_from_directory(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw CorpusError("no mutation directory " + dir.string());
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json" || !entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    texts.emplace_back(entry.path().filename().string(), text.str());
  }
  std::sort(texts.begin(), texts.end());
  std::vector<std::pair<std::string_view, std::string_view>> views(texts.begin(), texts.end());
  return load_mutations(views, Catalogue::builtin());
}

std::vector<PlannedCase> plan_corpus(const GenerateOptions& options) {
  const std::vector<Mutation> from_dir =
      options.mutation_dir.empty() ? std::vector<Mutation>{} : mutations_from_directory(options.mutation_dir);
  const auto& mutations = options.mutation_dir.empty() ? builtin_mutations() : from_dir;
  std::map<std::string, Case> bases;
  auto base_case = [&](const BaseDefinition& def) -> const Case& {
    auto found = bases.find(def.id);
    if (found == bases.end()) found = bases.emplace(def.id, def.build(base_seed(options.seed, def.id))).first;
    return found->second;
  };
  std::vector<PlannedCase> planned;
  auto add = [&](Case c, const std::string& variant) {
    c.id = case_id(c.id, variant);
    if (!options.only.empty() && c.id.find(options.only) == std::string::npos) return;
    if (variant == "ozx") c.tags.push_back("zip");
    std::sort(c.tags.begin(), c.tags.end());
    c.tags.erase(std::unique(c.tags.begin(), c.tags.end()), c.tags.end());
    planned.push_back({std::move(c), variant});
  };
  for (const auto& def : base_definitions()) {
    if (!selected(options, def.id, def.variants)) continue;
    for (const auto& variant : def.variants) add(base_case(def), variant);
  }
  for (const auto& m : mutations) {
    if (!selected(options, m.id, m.variants)) continue;
    const Case& base = base_case(*find_base(m.base));
    for (const auto& variant : m.variants) add(apply_mutation(m, base, variant), variant);
  }
  std::sort(planned.begin(), planned.end(), [](const auto& a, const auto& b) { return a.c.id < b.c.id; });
  return planned;
}

Manifest generate_corpus(const fs::path& out, const GenerateOptions& options) {
  std::vector<PlannedCase> planned;
  try {
    planned = plan_corpus(options);
  } catch (const MutationError& e) {
    throw CorpusError(e.what());
  }
  prepare_output(out);
  Manifest manifest;
  manifest.generator_version = tool_version();
  manifest.seed = options.seed;
  for (const auto& [c, variant] : planned) {
    ManifestCase entry;
    entry.id = c.id;
    entry.description = c.description;
    entry.spec_version = c.spec_version;
    entry.level = c.level;
    entry.tags = c.tags;
    entry.variant = variant;
    entry.base = c.base;
    entry.expected = c.expected;
    std::sort(entry.expected.begin(), entry.expected.end());
    entry.expected_reason = c.expected_reason;
    entry.checksums = c.checksums;
    if (variant == "ozx") {
      const Bytes archive = write_ozx(c.files, c.ozx, c.spec_version);
      entry.path = "cases/" + c.id + c.ozx.extension;
      entry.content_sha256 = sha256_hex(archive);
      write_file(out / entry.path, archive);
    } else {
      entry.path = "cases/" + c.id;
      entry.content_sha256 = dataset_sha256(c.files);
      write_directory(c.files, out / entry.path);
    }
    manifest.cases.push_back(std::move(entry));
  }
  manifest.corpus_sha256 = corpus_identity(manifest.cases);
  write_file(out / "manifest.json", dump_json(to_json(manifest)));
  return manifest;
}

}  // namespace ozv::corpus
