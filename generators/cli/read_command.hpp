// `ome-zarr-corpus read PATH ARRAY...`: our implementation as a reader, for the compatibility
// harness. Prints one JSON object {"checksums": {array: sha256}, "read_errors": {array: why}}.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ozv::corpus {

// Exit status: 0 every array read, 1 some read error (still printed as JSON), 2 usage.
int read_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ozv::corpus
