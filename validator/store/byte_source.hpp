// A random-access sequence of bytes: a local file today, an HTTP resource later.
// The ZIP backend and the RFC-9 layout checks read archives only through this interface,
// so a ZIP served over HTTP needs a new ByteSource and nothing else.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace ozv {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual std::uint64_t size() const = 0;
  // Bytes [offset, offset + length) clipped to the end. Throws StoreError on I/O failure.
  virtual Bytes read(std::uint64_t offset, std::uint64_t length) const = 0;
  // Name used in messages (a file name, never an absolute path in reports).
  virtual std::string name() const = 0;
};

// Opens a local file; throws StoreError when it cannot be opened.
std::shared_ptr<ByteSource> open_file_source(const std::string& path);

// Wraps bytes held in memory (tests, nested archives).
std::shared_ptr<ByteSource> make_memory_source(Bytes bytes, std::string name);

}  // namespace ozv
