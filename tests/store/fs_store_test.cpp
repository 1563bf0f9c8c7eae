#include "store/fs_store.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include <catch2/catch.hpp>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store_conformance.hpp"
#include "support/temp_dir.hpp"

namespace ozv {
namespace {

namespace fs = std::filesystem;

std::optional<StoreError> error_from(const std::function<void()>& action) {
  try {
    action();
  } catch (const StoreError& e) {
    return e;
  }
  return std::nullopt;
}

// "RULE key" for every pending listing problem, sorted.
std::vector<std::string> problems(Store& store) {
  std::vector<std::string> out;
  for (const auto& p : store.take_problems()) out.push_back(p.rule() + " " + p.key());
  std::sort(out.begin(), out.end());
  return out;
}

using Names = std::vector<std::string>;

// A dataset root full of links, next to a directory outside it:
//   base/outside/secret, base/outside/sub/zarr.json
//   base/root/...  (see the constructor)
struct LinkTree {
  test::TempDir tmp{"fs-links"};
  fs::path base = tmp.path();
  fs::path root = base / "root";
  fs::path outside = base / "outside";

  LinkTree() {
    test::write_file(outside / "secret", "secret");
    test::write_file(outside / "sub" / "zarr.json", "{outside}");
    test::write_file(root / "zarr.json", "{root}");
    test::write_file(root / "a" / "zarr.json", "{a}");
    test::write_file(root / "a" / "b" / "zarr.json", "{b}");
    test::write_file(root / "q" / "data", "q");
    fs::create_directories(root / "p");
    // Followed: they stay inside the root.
    fs::create_symlink("zarr.json", root / "a" / "sibling");
    fs::create_symlink("../zarr.json", root / "a" / "b" / "parent_file");
    fs::create_directory_symlink("a", root / "dirlink");
    fs::create_symlink(root / "a" / "zarr.json", root / "abs_in");
    fs::create_symlink("../../root/zarr.json", root / "a" / "back_in");  // out by name and back in
    // Not followed: they leave the root.
    fs::create_symlink("../../outside/secret", root / "a" / "escape");
    fs::create_symlink(outside / "secret", root / "abs_out");
    fs::create_directory_symlink("../outside", root / "outdir");
    fs::create_symlink("a/escape", root / "chain");  // a link to an escaping link
    // Loops.
    fs::create_symlink("loop2", root / "loop1");
    fs::create_symlink("loop1", root / "loop2");
    fs::create_symlink("self", root / "self");
    fs::create_directory_symlink("..", root / "a" / "up");
    fs::create_directory_symlink(".", root / "a" / "dot");
    fs::create_directory_symlink("../..", root / "a" / "b" / "top");
    fs::create_directory_symlink("../q", root / "p" / "l");  // p/l -> q and q/m -> p:
    fs::create_directory_symlink("../p", root / "q" / "m");  // a cycle through two links
    // Neither: a dangling link and a FIFO.
    fs::create_symlink("nowhere", root / "dangling");
    REQUIRE(::mkfifo((root / "fifo").c_str(), 0644) == 0);
  }
};

TEST_CASE("is_clean_key accepts relative keys and rejects everything else", "[store][fs]") {
  for (const std::string key : {"a", "a/b", "zarr.json", ".zattrs", "...", "..a/b..", "a b/\xC3\xBC", "0/c/1/2"}) {
    INFO(key);
    CHECK(is_clean_key(key));
  }
  for (const std::string key : {"", "/", "/a", "a/", "a//b", ".", "..", "a/.", "a/..", "./a", "../a", "a\\b"}) {
    INFO(key);
    CHECK_FALSE(is_clean_key(key));
  }
  CHECK_FALSE(is_clean_key(std::string("a\0b", 3)));
}

TEST_CASE("directory store meets the store conformance suite", "[store][fs]") {
  test::TempDir tmp("fs-conformance");
  test::materialise(tmp.path() / "root", test::conformance_fixture());
  auto store = open_directory_store((tmp.path() / "root").string());
  CHECK(store->capabilities().list);
  CHECK(store->capabilities().get_range);
  test::check_store_conformance(*store);
  CHECK(store->take_problems().empty());

  SECTION("also when the root is named through a symbolic link") {
    fs::create_directory_symlink("root", tmp.path() / "alias");
    auto aliased = open_directory_store((tmp.path() / "alias").string());
    test::check_store_conformance(*aliased);
  }
}

TEST_CASE("list_subdirectories names the real subdirectories list_dir names", "[store][fs]") {
  test::TempDir tmp("fs-subdirs");
  const auto root = tmp.path() / "root";
  test::materialise(root, {{"leaf/zarr.json", "{}"},
                           {"leaf/data", "x"},
                           {"parent/zarr.json", "{}"},
                           {"parent/c/0/0", "x"},
                           {"parent/d/zarr.json", "{}"},
                           {"file", "x"}});
  fs::create_directory(root / "empty");
  FsStore store(root.string());
  for (const std::string prefix : {"leaf", "parent", "parent/c", "parent/c/0", "empty", "file", "missing", ""}) {
    CAPTURE(prefix);
    CHECK(store.list_subdirectories(prefix) == store.list_dir(prefix).dirs);
  }
  CHECK(store.list_subdirectories("parent") == std::vector<std::string>{"c", "d"});
  CHECK(store.list_subdirectories("leaf").empty());
}

TEST_CASE("directory store refuses a root that is not a directory", "[store][fs]") {
  test::TempDir tmp("fs-badroot");
  test::write_file(tmp.path() / "file", "x");
  for (const fs::path& root : {tmp.path() / "missing", tmp.path() / "file"}) {
    auto error = error_from([&] { open_directory_store(root.string()); });
    REQUIRE(error.has_value());
    CHECK(error->rule() == "STORE-001");
    CHECK(std::string(error->what()).find(tmp.path().string()) == std::string::npos);
  }
}

TEST_CASE("links that stay inside the root are followed", "[store][fs][symlink]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  CHECK(store.get("a/sibling") == Bytes("{a}"));
  CHECK(store.get("a/b/parent_file") == Bytes("{a}"));
  CHECK(store.get("dirlink/zarr.json") == Bytes("{a}"));
  CHECK(store.get("dirlink/b/zarr.json") == Bytes("{b}"));
  CHECK(store.get("dirlink/sibling") == Bytes("{a}"));
  CHECK(store.get("abs_in") == Bytes("{a}"));
  CHECK(store.get("a/back_in") == Bytes("{root}"));
  CHECK(store.get("p/l/data") == Bytes("q"));
  CHECK(store.size("dirlink/b/zarr.json") == 3u);
  CHECK(store.get_range("abs_in", 1, 1) == Bytes("a"));
  // A link naming a directory is a directory: not a value.
  CHECK(store.get("dirlink") == std::nullopt);
  CHECK(store.size("dirlink") == std::nullopt);
  // A dangling link names nothing.
  CHECK(store.get("dangling") == std::nullopt);
  CHECK(store.size("dangling") == std::nullopt);
}

TEST_CASE("links leaving the root are never followed (STORE-002)", "[store][fs][symlink]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  const std::map<std::string, std::string> expected = {
      {"a/escape", "a/escape -> ../../outside/secret"},             // relative
      {"abs_out", "abs_out -> .../secret"},                         // absolute, shown without its location
      {"outdir/secret", "outdir -> ../outside"},                    // directory link, key below it
      {"outdir/sub/zarr.json", "outdir -> ../outside"},
      {"chain", "a/escape -> ../../outside/secret"},                // reached through another link
      {"dirlink/escape", "a/escape -> ../../outside/secret"},       // link met below a followed link
  };
  for (const auto& [key, detail] : expected) {
    INFO("key: " << key);
    for (const auto& action : std::vector<std::function<void()>>{
             [&, k = key] { store.get(k); }, [&, k = key] { store.size(k); },
             [&, k = key] { store.get_range(k, 0, 1); }}) {
      auto error = error_from(action);
      REQUIRE(error.has_value());
      CHECK(error->rule() == "STORE-002");
      CHECK(error->key() == key);
      CHECK(std::string(error->what()) == detail);
    }
  }
  // Listing an escaping directory link fails the same way.
  auto error = error_from([&] { store.list_dir("outdir"); });
  REQUIRE(error.has_value());
  CHECK(error->rule() == "STORE-002");
  // A key can never name the outside directly.
  CHECK(store.get("../outside/secret") == std::nullopt);
  CHECK(store.get("a/../../outside/secret") == std::nullopt);
}

TEST_CASE("link loops and links to an enclosing directory are reported (STORE-003)", "[store][fs][symlink]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  const std::map<std::string, std::string> expected = {
      {"loop1", "too many levels of symbolic links"},
      {"self", "too many levels of symbolic links"},
      {"a/up", "a/up -> ..: the link points back to an enclosing directory"},
      {"a/up/zarr.json", "a/up -> ..: the link points back to an enclosing directory"},
      {"a/dot/zarr.json", "a/dot -> .: the link points back to an enclosing directory"},
      {"a/b/top/a/zarr.json", "a/b/top -> ../..: the link points back to an enclosing directory"},
      {"dirlink/up/zarr.json", "a/up -> ..: the link points back to an enclosing directory"},
      {"p/l/m/l/data", "q/m -> ../p: the link points back to an enclosing directory"},
      {"q/m/l/data", "p/l -> ../q: the link points back to an enclosing directory"},
  };
  for (const auto& [key, detail] : expected) {
    INFO("key: " << key);
    auto error = error_from([&, k = key] { store.get(k); });
    REQUIRE(error.has_value());
    CHECK(error->rule() == "STORE-003");
    CHECK(error->key() == key);
    CHECK_THAT(std::string(error->what()), Catch::Matchers::EndsWith(detail));
    CHECK(error_from([&, k = key] { store.size(k); }).has_value());
  }
  auto error = error_from([&] { store.list_dir("a/up"); });
  REQUIRE(error.has_value());
  CHECK(error->rule() == "STORE-003");
}

TEST_CASE("listings leave out escaping and looping links and report them once", "[store][fs][symlink]") {
  LinkTree tree;
  FsStore store(tree.root.string());

  const Listing root = store.list_dir("");
  CHECK(root.files == Names{"abs_in", "zarr.json"});
  CHECK(root.dirs == Names{"a", "dirlink", "p", "q"});
  CHECK(problems(store) == Names{"STORE-001 fifo", "STORE-002 abs_out", "STORE-002 chain", "STORE-002 outdir",
                                 "STORE-003 loop1", "STORE-003 loop2", "STORE-003 self"});
  // Taken problems are gone, and listing again does not report them twice.
  CHECK(problems(store).empty());
  CHECK(store.list_dir("").dirs == root.dirs);
  CHECK(problems(store).empty());

  const Listing a = store.list_dir("a");
  CHECK(a.files == Names{"back_in", "sibling", "zarr.json"});
  CHECK(a.dirs == Names{"b"});
  CHECK(problems(store) == Names{"STORE-002 a/escape", "STORE-003 a/dot", "STORE-003 a/up"});

  CHECK(store.list_dir("a/b").files == Names{"parent_file", "zarr.json"});
  CHECK(store.list_dir("a/b").dirs.empty());
  CHECK(problems(store) == Names{"STORE-003 a/b/top"});

  // Through a followed directory link, problems carry the key as listed.
  CHECK(store.list_dir("dirlink").files == Names{"back_in", "sibling", "zarr.json"});
  CHECK(problems(store) == Names{"STORE-002 dirlink/escape", "STORE-003 dirlink/dot", "STORE-003 dirlink/up"});

  // The two-link cycle: the first link is a directory, the second one closes the loop.
  CHECK(store.list_dir("p").dirs == Names{"l"});
  const Listing pl = store.list_dir("p/l");
  CHECK(pl.files == Names{"data"});
  CHECK(pl.dirs.empty());
  CHECK(problems(store) == Names{"STORE-003 p/l/m"});
  CHECK(store.list_dir("q").dirs == Names{"m"});
  CHECK(store.list_dir("q/m").dirs.empty());
  CHECK(problems(store) == Names{"STORE-003 q/m/l"});
}

TEST_CASE("a full traversal of a tree of links terminates", "[store][fs][symlink]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  std::deque<std::string> queue{""};
  std::size_t nodes = 0;
  while (!queue.empty() && nodes < 1000) {
    const std::string prefix = queue.front();
    queue.pop_front();
    ++nodes;
    for (const auto& dir : store.list_dir(prefix).dirs) queue.push_back(join_key(prefix, dir));
  }
  CHECK(queue.empty());
  CHECK(nodes < 20);
}

TEST_CASE("exception details never reveal where the dataset lives", "[store][fs][symlink]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  std::vector<StoreError> errors;
  for (const std::string key : {"a/escape", "abs_out", "outdir/secret", "chain", "loop1", "a/up/x", "fifo"}) {
    auto error = error_from([&] { store.get(key); });
    REQUIRE(error.has_value());
    errors.push_back(*error);
  }
  (void)store.list_dir("");
  (void)store.list_dir("a");
  for (const auto& problem : store.take_problems()) errors.push_back(problem);
  CHECK(errors.size() == 17);
  for (const auto& error : errors) {
    INFO(error.what());
    CHECK(std::string(error.what()).find(tree.base.string()) == std::string::npos);
  }
}

TEST_CASE("absolute links may name the root by its canonical or its given spelling", "[store][fs][symlink]") {
  test::TempDir tmp("fs-spelling");
  const fs::path real = tmp.path() / "real";
  test::write_file(real / "zarr.json", "{real}");
  fs::create_directory_symlink("real", tmp.path() / "alias");
  fs::create_symlink(tmp.path() / "alias" / "zarr.json", real / "via_alias");
  fs::create_symlink(real / "zarr.json", real / "via_real");
  fs::create_symlink(tmp.path() / "alias", real / "root_by_alias");

  FsStore through_alias((tmp.path() / "alias").string());
  CHECK(through_alias.get("via_alias") == Bytes("{real}"));
  CHECK(through_alias.get("via_real") == Bytes("{real}"));
  auto loop = error_from([&] { through_alias.get("root_by_alias/zarr.json"); });
  REQUIRE(loop.has_value());
  CHECK(loop->rule() == "STORE-003");
  CHECK_THAT(std::string(loop->what()), Catch::Matchers::StartsWith("root_by_alias -> <root>"));

  // Opened by its real name, the store cannot know "alias" is the root without following a
  // link outside the root, which it never does: the link counts as leaving.
  FsStore through_real(real.string());
  CHECK(through_real.get("via_real") == Bytes("{real}"));
  auto escape = error_from([&] { through_real.get("via_alias"); });
  REQUIRE(escape.has_value());
  CHECK(escape->rule() == "STORE-002");
}

TEST_CASE("a FIFO is reported, never opened for reading", "[store][fs]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  // Opening a FIFO for reading would block until a writer appears: this test would hang.
  auto error = error_from([&] { store.get("fifo"); });
  REQUIRE(error.has_value());
  CHECK(error->rule() == "STORE-001");
  CHECK(error_from([&] { store.get_range("fifo", 0, 1); }).has_value());
  CHECK(error_from([&] { store.size("fifo"); }).has_value());
}

TEST_CASE("over-long names and keys are simply not found", "[store][fs]") {
  LinkTree tree;
  FsStore store(tree.root.string());
  CHECK(store.get(std::string(300, 'x')) == std::nullopt);
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "a/";
  deep += "zarr.json";
  CHECK(store.get(deep) == std::nullopt);
  CHECK(store.list_dir(std::string(300, 'x')).files.empty());
}

// Removes the capabilities that let root ignore file permissions, so EACCES can happen.
bool drop_permission_override() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (::syscall(SYS_capget, &header, data) != 0) return false;
  data[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
  return ::syscall(SYS_capset, &header, data) == 0;
}

// Runs in a forked child (capabilities are per process); the exit code says what failed.
int unreadable_checks(const fs::path& root) {
  if (::geteuid() == 0 && !drop_permission_override()) return 77;
  try {
    FsStore store(root.string());
    auto is_denied = [](const std::optional<StoreError>& e, const std::string& key) {
      return e && e->rule() == "STORE-001" && e->key() == key &&
             std::string(e->what()).find("Permission denied") != std::string::npos;
    };
    if (!is_denied(error_from([&] { store.get("locked_file"); }), "locked_file")) return 1;
    if (!is_denied(error_from([&] { store.get_range("locked_file", 0, 1); }), "locked_file")) return 2;
    if (!is_denied(error_from([&] { store.get("locked_dir/zarr.json"); }), "locked_dir/zarr.json")) return 3;
    if (!is_denied(error_from([&] { store.list_dir("locked_dir"); }), "locked_dir")) return 4;
    const Listing listing = store.list_dir("");
    if (listing.files != Names{"locked_file", "zarr.json"} || listing.dirs != Names{"locked_dir"}) return 5;
    if (store.get("zarr.json") != Bytes("{}")) return 6;
    if (store.size("locked_file") != 6u) return 7;  // fstat needs no read permission
  } catch (...) {
    return 20;
  }
  return 0;
}

TEST_CASE("unreadable files and directories raise STORE-001", "[store][fs]") {
  test::TempDir tmp("fs-eacces");
  const fs::path root = tmp.path() / "root";
  test::write_file(root / "zarr.json", "{}");
  test::write_file(root / "locked_file", "secret");
  test::write_file(root / "locked_dir" / "zarr.json", "{}");
  fs::permissions(root / "locked_file", fs::perms::none);
  fs::permissions(root / "locked_dir", fs::perms::none);

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) ::_exit(unreadable_checks(root));
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  const int code = WEXITSTATUS(status);
  if (code == 77) {
    WARN("running as root without the right to drop CAP_DAC_OVERRIDE: EACCES checks skipped");
    return;
  }
  INFO("1 get, 2 get_range, 3 key below a locked directory, 4 list_dir, 5 root listing, "
       "6 readable file, 7 size, 20 unexpected exception");
  CHECK(code == 0);
}

struct EntryState {
  fs::file_type type;
  mode_t mode;
  off_t size;
  nlink_t links;
  std::int64_t mtime_ns;
  std::int64_t ctime_ns;
  friend bool operator==(const EntryState&, const EntryState&) = default;
};

// Everything below `dir` as lstat sees it (links not followed); ctime catches any change at all.
std::map<std::string, EntryState> snapshot(const fs::path& dir) {
  std::map<std::string, EntryState> out;
  auto add = [&](const fs::path& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    out[path.string()] = {fs::symlink_status(path).type(), st.st_mode, st.st_size, st.st_nlink,
                          st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
                          st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec};
  };
  add(dir);
  for (const auto& entry : fs::recursive_directory_iterator(dir)) add(entry.path());
  return out;
}

std::size_t open_descriptors() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
  return n;
}

TEST_CASE("the store never writes and never leaks descriptors", "[store][fs]") {
  LinkTree tree;
  const auto before = snapshot(tree.base);
  const std::size_t descriptors = open_descriptors();
  {
    FsStore store(tree.root.string());
    // Every operation on every key the tree offers, including the failing ones.
    std::deque<std::string> queue{""};
    std::vector<std::string> keys{"a/escape", "abs_out", "outdir/secret", "chain", "loop1", "self",
                                  "a/up/zarr.json", "dangling", "fifo", "missing", "a/zarr.json/x"};
    for (int guard = 0; !queue.empty() && guard < 100; ++guard) {
      const std::string prefix = queue.front();
      queue.pop_front();
      const Listing listing = store.list_dir(prefix);
      for (const auto& dir : listing.dirs) queue.push_back(join_key(prefix, dir));
      for (const auto& file : listing.files) keys.push_back(join_key(prefix, file));
    }
    for (const auto& key : keys) {
      (void)error_from([&] { store.get(key); });
      (void)error_from([&] { store.size(key); });
      (void)error_from([&] { store.get_range(key, 1, 2); });
    }
    (void)store.take_problems();
  }
  CHECK(open_descriptors() == descriptors);
  const auto after = snapshot(tree.base);
  CHECK(after.size() == before.size());
  for (const auto& [path, state] : before) {
    INFO(path);
    auto it = after.find(path);
    REQUIRE(it != after.end());
    CHECK(it->second == state);
  }
}

}  // namespace
}  // namespace ozv
