#include "read_command.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

#include "corpus/array_reader.hpp"

namespace ozv::corpus {

int read_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() < 2 || args[0].starts_with("-")) {
    err << "ome-zarr-corpus: read needs PATH and at least one ARRAY\n";
    return 2;
  }
  const std::vector<std::string> arrays(args.begin() + 1, args.end());
  const ArrayChecksums read = read_array_checksums(args[0], arrays);
  // Messages quote bytes from the store: replace invalid UTF-8 rather than fail to print.
  const nlohmann::json answer = {{"checksums", read.checksums}, {"read_errors", read.read_errors}};
  out << answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return read.read_errors.empty() ? 0 : 1;
}

}  // namespace ozv::corpus
