// Scratch directories for tests: unique under the system temp directory, removed
// (permissions restored first, for tests that take them away) when the object goes out of scope.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>

#include <unistd.h>

#include "store/store.hpp"

namespace ozv::test {

class TempDir {
 public:
  explicit TempDir(const std::string& label = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `content` at `relative` below the directory (creating parents); returns the full path.
  std::filesystem::path write(const std::string& relative, const Bytes& content) const;

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `file`, creating missing parent directories.
void write_file(const std::filesystem::path& file, const Bytes& bytes);

// Lays `entries` out under `dir`, one file per key (the directory-store layout).
void materialise(const std::filesystem::path& dir, const std::map<std::string, Bytes>& entries);

inline TempDir::TempDir(const std::string& label) {
  static std::atomic<unsigned> counter{0};
  std::random_device entropy;
  const std::filesystem::path base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    // pid + counter keep parallel test programs apart; the random part guards against pid reuse.
    std::filesystem::path candidate = base / ("ozv-" + label + "-" + std::to_string(::getpid()) + "-" +
                                 std::to_string(counter++) + "-" + std::to_string(entropy()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a unique temporary directory");
}

inline TempDir::~TempDir() {
  std::error_code ec;
  // A test may have removed permissions; give them back so that removal can descend.
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  for (auto it = std::filesystem::recursive_directory_iterator(path_, std::filesystem::directory_options::skip_permission_denied, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec))
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  }
  std::filesystem::remove_all(path_, ec);
}

inline void write_file(const std::filesystem::path& file, const Bytes& bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write test file " + file.string());
}

inline void materialise(const std::filesystem::path& dir, const std::map<std::string, Bytes>& entries) {
  std::filesystem::create_directories(dir);
  for (const auto& [key, value] : entries) write_file(dir / std::filesystem::path(key), value);
}

inline std::filesystem::path TempDir::write(const std::string& relative, const Bytes& content) const {
  auto full = path_ / relative;
  write_file(full, content);
  return full;
}

}  // namespace ozv::test
