#include "cli/options.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace ozv::cli {

const char* const kUsageText =
    "usage: ome-zarr-validate TARGET [--format text|json] [--output FILE] [--fail-on error|warning] [--dingus]\n"
    "                         [--spec-version 0.4|0.5] [--strict] [--schema-dir DIR] [--jobs N]\n"
    "                         [--checks metadata|chunks] [--check-labels]\n"
    "       ome-zarr-validate --list-rules [--format text|json|md]\n"
    "\n"
    "TARGET is a directory, a .zip/.ozx file, or a single .json metadata document.\n"
    "--spec-version  check OME-NGFF metadata as this version instead of the one each node declares\n"
    "--strict        also apply the strict schemas and fail on warnings: the spec's SHOULDs become requirements\n"
    "--schema-dir    use the JSON Schema files in DIR (e.g. the official ones, or an RFC draft)\n"
    "--jobs          worker threads (default: one per core)\n"
    "--checks        metadata (default) checks the metadata only; chunks also reads and decodes every stored chunk\n"
    "                (with a progress line on stderr when stderr is a terminal)\n"
    "--check-labels  also report label pixel values that image-label colors/properties do not list; reads every\n"
    "                chunk, so it implies --checks chunks (and cannot be combined with --checks metadata)\n"
    "exit: 0 valid, 1 invalid, 2 usage error or TARGET cannot be opened, 3 internal error\n";

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error) {
  Options options;
  bool checks_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        error = std::string(flag) + " needs a value";
        return std::nullopt;
      }
      return args[++i];
    };
    // The value of `flag` when it is one of `choices`; `described` spells them for the error.
    auto one_of = [&](const char* flag, std::initializer_list<std::string_view> choices,
                      const char* described) -> std::optional<std::string> {
      auto v = value(flag);
      if (!v) return std::nullopt;
      if (std::find(choices.begin(), choices.end(), *v) == choices.end()) {
        error = std::string(flag) + " takes " + described + ", not '" + *v + "'";
        return std::nullopt;
      }
      return v;
    };
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--version") {
      options.version = true;
    } else if (arg == "--dingus") {
      options.dingus = true;
    } else if (arg == "--strict") {
      // Strict means the spec's SHOULDs count: the strict schemas apply and warnings fail.
      options.strict = true;
      options.fail_on = Severity::warning;
    } else if (arg == "--spec-version") {
      auto v = one_of("--spec-version", {"0.4", "0.5"}, "0.4 or 0.5");
      if (!v) return std::nullopt;
      options.spec_version = *v;
    } else if (arg == "--schema-dir") {
      auto v = value("--schema-dir");
      if (!v) return std::nullopt;
      options.schema_dir = *v;
    } else if (arg == "--jobs" || arg == "-j") {
      auto v = value("--jobs");
      if (!v) return std::nullopt;
      const bool digits = !v->empty() && v->size() <= 4 && v->find_first_not_of("0123456789") == std::string::npos;
      if (!digits || std::stoul(*v) == 0 || std::stoul(*v) > 1024) {
        error = "--jobs takes a number of threads from 1 to 1024, not '" + *v + "'";
        return std::nullopt;
      }
      options.jobs = std::stoul(*v);
    } else if (arg == "--checks") {
      auto v = one_of("--checks", {"metadata", "chunks"}, "'metadata' or 'chunks'");
      if (!v) return std::nullopt;
      options.checks = *v;
      checks_given = true;
    } else if (arg == "--check-labels") {
      options.check_labels = true;
    } else if (arg == "--list-rules") {
      options.list_rules = true;
    } else if (arg == "--format") {
      auto v = value("--format");
      if (!v) return std::nullopt;
      options.format = *v;
    } else if (arg == "--output" || arg == "-o") {
      auto v = value("--output");
      if (!v) return std::nullopt;
      options.output = *v;
    } else if (arg == "--fail-on") {
      auto v = one_of("--fail-on", {"error", "warning"}, "'error' or 'warning'");
      if (!v) return std::nullopt;
      options.fail_on = *v == "error" ? Severity::error : Severity::warning;
    } else if (arg.starts_with("-") && arg != "-") {
      error = "unknown option " + arg;
      return std::nullopt;
    } else if (options.target.empty()) {
      options.target = arg;
    } else {
      error = "more than one TARGET given ('" + options.target + "' and '" + arg + "')";
      return std::nullopt;
    }
  }
  if (options.help || options.version) return options;
  if (options.list_rules) {
    if (!options.format.empty() && options.format != "text" && options.format != "json" && options.format != "md") {
      error = "--list-rules --format takes text, json or md";
      return std::nullopt;
    }
    return options;
  }
  if (options.target.empty()) {
    error = "no TARGET given";
    return std::nullopt;
  }
  if (options.check_labels) {  // label values are read from the chunks
    if (checks_given && options.checks != "chunks") {
      error = "--check-labels reads every chunk: it needs --checks chunks, not --checks " + options.checks;
      return std::nullopt;
    }
    options.checks = "chunks";
  }
  if (!options.format.empty() && options.format != "text" && options.format != "json") {
    error = "--format takes text or json, not '" + options.format + "'";
    return std::nullopt;
  }
  return options;
}

}  // namespace ozv::cli
