// A bounded breadth-first walk over the OME-NGFF structure, following only the paths the
// metadata names. Every path is visited once, so references that point back (a label's
// source image, a labels entry naming an ancestor) end the walk instead of looping.
#include <algorithm>
#include <set>
#include <vector>

#include "rules/ngff_tree.hpp"
#include "rules/ngff_tree_util.hpp"

namespace ozv {

namespace {

struct Pending {
  std::string path;
  NgffRole role;
  std::optional<GroupInfo> parent;
};

NgffChildren dispatch(const GroupInfo& group, NgffRole role, NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  auto add = [&children](NgffChildren more) { children.insert(children.end(), more.begin(), more.end()); };
  if (ngff_tree::member(group, "bioformats2raw.layout") != nullptr) add(check_bioformats2raw_tree(group, reader, out));
  if (ngff_tree::member(group, "plate") != nullptr) add(check_plate_tree(group, reader, out));
  if (ngff_tree::member(group, "well") != nullptr) add(check_well_tree(group, reader, out));
  if (ngff_tree::member(group, "labels") != nullptr) add(check_labels_group_tree(group, reader, out));
  if (ngff_tree::member(group, "multiscales") != nullptr) {
    add(check_image_tree(group, reader, out));
    if (role == NgffRole::label_image || ngff_tree::member(group, "image-label") != nullptr) {
      add(check_label_image_tree(group, reader, out));
    }
  }
  return children;
}

// What checking one pending group produced; merged in queue order after its batch.
struct Checked {
  std::optional<GroupInfo> group;  // nullopt: no group there (whoever named it reported that)
  Findings findings;
  NgffChildren children;
};

Checked check_group(const Pending& pending, NgffTreeReader& reader) {
  Checked checked;
  checked.group = reader.group(pending.path);
  if (!checked.group) return checked;
  if (pending.parent) check_version_consistency(*pending.parent, *checked.group, checked.findings);
  checked.children = dispatch(*checked.group, pending.role, reader, checked.findings);
  return checked;
}

}  // namespace

// Breadth-first, one level at a time. A level is checked in batches no larger than what is
// left of `max_nodes`, so every group of a batch is within the bound, exactly as when groups
// are taken one by one; merging the batch in queue order then gives the same findings, the
// same order and the same visited paths whether or not the batch ran concurrently.
void walk_ngff_tree(NgffTreeReader& reader, const std::string& start, Findings& out, std::size_t max_nodes,
                    std::set<std::string>* visited_paths, const ParallelFor& parallel_for) {
  std::set<std::string> own_visited;
  std::set<std::string>& visited = visited_paths ? *visited_paths : own_visited;
  std::vector<Pending> level{{start, NgffRole::image, std::nullopt}};
  visited.insert(start);
  std::size_t groups = 0;
  while (!level.empty() && groups < max_nodes) {
    std::vector<Pending> next_level;
    for (std::size_t begin = 0; begin < level.size() && groups < max_nodes;) {
      const std::size_t count = std::min(level.size() - begin, max_nodes - groups);
      std::vector<Checked> batch(count);
      auto body = [&](std::size_t i) { batch[i] = check_group(level[begin + i], reader); };
      if (parallel_for && count > 1) {
        parallel_for(count, body);
      } else {
        for (std::size_t i = 0; i < count; ++i) body(i);
      }
      for (auto& checked : batch) {
        if (!checked.group) continue;
        ++groups;
        out.insert(out.end(), std::make_move_iterator(checked.findings.begin()),
                   std::make_move_iterator(checked.findings.end()));
        for (auto& child : checked.children) {
          if (child.role == NgffRole::level_array) continue;  // check_image_tree compared those already
          if (!visited.insert(child.path).second) continue;
          next_level.push_back({std::move(child.path), child.role, checked.group});
        }
      }
      begin += count;
    }
    level = std::move(next_level);
  }
}

}  // namespace ozv
