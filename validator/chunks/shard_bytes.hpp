// Where the shard decoder finds a shard's bytes: the whole value in memory, or pieces read on
// demand (its index, then one inner chunk at a time), so that a large shard never sits in
// memory whole and each piece is decoded while it is still in the processor's cache.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace ozv {

class ShardBytes {
 public:
  virtual ~ShardBytes() = default;
  // The stored value's size.
  virtual std::uint64_t size() const = 0;
  // Bytes [offset, offset + length), inside size(); `holder` keeps them alive when they had to
  // be read. Fewer bytes come back only when the value changed meanwhile (a decode problem).
  // May throw StoreError.
  virtual std::string_view read(std::uint64_t offset, std::uint64_t length, Bytes& holder) = 0;
  // Called when the entries share bytes (their lengths add up to more than the value): reading
  // them one by one could then read the value many times over, so a reader of pieces should
  // hold the whole value from now on.
  virtual void hold_whole() {}
};

// A value already in memory.
class MemoryShardBytes final : public ShardBytes {
 public:
  explicit MemoryShardBytes(std::string_view stored) : stored_(stored) {}
  std::uint64_t size() const override { return stored_.size(); }
  std::string_view read(std::uint64_t offset, std::uint64_t length, Bytes&) override {
    return stored_.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
  }

 private:
  std::string_view stored_;
};

// A value of `store` of known size, read range by range (for a store whose get_range reads
// only the bytes asked for).
class StoreShardBytes final : public ShardBytes {
 public:
  StoreShardBytes(Store& store, const std::string& key, std::uint64_t size) : store_(store), key_(key), size_(size) {}
  std::uint64_t size() const override { return size_; }
  std::string_view read(std::uint64_t offset, std::uint64_t length, Bytes& holder) override {
    if (whole_) {
      if (offset >= whole_->size()) return {};
      return std::string_view(*whole_).substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
    }
    auto bytes = store_.get_range(key_, offset, length);
    holder = bytes ? std::move(*bytes) : Bytes{};
    return holder;
  }
  void hold_whole() override {
    if (!whole_) whole_ = store_.get_range(key_, 0, size_).value_or(Bytes{});
  }

 private:
  Store& store_;
  const std::string& key_;
  std::uint64_t size_;
  std::optional<Bytes> whole_;
};

}  // namespace ozv
