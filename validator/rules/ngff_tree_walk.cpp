// A bounded breadth-first walk over the OME-NGFF structure, following only the paths the
// metadata names. Every path is visited once, so references that point back (a label's
// source image, a labels entry naming an ancestor) end the walk instead of looping.
#include <deque>
#include <set>

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

}  // namespace

void walk_ngff_tree(NgffTreeReader& reader, const std::string& start, Findings& out, std::size_t max_nodes,
                    std::set<std::string>* visited_paths) {
  std::deque<Pending> queue;
  std::set<std::string> own_visited;
  std::set<std::string>& visited = visited_paths ? *visited_paths : own_visited;
  queue.push_back({start, NgffRole::image, std::nullopt});
  visited.insert(start);
  std::size_t groups = 0;
  while (!queue.empty() && groups < max_nodes) {
    Pending next = std::move(queue.front());
    queue.pop_front();
    const auto group = reader.group(next.path);
    if (!group) continue;  // whoever named it reported that
    ++groups;
    if (next.parent) check_version_consistency(*next.parent, *group, out);
    for (auto& child : dispatch(*group, next.role, reader, out)) {
      if (child.role == NgffRole::level_array) continue;  // check_image_tree compared those already
      if (!visited.insert(child.path).second) continue;
      queue.push_back({child.path, child.role, group});
    }
  }
}

}  // namespace ozv
