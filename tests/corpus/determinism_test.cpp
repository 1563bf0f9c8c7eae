// Regeneration is byte-identical: two runs of the installed tool write the same files.
#include <catch2/catch.hpp>

#include "corpus_test_util.hpp"

using namespace ozv::test;

TEST_CASE("generating twice writes identical bytes", "[corpus][determinism]") {
  TempDir a("corpus-a");
  TempDir b("corpus-b");
  for (const auto* dir : {&a, &b}) {
    auto r = run_command(shell_quote(corpus_tool()) + " generate " + shell_quote((dir->path() / "out").string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const auto first = read_tree(a.path() / "out");
  const auto second = read_tree(b.path() / "out");
  REQUIRE(first.size() > 100);
  REQUIRE(first.size() == second.size());
  for (const auto& [path, bytes] : first) {
    INFO(path);
    auto other = second.find(path);
    REQUIRE(other != second.end());
    CHECK(other->second == bytes);
  }
  // ... and the library writes what the tool writes.
  CHECK(read_tree(shared_corpus_dir()) == first);
}

TEST_CASE("the corpus stays small", "[corpus]") {
  std::uintmax_t total = 0;
  for (const auto& [path, bytes] : read_tree(shared_corpus_dir())) total += bytes.size();
  CHECK(total < 100u * 1024 * 1024);
}
