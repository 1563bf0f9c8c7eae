#include "store/temp_dir.hpp"

#include <atomic>
#include <fstream>
#include <random>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace ozv::test {
namespace fs = std::filesystem;

TempDir::TempDir(const std::string& label) {
  static std::atomic<unsigned> counter{0};
  std::random_device entropy;
  const fs::path base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    // pid + counter keep parallel test programs apart; the random part guards against pid reuse.
    fs::path candidate = base / ("ozv-" + label + "-" + std::to_string(::getpid()) + "-" +
                                 std::to_string(counter++) + "-" + std::to_string(entropy()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a unique temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  // A test may have removed permissions; give them back so that removal can descend.
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& file, const Bytes& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write test file " + file.string());
}

void materialise(const fs::path& dir, const std::map<std::string, Bytes>& entries) {
  fs::create_directories(dir);
  for (const auto& [key, value] : entries) write_file(dir / fs::path(key), value);
}

}  // namespace ozv::test
