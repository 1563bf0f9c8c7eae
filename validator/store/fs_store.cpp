#include "store/fs_store.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <utility>

#include <dirent.h>  // DT_* entry types
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace ozv {
namespace {

// More link expansions than this while resolving one key is a loop (the kernel's limit too).
constexpr int kMaxLinkExpansions = 40;

using Components = std::vector<std::string>;

// Owns one file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release() { return std::exchange(fd_, -1); }

 private:
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
};

// strerror is not guaranteed thread-safe; the GNU strerror_r is.
std::string error_text(int err) {
  char buffer[256];
  return ::strerror_r(err, buffer, sizeof buffer);
}

// Splits on '/', dropping empty segments (a link text may contain "a//b" or end in '/').
Components split_path(std::string_view path) {
  Components out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_components(const Components& parts) {
  std::string out;
  for (const auto& part : parts) out = join_key(out, part);
  return out;
}

bool is_prefix_of(const Components& prefix, const Components& path) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

enum class Kind { missing, file, directory, special };

struct Resolved {
  Kind kind = Kind::missing;
  Fd fd;  // file: open for reading (or O_PATH when not asked to read); directory: O_PATH
  struct stat st {};
};

// One pending path component. Components of the requested key are "logical"; components
// spliced in from a link target are not. A link_end marks where a link's target ends.
struct Step {
  bool link_end = false;
  bool logical = false;
  std::string name;
};

// A link whose target is being walked.
struct LinkFrame {
  std::string display;  // "a/link -> ../target", for messages
  Components parent;    // the directory holding the link, relative to the root
  bool logical = false;  // the link is itself a component of the requested key
};

// Resolves one key below the root, expanding links by hand. Never issues a system call on a
// path outside the root: while a link target wanders above the root it is followed lexically,
// only along the root's own (canonical) path, and anything else is an escape.
class Resolver {
 public:
  Resolver(int root_fd, const std::vector<Components>& root_spellings, const std::string& key)
      : root_fd_(root_fd), spellings_(root_spellings), key_(key) {}

  Resolved run(const Components& components, bool open_for_reading) {
    for (const auto& c : components) pending_.push_back(Step{false, true, c});
    while (!pending_.empty()) {
      Step step = std::move(pending_.front());
      pending_.pop_front();
      if (step.link_end) {
        finish_link();
      } else if (outside_) {
        walk_outside(step.name);
      } else if (step.name == "..") {
        go_up();
      } else if (step.name != ".") {
        std::optional<Resolved> done = enter(step, open_for_reading);
        if (done) return std::move(*done);
      }
    }
    Resolved dir;
    dir.kind = Kind::directory;
    if (dirs_.empty()) {
      dir.fd = Fd(::openat(root_fd_, ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
      if (!dir.fd) throw io_error(errno, "");
    } else {
      dir.fd = std::move(dirs_.back());
    }
    return dir;
  }

 private:
  int current_dir() const { return dirs_.empty() ? root_fd_ : dirs_.back().get(); }

  std::string relative(const std::string& name) const { return join_key(join_components(canon_), name); }

  StoreError io_error(int err, const std::string& name) const {
    const std::string where = relative(name);
    const std::string prefix = (where.empty() || where == key_) ? "" : where + ": ";
    return StoreError("STORE-001", key_, prefix + error_text(err));
  }

  // Handles one real directory entry. Returns the result when the walk ends here.
  std::optional<Resolved> enter(const Step& step, bool open_for_reading) {
    Fd fd(::openat(current_dir(), step.name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) {
      const int err = errno;
      if (err == ENOENT || err == ENOTDIR || err == ENAMETOOLONG) return Resolved{};
      throw io_error(err, step.name);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw io_error(errno, step.name);

    if (S_ISLNK(st.st_mode)) {
      expand_link(fd, step);
      return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
      dirs_.push_back(std::move(fd));
      canon_.push_back(step.name);
      if (step.logical) logical_dirs_.push_back(canon_);
      return std::nullopt;
    }
    // A file ends the walk, so it must be the last real component ("file/x" does not exist).
    const bool last = std::all_of(pending_.begin(), pending_.end(), [](const Step& s) { return s.link_end; });
    if (!last) return Resolved{};
    Resolved out;
    out.st = st;
    if (!S_ISREG(st.st_mode)) {
      out.kind = Kind::special;
      return out;
    }
    out.kind = Kind::file;
    if (!open_for_reading) {
      out.fd = std::move(fd);
      return out;
    }
    // O_NONBLOCK: should the entry be swapped for a FIFO meanwhile, open must not hang.
    out.fd = Fd(::openat(current_dir(), step.name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!out.fd) throw io_error(errno, step.name);
    if (::fstat(out.fd.get(), &out.st) != 0) throw io_error(errno, step.name);
    if (out.st.st_dev != st.st_dev || out.st.st_ino != st.st_ino || !S_ISREG(out.st.st_mode))
      throw StoreError("STORE-001", key_, relative(step.name) + " changed while being read");
    return out;
  }

  void expand_link(const Fd& link, const Step& step) {
    std::string text(PATH_MAX, '\0');
    const ssize_t n = ::readlinkat(link.get(), "", text.data(), text.size());
    if (n < 0) throw io_error(errno, step.name);
    if (static_cast<std::size_t>(n) >= text.size())
      throw StoreError("STORE-001", key_, relative(step.name) + ": symbolic link text too long");
    text.resize(static_cast<std::size_t>(n));

    LinkFrame frame{relative(step.name) + " -> " + shown(text), canon_, step.logical};
    if (++expansions_ > kMaxLinkExpansions)
      throw StoreError("STORE-003", key_, frame.display + ": too many levels of symbolic links");
    frames_.push_back(std::move(frame));

    pending_.push_front(Step{true, false, {}});
    const Components target = split_path(text);
    for (auto it = target.rbegin(); it != target.rend(); ++it) pending_.push_front(Step{false, false, *it});
    if (!text.empty() && text.front() == '/') {
      outside_ = true;
      outside_path_.clear();
      check_outside();
    }
  }

  // The link text as shown in messages, which must not reveal where the dataset lives:
  // an absolute spelling of the root becomes "<root>", any other absolute path ".../name".
  std::string shown(const std::string& text) const {
    if (text.empty() || text.front() != '/') return text;
    const Components parts = split_path(text);
    for (const auto& root : spellings_) {
      if (is_prefix_of(root, parts)) {
        const Components rest(parts.begin() + static_cast<std::ptrdiff_t>(root.size()), parts.end());
        return join_key("<root>", join_components(rest));
      }
    }
    return parts.empty() ? "/" : ".../" + parts.back();
  }

  void go_up() {
    if (!canon_.empty()) {
      canon_.pop_back();
      dirs_.pop_back();
      return;
    }
    const Components& canonical = spellings_.front();
    if (canonical.empty()) return;  // the root is "/": ".." stays there
    outside_ = true;
    outside_path_.assign(canonical.begin(), canonical.end() - 1);
  }

  void walk_outside(const std::string& name) {
    if (name == "..") {
      if (!outside_path_.empty()) outside_path_.pop_back();
    } else if (name != ".") {
      outside_path_.push_back(name);
    }
    check_outside();
  }

  // Back at the root: resume real resolution. Off the root's own path: an escape.
  void check_outside() {
    for (const auto& root : spellings_) {
      if (outside_path_ == root) {
        outside_ = false;
        outside_path_.clear();
        canon_.clear();
        dirs_.clear();
        return;
      }
    }
    for (const auto& root : spellings_)
      if (is_prefix_of(outside_path_, root)) return;
    // Only link targets lead above the root (keys hold no ".."), so a frame is always open.
    throw StoreError("STORE-002", key_, frames_.empty() ? key_ : frames_.back().display);
  }

  // A link's target has been walked and is a directory (a file target ends the walk earlier).
  void finish_link() {
    LinkFrame frame = std::move(frames_.back());
    frames_.pop_back();
    if (outside_) throw StoreError("STORE-002", key_, frame.display);
    // A target containing a directory already on the key's path (or, for a link met inside
    // another link's target, containing the link itself) makes the hierarchy endless.
    bool loop = false;
    if (frame.logical) {
      for (const auto& dir : logical_dirs_) loop = loop || is_prefix_of(canon_, dir);
    } else {
      loop = is_prefix_of(canon_, frame.parent);
    }
    if (loop)
      throw StoreError("STORE-003", key_, frame.display + ": the link points back to an enclosing directory");
    if (frame.logical) logical_dirs_.push_back(canon_);
  }

  int root_fd_;
  const std::vector<Components>& spellings_;
  const std::string& key_;
  std::vector<Fd> dirs_;       // descriptors of the directories in canon_
  Components canon_;           // current directory relative to the root, links resolved
  bool outside_ = false;       // a link target is above the root
  Components outside_path_;    // ...at this absolute, lexical path
  std::vector<Components> logical_dirs_{Components{}};  // resolved directory of each key prefix
  std::vector<LinkFrame> frames_;
  std::deque<Step> pending_;
  int expansions_ = 0;
};

Resolved resolve(int root_fd, const std::vector<Components>& spellings, const std::string& key,
                 const Components& components, bool open_for_reading) {
  return Resolver(root_fd, spellings, key).run(components, open_for_reading);
}

Bytes read_at(int fd, const std::string& key, std::uint64_t offset, std::uint64_t length) {
  Bytes out(static_cast<std::size_t>(length), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    // pread: no shared file position, so concurrent readers stay independent.
    const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw StoreError("STORE-001", key, error_text(errno));
    if (n == 0) break;  // the file shrank meanwhile: return what exists
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

// The common case in one system call: openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS opens
// a key below the root only when no symbolic link is on the way, and then the kernel gives
// the containment the hand resolver gives. Anything but an opened file or a plain "not there"
// (a link, an old kernel, a seccomp filter refusing the call) goes the long way: Resolver.
class BeneathOpener {
 public:
  // An open descriptor, or -1 with `missing` telling whether the key is certainly absent.
  int open(int root_fd, const std::string& path, int flags, bool& missing) {
    missing = false;
    if (unavailable_.load(std::memory_order_relaxed)) return -1;
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    const long fd = ::syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof how);
    if (fd >= 0) return static_cast<int>(fd);
    if (errno == ENOSYS || errno == EPERM) unavailable_.store(true, std::memory_order_relaxed);
    // Without links on the way, a missing component or a file used as a directory means
    // the key names nothing, exactly as the resolver would conclude.
    missing = errno == ENOENT || errno == ENOTDIR;
    return -1;
  }

 private:
  std::atomic<bool> unavailable_{false};
};

BeneathOpener& beneath_opener() {
  static BeneathOpener opener;
  return opener;
}

// The kernel's record for one directory entry (getdents64; glibc declares no such type).
struct DirectoryEntry {
  std::uint64_t d_ino;
  std::int64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[1];  // NUL-terminated, d_reclen bounds the record
};

// The entries of an open directory, read with getdents64 into a buffer of its own:
// opendir would allocate (and fault in) 32 KiB per directory, a cost a walk over
// thousands of small directories pays thousands of times.
class DirectoryEntries {
 public:
  explicit DirectoryEntries(int fd) : fd_(fd) {}

  // The next entry, or nullptr at the end or on error (then error() is set).
  const DirectoryEntry* next() {
    if (pos_ >= end_) {
      const long n = ::syscall(SYS_getdents64, fd_, buffer_, sizeof buffer_);
      if (n <= 0) {
        error_ = n < 0 ? errno : 0;
        return nullptr;
      }
      pos_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    const auto* entry = reinterpret_cast<const DirectoryEntry*>(buffer_ + pos_);
    pos_ += entry->d_reclen;
    return entry;
  }
  int error() const { return error_; }

 private:
  int fd_;
  alignas(8) char buffer_[8192];
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  int error_ = 0;
};

// File systems where a directory's link count is 2 plus its number of subdirectories (as
// GNU find's leaf optimisation assumes); others (btrfs: always 1) are listed.
bool link_count_counts_subdirectories(int fd) {
  constexpr long kExt = 0xEF53, kXfs = 0x58465342, kTmpfs = 0x01021994;
  struct statfs fs {};
  if (::fstatfs(fd, &fs) != 0) return false;
  const long type = static_cast<long>(fs.f_type);
  return type == kExt || type == kXfs || type == kTmpfs;
}

StoreError not_regular(const std::string& key) {
  return StoreError("STORE-001", key, "not a regular file (a FIFO, socket or device)");
}

// `key` opened for reading: a file (descriptor and status) or missing. Throws what the
// resolver throws, and STORE-001 for a FIFO, socket or device.
Resolved open_for_reading(int root_fd, const std::vector<Components>& spellings, const std::string& key) {
  bool missing = false;
  // O_NONBLOCK: should the entry be a FIFO, open must not hang (the resolver then reports it).
  Resolved fast;
  fast.fd = Fd(beneath_opener().open(root_fd, key, O_RDONLY | O_NOFOLLOW | O_NONBLOCK, missing));
  if (missing) return Resolved{};
  if (fast.fd && ::fstat(fast.fd.get(), &fast.st) == 0 && S_ISREG(fast.st.st_mode)) {
    fast.kind = Kind::file;
    return fast;
  }
  Resolved slow = resolve(root_fd, spellings, key, split_path(key), true);
  if (slow.kind == Kind::special) throw not_regular(key);
  return slow;
}

}  // namespace

FsStore::FsStore(const std::string& root) {
  root_fd_ = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd_ < 0) throw StoreError("STORE-001", "", "cannot open the dataset directory: " + error_text(errno));
  // The canonical spelling comes first: ".." above the root follows it.
  if (char* real = ::realpath(root.c_str(), nullptr)) {
    spellings_.push_back(split_path(real));
    std::free(real);
  }
  std::error_code ec;
  const auto given = std::filesystem::absolute(root, ec).lexically_normal();
  if (!ec) {
    Components parts = split_path(given.string());
    if (spellings_.empty() || parts != spellings_.front()) spellings_.push_back(std::move(parts));
  }
  if (spellings_.empty()) {
    ::close(root_fd_);
    throw StoreError("STORE-001", "", "cannot determine the location of the dataset directory");
  }
  link_count_counts_subdirectories_ = link_count_counts_subdirectories(root_fd_);
}

FsStore::~FsStore() { ::close(root_fd_); }

std::optional<Bytes> FsStore::get(const std::string& key) {
  if (!is_clean_key(key)) return std::nullopt;
  Resolved r = open_for_reading(root_fd_, spellings_, key);
  if (r.kind != Kind::file) return std::nullopt;
  return read_at(r.fd.get(), key, 0, static_cast<std::uint64_t>(r.st.st_size));
}

std::optional<Bytes> FsStore::get_range(const std::string& key, std::uint64_t offset, std::uint64_t length) {
  if (!is_clean_key(key)) return std::nullopt;
  Resolved r = open_for_reading(root_fd_, spellings_, key);
  if (r.kind != Kind::file) return std::nullopt;
  const auto size = static_cast<std::uint64_t>(r.st.st_size);
  if (offset >= size) return Bytes{};
  return read_at(r.fd.get(), key, offset, std::min(length, size - offset));
}

std::optional<BoundedValue> FsStore::get_bounded(const std::string& key, std::uint64_t max_bytes) {
  if (!is_clean_key(key)) return std::nullopt;
  Resolved r = open_for_reading(root_fd_, spellings_, key);
  if (r.kind != Kind::file) return std::nullopt;
  const auto size = static_cast<std::uint64_t>(r.st.st_size);
  if (size > max_bytes) return BoundedValue{size, std::nullopt};
  Bytes bytes = read_at(r.fd.get(), key, 0, size);
  const auto read_size = static_cast<std::uint64_t>(bytes.size());
  return BoundedValue{read_size, std::move(bytes)};
}

std::optional<std::uint64_t> FsStore::size(const std::string& key) {
  if (!is_clean_key(key)) return std::nullopt;
  bool missing = false;
  Fd fast(beneath_opener().open(root_fd_, key, O_PATH | O_NOFOLLOW, missing));
  if (missing) return std::nullopt;
  struct stat st {};
  if (fast && ::fstat(fast.get(), &st) == 0 && S_ISREG(st.st_mode)) return static_cast<std::uint64_t>(st.st_size);
  Resolved r = resolve(root_fd_, spellings_, key, split_path(key), false);
  if (r.kind == Kind::special) throw not_regular(key);
  if (r.kind != Kind::file) return std::nullopt;
  return static_cast<std::uint64_t>(r.st.st_size);
}

Listing FsStore::list_dir(const std::string& prefix) {
  if (!prefix.empty() && !is_clean_key(prefix)) return {};
  const Components base = split_path(prefix);
  bool missing = false;
  Fd readable(beneath_opener().open(root_fd_, prefix.empty() ? "." : prefix, O_RDONLY | O_DIRECTORY, missing));
  if (missing) return {};
  if (!readable) {
    Resolved dir = resolve(root_fd_, spellings_, prefix, base, false);
    if (dir.kind != Kind::directory) return {};
    readable = Fd(::openat(dir.fd.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!readable) throw StoreError("STORE-001", prefix, "cannot list: " + error_text(errno));
  }
  Listing out;
  DirectoryEntries entries(readable.get());
  for (;;) {
    const DirectoryEntry* entry = entries.next();
    if (entry == nullptr) {
      if (entries.error() != 0) throw StoreError("STORE-001", prefix, "cannot list: " + error_text(entries.error()));
      break;
    }
    const std::string name = entry->d_name;
    if (name == "." || name == ".." || name.find('\\') != std::string::npos) continue;
    const std::string key = join_key(prefix, name);

    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {  // some file systems do not fill d_type
      struct stat st {};
      if (::fstatat(readable.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno != ENOENT) record_problem(StoreError("STORE-001", key, error_text(errno)));
        continue;
      }
      type = S_ISREG(st.st_mode)   ? DT_REG
             : S_ISDIR(st.st_mode) ? DT_DIR
             : S_ISLNK(st.st_mode) ? DT_LNK
                                   : DT_FIFO;  // any other kind: reported below
    }

    if (type == DT_REG) {
      out.files.push_back(name);
    } else if (type == DT_DIR) {
      out.dirs.push_back(name);
    } else if (type == DT_LNK) {
      Components path = base;
      path.push_back(name);
      try {
        const Resolved target = resolve(root_fd_, spellings_, key, path, false);
        if (target.kind == Kind::file) out.files.push_back(name);
        if (target.kind == Kind::directory) out.dirs.push_back(name);
        if (target.kind == Kind::special) record_problem(not_regular(key));
        // Kind::missing: a dangling link, which names nothing.
      } catch (const StoreError& problem) {
        record_problem(problem);
      }
    } else {
      record_problem(not_regular(key));
    }
  }
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.dirs.begin(), out.dirs.end());
  return out;
}

std::vector<std::string> FsStore::list_subdirectories(const std::string& prefix) {
  if (link_count_counts_subdirectories_ && !prefix.empty() && is_clean_key(prefix)) {
    bool missing = false;
    Fd dir(beneath_opener().open(root_fd_, prefix, O_PATH | O_DIRECTORY, missing));
    if (missing) return {};
    struct stat st {};
    if (dir && ::fstat(dir.get(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_nlink == 2) return {};
  }
  return list_dir(prefix).dirs;
}

std::vector<StoreError> FsStore::take_problems() {
  std::lock_guard<std::mutex> lock(problems_mutex_);
  std::vector<StoreError> out;
  out.swap(problems_);
  return out;
}

void FsStore::record_problem(const StoreError& problem) {
  std::lock_guard<std::mutex> lock(problems_mutex_);
  if (reported_.insert(problem.rule() + "\n" + problem.key()).second) problems_.push_back(problem);
}

std::unique_ptr<Store> open_directory_store(const std::string& root) { return std::make_unique<FsStore>(root); }

}  // namespace ozv
