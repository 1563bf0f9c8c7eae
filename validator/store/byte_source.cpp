#include "store/byte_source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ozv {
namespace {

class FileByteSource final : public ByteSource {
 public:
  FileByteSource(int fd, std::uint64_t size, std::string name)
      : fd_(fd), size_(size), name_(std::move(name)) {}
  ~FileByteSource() override { ::close(fd_); }
  FileByteSource(const FileByteSource&) = delete;
  FileByteSource& operator=(const FileByteSource&) = delete;

  std::uint64_t size() const override { return size_; }
  std::string name() const override { return name_; }

  Bytes read(std::uint64_t offset, std::uint64_t length) const override {
    if (offset >= size_) return {};
    length = std::min(length, size_ - offset);
    Bytes out(static_cast<std::size_t>(length), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
      // pread keeps concurrent readers independent: no shared file position.
      ssize_t n = ::pread(fd_, out.data() + done, out.size() - done,
                          static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw StoreError("STORE-001", name_, std::string("read failed: ") + std::strerror(errno));
      if (n == 0) break;  // the file shrank under us: return what exists
      done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
  }

 private:
  int fd_;
  std::uint64_t size_;
  std::string name_;
};

class MemoryByteSource final : public ByteSource {
 public:
  MemoryByteSource(Bytes bytes, std::string name) : bytes_(std::move(bytes)), name_(std::move(name)) {}
  std::uint64_t size() const override { return bytes_.size(); }
  std::string name() const override { return name_; }
  Bytes read(std::uint64_t offset, std::uint64_t length) const override {
    if (offset >= bytes_.size()) return {};
    return bytes_.substr(static_cast<std::size_t>(offset),
                         static_cast<std::size_t>(std::min<std::uint64_t>(length, bytes_.size() - offset)));
  }

 private:
  Bytes bytes_;
  std::string name_;
};

}  // namespace

std::shared_ptr<ByteSource> open_file_source(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw StoreError("STORE-001", name, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw StoreError("STORE-001", name, "not a regular file");
  }
  return std::make_shared<FileByteSource>(fd, static_cast<std::uint64_t>(st.st_size), name);
}

std::shared_ptr<ByteSource> make_memory_source(Bytes bytes, std::string name) {
  return std::make_shared<MemoryByteSource>(std::move(bytes), std::move(name));
}

}  // namespace ozv
