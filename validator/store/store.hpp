// A read-only key/value view of a Zarr store, split by capability.
//
// Keys are '/'-separated paths relative to the store root ("0/zarr.json"). Every backend
// (directory, ZIP, memory, later HTTP) implements this interface, so checks never touch
// files or sockets directly. "Not found" is an empty optional, never an exception; a
// StoreError is reserved for what a check must report (I/O failure, symlink escape...).
// Implementations are safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ozv {

using Bytes = std::string;  // binary-safe byte buffer

struct Capabilities {
  bool list = false;       // list_dir works
  bool get_range = false;  // get_range reads only the requested bytes
};

// A value read only when it is small enough: `bytes` is empty when `size` exceeds the limit.
struct BoundedValue {
  std::uint64_t size = 0;
  std::optional<Bytes> bytes;
};

struct Listing {
  std::vector<std::string> files;  // names of values directly under the prefix, sorted
  std::vector<std::string> dirs;   // names of child prefixes, sorted
};

// A failure a check must report. `rule` is the catalogue ID describing it.
class StoreError : public std::runtime_error {
 public:
  StoreError(std::string rule, std::string key, const std::string& detail)
      : std::runtime_error(detail), rule_(std::move(rule)), key_(std::move(key)) {}
  const std::string& rule() const { return rule_; }
  const std::string& key() const { return key_; }

 private:
  std::string rule_;
  std::string key_;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Capabilities capabilities() const = 0;
  virtual std::optional<Bytes> get(const std::string& key) = 0;
  // Bytes [offset, offset + length) clipped to the value's end; nullopt when the key is absent.
  virtual std::optional<Bytes> get_range(const std::string& key, std::uint64_t offset,
                                         std::uint64_t length) = 0;
  virtual std::optional<std::uint64_t> size(const std::string& key) = 0;
  // The value when it is at most `max_bytes` long, otherwise only its size; nullopt when the
  // key is absent. Backends override it to learn the size and read in one access (the default
  // asks size() then get()), so that reading a metadata document costs one round trip.
  virtual std::optional<BoundedValue> get_bounded(const std::string& key, std::uint64_t max_bytes);
  // `prefix` is "" for the root or a key prefix without trailing '/'.
  // Throws StoreError when the store cannot list (see capabilities()).
  virtual Listing list_dir(const std::string& prefix) = 0;
  // The child prefixes of `prefix` that are directories of their own, for a caller that only
  // wants to know whether there are any (the walk, inside an array). A backend that can
  // prove there are none without reading the listing may skip the links that list_dir
  // would also follow.
  virtual std::vector<std::string> list_subdirectories(const std::string& prefix) { return list_dir(prefix).dirs; }

  // Problems met while listing that were skipped rather than thrown (a directory store
  // leaves escaping or looping symlinks out of listings); each is returned once.
  virtual std::vector<StoreError> take_problems() { return {}; }
};

// True for a key every backend accepts: non-empty '/'-separated segments, none of them
// "." or "..", no leading or trailing '/', no backslash and no NUL. Any other key is
// "not found" in every backend, so that a crafted key can never name a path outside the store.
bool is_clean_key(std::string_view key);

// Joins a prefix and a name into a key ("" + "a" = "a", "x" + "a" = "x/a").
std::string join_key(const std::string& prefix, const std::string& name);

}  // namespace ozv
