// The directory backend: a Zarr store laid out as files under a root directory.
//
// The store is strictly read-only and never leaves its root. A key with no symbolic link on
// its way is opened in one openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) call; otherwise it
// is resolved one path component at a time from a descriptor of the root (openat +
// O_NOFOLLOW), and every symbolic link met on the way is expanded by hand, so that:
//   - a link whose target stays inside the root is followed like the kernel would;
//   - a link leading outside the root is never followed (StoreError "STORE-002");
//   - a link that cannot terminate, or a directory link pointing at one of its own
//     ancestors (which would make a traversal endless), raises StoreError "STORE-003".
// Exception details name the key and the link text, never the absolute location of the root.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace ozv {

class FsStore final : public Store {
 public:
  // Opens `root` (a directory; a symlink naming the root itself is fine).
  // Throws StoreError("STORE-001", "", detail) when it is missing or not a readable directory.
  explicit FsStore(const std::string& root);
  ~FsStore() override;
  FsStore(const FsStore&) = delete;
  FsStore& operator=(const FsStore&) = delete;

  Capabilities capabilities() const override { return {true, true}; }
  // Regular files only: a directory, a missing key or an unclean key is nullopt.
  // Throws StoreError: STORE-002 (link leaves the root), STORE-003 (link loop),
  // STORE-001 (I/O failure, or a FIFO/device/socket where a value was expected).
  std::optional<Bytes> get(const std::string& key) override;
  std::optional<Bytes> get_range(const std::string& key, std::uint64_t offset,
                                 std::uint64_t length) override;
  std::optional<std::uint64_t> size(const std::string& key) override;
  std::optional<BoundedValue> get_bounded(const std::string& key, std::uint64_t max_bytes) override;
  // Files and directories directly below `prefix`, sorted. Entries that are escaping or
  // looping links, or neither file nor directory, are left out and recorded (see
  // take_problems). Dangling links and names with a backslash (not addressable as
  // keys) are left out silently. A missing prefix, or one naming a file, lists nothing.
  Listing list_dir(const std::string& prefix) override;
  // On a file system whose directory link count counts subdirectories (ext2/3/4, XFS,
  // tmpfs), a directory with a count of 2 has none and is not read: one stat instead of a
  // listing for every array of a large plate. Links to directories inside it are then not
  // seen (list_dir sees them).
  std::vector<std::string> list_subdirectories(const std::string& prefix) override;

  // The problems met by list_dir since the previous call, each reported once per
  // (rule, key) over the store's lifetime. The engine turns them into findings.
  std::vector<StoreError> take_problems() override;

 private:
  void record_problem(const StoreError& problem);

  int root_fd_ = -1;                                 // O_PATH descriptor of the root
  bool link_count_counts_subdirectories_ = false;    // see list_subdirectories
  std::vector<std::vector<std::string>> spellings_;  // absolute spellings of the root, split
  std::mutex problems_mutex_;
  std::vector<StoreError> problems_;
  std::set<std::string> reported_;  // "rule\nkey" of every problem ever recorded
};

// The factory the engine calls.
std::unique_ptr<Store> open_directory_store(const std::string& root);

}  // namespace ozv
