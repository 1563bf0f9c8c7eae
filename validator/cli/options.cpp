#include "cli/options.hpp"

namespace ozv::cli {

const char* const kUsageText =
    "usage: ome-zarr-validate TARGET [--format text|json] [--output FILE] [--fail-on error|warning] [--dingus]\n"
    "       ome-zarr-validate --list-rules [--format text|json|md]\n"
    "\n"
    "TARGET is a directory, a .zip/.ozx file, or a single .json metadata document.\n"
    "exit: 0 valid, 1 invalid, 2 usage error or TARGET cannot be opened, 3 internal error\n";

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        error = std::string(flag) + " needs a value";
        return std::nullopt;
      }
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--version") {
      options.version = true;
    } else if (arg == "--dingus") {
      options.dingus = true;
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
      auto v = value("--fail-on");
      if (!v) return std::nullopt;
      if (*v == "error") {
        options.fail_on = Severity::error;
      } else if (*v == "warning") {
        options.fail_on = Severity::warning;
      } else {
        error = "--fail-on takes 'error' or 'warning', not '" + *v + "'";
        return std::nullopt;
      }
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
  if (!options.format.empty() && options.format != "text" && options.format != "json") {
    error = "--format takes text or json, not '" + options.format + "'";
    return std::nullopt;
  }
  return options;
}

}  // namespace ozv::cli
