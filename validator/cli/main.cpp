// ome-zarr-validate: the command-line front end of the validator.
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include "cli/options.hpp"
#include "engine/validate.hpp"
#include "report/progress_bar.hpp"
#include "report/writers.hpp"
#include "rules/catalogue_views.hpp"

namespace {

using namespace ozv;
using namespace ozv::cli;

int list_rules(const Options& options, std::ostream& out) {
  const auto& catalogue = Catalogue::builtin();
  if (options.format == "json") {
    write_rules_json(catalogue, out);
  } else if (options.format == "md") {
    write_rules_markdown(catalogue, out);
  } else {
    write_rules_text(catalogue, out);
  }
  return kValid;
}

int validate(const Options& options, std::ostream& out, bool out_is_terminal) {
  Report report;
  try {
    ValidateOptions validate_options;
    validate_options.spec_version = options.spec_version;
    validate_options.strict = options.strict;
    validate_options.schema_dir = options.schema_dir;
    validate_options.jobs = options.jobs;
    validate_options.checks = options.checks == "chunks" ? CheckLevel::chunks : CheckLevel::metadata;
    validate_options.check_labels = options.check_labels;
    // Progress goes to stderr, and only to a terminal: pipes and logs get the report alone.
    ProgressBar bar(std::cerr, validate_options.checks == CheckLevel::chunks && ::isatty(STDERR_FILENO) == 1);
    if (bar.enabled()) {
      validate_options.chunk_progress = [&bar](const ChunkProgress& p) {
        p.finished ? bar.finish(p.chunks_done, p.chunks_total, p.stored_bytes)
                   : bar.update(p.chunks_done, p.chunks_total, p.stored_bytes);
      };
    }
    report = validate_target(options.target, validate_options);
  } catch (const TargetError& e) {
    if (options.dingus) {
      out << nlohmann::json{{"valid", false}, {"message", e.what()}}.dump() << "\n";
    }
    std::cerr << "ome-zarr-validate: " << e.what() << "\n";
    return kUsage;
  }
  if (options.dingus) {
    write_dingus(report, options.fail_on, out);
    return kValid;  // the dingus convention: the verdict is in the JSON, not the exit code
  }
  if (options.format == "json") {
    write_json(report, options.fail_on, out);
  } else {
    write_text(report, options.fail_on, TextStyle{out_is_terminal}, out);
  }
  return report.valid(options.fail_on) ? kValid : kInvalid;
}

int run(const std::vector<std::string>& args) {
  std::string error;
  auto options = parse_options(args, error);
  if (!options) {
    std::cerr << "ome-zarr-validate: " << error << "\n" << kUsageText;
    return kUsage;
  }
  if (options->help) {
    std::cout << kUsageText;
    return kValid;
  }
  if (options->version) {
    std::cout << "ome-zarr-validate " << tool_version() << "\n";
    return kValid;
  }

  std::ofstream file;
  if (!options->output.empty()) {
    file.open(options->output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "ome-zarr-validate: cannot write " << options->output << "\n";
      return kUsage;
    }
  }
  std::ostream& out = options->output.empty() ? std::cout : file;
  const bool terminal = options->output.empty() && ::isatty(STDOUT_FILENO) == 1;
  int code = options->list_rules ? list_rules(*options, out) : validate(*options, out, terminal);
  out.flush();
  if (!out) {
    std::cerr << "ome-zarr-validate: writing the report failed\n";
    return kInternal;
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "ome-zarr-validate: internal error: " << e.what() << "\n";
    return kInternal;
  } catch (...) {
    std::cerr << "ome-zarr-validate: internal error\n";
    return kInternal;
  }
}
