// ome-zarr-corpus: writes the conformance corpus and checks the validator against it.
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "corpus/check.hpp"
#include "corpus/generate.hpp"
#include "corpus/mutation.hpp"
#include "read_command.hpp"

namespace {

using namespace ozv;
using namespace ozv::corpus;

constexpr int kOk = 0;
constexpr int kMismatch = 1;
constexpr int kUsage = 2;
constexpr int kInternal = 3;

constexpr const char* kUsageText =
    "usage: ome-zarr-corpus generate OUT [--only SUBSTRING] [--mutations DIR]\n"
    "       ome-zarr-corpus validate CORPUS_DIR\n"
    "       ome-zarr-corpus diff --schema-dir A [--schema-dir B] [--spec-version V] CORPUS_DIR\n"
    "       ome-zarr-corpus read PATH ARRAY...\n"
    "       ome-zarr-corpus --help | --version\n"
    "\n"
    "generate  writes OUT/cases/<id>/ (directories) or <id>.ozx (RFC-9 ZIP files) and\n"
    "          OUT/manifest.json, deterministically. OUT must be absent, empty or a previous\n"
    "          corpus. --only keeps the cases whose id contains SUBSTRING.\n"
    "          --mutations reads the mutation files from DIR instead of the built-in ones.\n"
    "validate  runs the validator on every case and compares with the manifest; exit 1 on\n"
    "          any mismatch.\n"
    "diff      validates every case under schema set A and under B (default: the built-in\n"
    "          schemas) and lists the cases whose verdict or findings change. A schema folder\n"
    "          holds one version's schemas: --spec-version V compares only the cases of V.\n"
    "read      decodes every chunk of each ARRAY (a path inside the store PATH: a directory or\n"
    "          a .zip/.ozx file) and prints {\"checksums\": {ARRAY: sha256 of the data in C\n"
    "          order, little-endian}, \"read_errors\": {ARRAY: why}} as JSON; exit 1 on any\n"
    "          read error.\n";

int generate(const std::vector<std::string>& args) {
  GenerateOptions options;
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--only" && i + 1 < args.size()) {
      options.only = args[++i];
    } else if (args[i] == "--mutations" && i + 1 < args.size()) {
      options.mutation_dir = args[++i];
    } else if (!args[i].starts_with("-") && out.empty()) {
      out = args[i];
    } else {
      std::cerr << "ome-zarr-corpus: unexpected argument " << args[i] << "\n" << kUsageText;
      return kUsage;
    }
  }
  if (out.empty()) {
    std::cerr << "ome-zarr-corpus: generate needs OUT\n" << kUsageText;
    return kUsage;
  }
  try {
    const Manifest manifest = generate_corpus(out, options);
    std::cout << "wrote " << manifest.cases.size() << " cases to " << out << " (corpus " << manifest.corpus_sha256.substr(0, 16)
              << ", seed " << manifest.seed << ")\n";
  } catch (const CorpusError& e) {
    std::cerr << "ome-zarr-corpus: " << e.what() << "\n";
    return kUsage;
  }
  return kOk;
}

int validate(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].starts_with("-")) {
    std::cerr << "ome-zarr-corpus: validate needs exactly CORPUS_DIR\n" << kUsageText;
    return kUsage;
  }
  CheckResult result;
  try {
    result = check_corpus(args[0]);
  } catch (const std::runtime_error& e) {
    std::cerr << "ome-zarr-corpus: " << e.what() << "\n";
    return kUsage;
  }
  print_check(result, std::cout);
  return result.mismatches() == 0 ? kOk : kMismatch;
}

int diff(const std::vector<std::string>& args) {
  std::vector<std::string> schema_dirs;
  std::string corpus;
  std::string version;  // a schema folder holds one version's schemas: compare that version's cases
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--schema-dir" && i + 1 < args.size()) {
      schema_dirs.push_back(args[++i]);
    } else if (args[i] == "--spec-version" && i + 1 < args.size()) {
      version = args[++i];
    } else if (!args[i].starts_with("-") && corpus.empty()) {
      corpus = args[i];
    } else {
      std::cerr << "ome-zarr-corpus: unexpected argument " << args[i] << "\n" << kUsageText;
      return kUsage;
    }
  }
  if (corpus.empty() || schema_dirs.empty() || schema_dirs.size() > 2) {
    std::cerr << "ome-zarr-corpus: diff needs one or two --schema-dir and CORPUS_DIR\n" << kUsageText;
    return kUsage;
  }
  ValidateOptions a;
  a.schema_dir = schema_dirs[0];
  ValidateOptions b;
  if (schema_dirs.size() == 2) b.schema_dir = schema_dirs[1];
  const std::string name_a = schema_dirs[0];
  const std::string name_b = schema_dirs.size() == 2 ? schema_dirs[1] : "built-in";
  const auto start = std::chrono::steady_clock::now();
  std::size_t changed = 0;
  std::size_t total = 0;
  try {
    for (const auto& c : read_manifest(corpus).cases) {
      if (!version.empty() && c.spec_version != version) continue;
      const std::string target = (std::filesystem::path(corpus) / c.path).string();
      const auto fa = reported_findings(validate_target(target, a));
      const auto fb = reported_findings(validate_target(target, b));
      ++total;
      if (fa == fb) continue;
      ++changed;
      const auto delta = compare_findings(fa, fb, true);
      std::cout << c.id << ": " << suffix_for(fa).substr(1) << " under " << name_a << ", " << suffix_for(fb).substr(1)
                << " under " << name_b << "\n";
      for (const auto& f : delta.missing) std::cout << "  only under " << name_a << ": " << describe(f) << "\n";
      for (const auto& f : delta.unexpected) std::cout << "  only under " << name_b << ": " << describe(f) << "\n";
    }
  } catch (const std::runtime_error& e) {
    std::cerr << "ome-zarr-corpus: " << e.what() << "\n";
    return kUsage;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << changed << " of " << total << " cases change (" << seconds << " s)\n";
  return kOk;
}

int run(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cerr << kUsageText;
    return kUsage;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsageText;
    return kOk;
  }
  if (args[0] == "--version") {
    std::cout << "ome-zarr-corpus " << tool_version() << "\n";
    return kOk;
  }
  if (args[0] == "generate") return generate(rest);
  if (args[0] == "validate") return validate(rest);
  if (args[0] == "diff") return diff(rest);
  if (args[0] == "read") return read_command(rest, std::cout, std::cerr);
  std::cerr << "ome-zarr-corpus: unknown command " << args[0] << "\n" << kUsageText;
  return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "ome-zarr-corpus: internal error: " << e.what() << "\n";
    return kInternal;
  } catch (...) {
    std::cerr << "ome-zarr-corpus: internal error\n";
    return kInternal;
  }
}
