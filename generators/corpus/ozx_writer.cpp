#include "corpus/ozx_writer.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "corpus/zip_builder.hpp"

namespace ozv::corpus {
namespace {

bool is_zarr_json(const std::string& key) { return key == "zarr.json" || key.ends_with("/zarr.json"); }

std::size_t depth(const std::string& key) { return static_cast<std::size_t>(std::count(key.begin(), key.end(), '/')); }

}  // namespace

std::string rfc9_comment(const std::string& version) {
  nlohmann::json comment = {{"ome", {{"version", version}, {"zipFile", {{"centralDirectory", {{"jsonFirst", true}}}}}}}};
  return comment.dump();
}

std::vector<std::string> json_first_order(const Dataset& files) {
  std::vector<std::string> json;
  std::vector<std::string> rest;
  for (const auto& entry : files) (is_zarr_json(entry.first) ? json : rest).push_back(entry.first);
  std::stable_sort(json.begin(), json.end(),
                   [](const std::string& a, const std::string& b) { return depth(a) < depth(b); });
  json.insert(json.end(), rest.begin(), rest.end());
  return json;
}

Bytes write_ozx(const Dataset& files, const OzxOptions& options, const std::string& version) {
  std::vector<std::string> order;
  if (options.json_first) {
    order = json_first_order(files);
  } else {
    for (const auto& entry : files) order.push_back(entry.first);
  }
  for (auto it = options.first.rbegin(); it != options.first.rend(); ++it) {
    auto found = std::find(order.begin(), order.end(), *it);
    if (found == order.end()) throw std::runtime_error("zip option \"first\" names a missing key \"" + *it + "\"");
    order.erase(found);
    order.insert(order.begin(), *it);
  }
  ZipBuilder zip;
  zip.layout.zip64 = options.zip64;
  zip.layout.prefix = options.prefix;
  if (options.comment_present) zip.layout.comment = options.comment.value_or(rfc9_comment(version));
  if (zip.layout.comment.size() > 0xFFFF) throw std::runtime_error("the archive comment exceeds 65535 bytes");
  const std::string folder = options.folder.empty() ? "" : options.folder + "/";
  for (const auto& key : order) {
    const OzxEntryDefect* defect = nullptr;
    for (const auto& d : options.entry_defects) {
      if (d.key == key) defect = &d;
    }
    ZipEntrySpec& entry = zip.add(folder + key, files.at(key), options.method);
    if (defect == nullptr) continue;
    if (defect->stored_name) entry.name = *defect->stored_name;
    if (defect->local_name) entry.local_name = *defect->local_name;
    if (defect->encrypted) entry.flags |= 1u;
    if (defect->duplicate) {
      ZipEntrySpec copy = entry;
      zip.entries.push_back(std::move(copy));
    }
  }
  for (const auto& d : options.entry_defects) {
    if (!files.count(d.key)) throw std::runtime_error("zip option \"entries\" names a missing key \"" + d.key + "\"");
  }
  if (options.central_directory_offset) zip.layout.cd_offset = *options.central_directory_offset;
  return zip.build();
}

}  // namespace ozv::corpus
