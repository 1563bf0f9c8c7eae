// Scratch directories for store tests: unique under the system temp directory, removed
// (permissions restored first) when the object goes out of scope.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "store/store.hpp"

namespace ozv::test {

class TempDir {
 public:
  explicit TempDir(const std::string& label = "store");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `file`, creating missing parent directories.
void write_file(const std::filesystem::path& file, const Bytes& bytes);

// Lays `entries` out under `dir`, one file per key (the directory-store layout).
void materialise(const std::filesystem::path& dir, const std::map<std::string, Bytes>& entries);

}  // namespace ozv::test
