// Turns a TARGET argument into a Store (and, for archives, the raw bytes the container
// checks need). The only place that decides between the backends.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/byte_source.hpp"
#include "store/store.hpp"

namespace ozv {

enum class TargetKind { directory, zip, json_document };

struct OpenedTarget {
  TargetKind kind = TargetKind::directory;
  std::unique_ptr<Store> store;         // directory and zip targets
  std::shared_ptr<ByteSource> archive;  // zip targets: the archive bytes
  std::shared_ptr<ByteSource> document; // json targets: the document bytes
  std::string file_name;                // last path component, for messages
  std::optional<StoreError> store_error; // zip targets whose archive cannot be read as a store
};

// Throws TargetError (engine/validate.hpp) when the target does not exist or is of no known kind.
OpenedTarget open_target(const std::string& target);

}  // namespace ozv
