#include "engine/target.hpp"

#include <cctype>
#include <filesystem>

#include "engine/validate.hpp"
#include "store/fs_store.hpp"
#include "store/metadata_cache.hpp"
#include "store/zip_store.hpp"

namespace ozv {
namespace {

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  auto tail = text.substr(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
  }
  return true;
}

bool starts_with_zip_magic(const ByteSource& source) {
  // Local file header, or the end-of-central-directory record of an empty archive.
  auto head = source.read(0, 4);
  return head == std::string("PK\x03\x04", 4) || head == std::string("PK\x05\x06", 4);
}

}  // namespace

OpenedTarget open_target(const std::string& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(target, ec);
  if (ec || !fs::exists(status)) throw TargetError("cannot open " + target + ": no such file or directory");

  OpenedTarget opened;
  opened.file_name = fs::path(target).filename().string();
  if (opened.file_name.empty()) opened.file_name = fs::path(target).parent_path().filename().string();

  if (fs::is_directory(status)) {
    opened.kind = TargetKind::directory;
    opened.store = std::make_unique<MetadataCache>(open_directory_store(target));
    return opened;
  }
  if (!fs::is_regular_file(status)) throw TargetError("cannot open " + target + ": not a file or directory");

  std::shared_ptr<ByteSource> source;
  try {
    source = open_file_source(target);
  } catch (const StoreError& e) {
    throw TargetError("cannot open " + target + ": " + e.what());
  }
  const bool zip_name = ends_with_ci(target, ".zip") || ends_with_ci(target, ".ozx");
  if (zip_name || starts_with_zip_magic(*source)) {
    opened.kind = TargetKind::zip;
    opened.archive = source;
    try {
      opened.store = std::make_unique<MetadataCache>(open_zip_store(source));
    } catch (const StoreError& e) {
      // A broken archive is an invalid dataset, not a usage error: the container checks
      // still run on the raw bytes and the failure becomes a finding.
      opened.store_error = e;
    }
    return opened;
  }
  opened.kind = TargetKind::json_document;
  opened.document = source;
  return opened;
}

}  // namespace ozv
