#include "rules/codec_config_checks.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/check_util.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

// Reading one codec's configuration: its members, and where they are.
class Config {
 public:
  Config(const CodecEntry& entry, const std::string& pointer)
      : config_(entry.extension.configuration), pointer_(pointer_append(pointer, "configuration")) {}

  const json* get(std::string_view member) const {
    if (config_ == nullptr) return nullptr;
    auto it = config_->find(member);
    return it == config_->end() ? nullptr : &*it;
  }
  std::string at(std::string_view member) const { return pointer_append(pointer_, member); }
  // brief() of a member, or the missing marker.
  static std::string shown(const json* value) { return value == nullptr ? kMissingValue : brief(*value); }

  // Members outside `allowed`, in document order.
  template <typename Report>
  void for_each_unknown(std::initializer_list<std::string_view> allowed, Report report) const {
    if (config_ == nullptr) return;
    for (const auto& [member, value] : config_->items()) {
      if (std::find(allowed.begin(), allowed.end(), member) == allowed.end()) report(member, value);
    }
  }

 private:
  const json* config_;
  std::string pointer_;
};

bool integer_in(const json* value, std::int64_t low, std::int64_t high) {
  if (value == nullptr) return false;
  auto v = json_to_i64(*value);
  return v && *v >= low && *v <= high;
}

bool one_of(const json* value, std::initializer_list<std::string_view> choices) {
  if (value == nullptr || !value->is_string()) return false;
  const auto& s = value->get_ref<const std::string&>();
  return std::find(choices.begin(), choices.end(), s) != choices.end();
}

void unknown_members_are_errors(const Config& config, std::initializer_list<std::string_view> allowed,
                                std::string_view codec, V3CheckContext& ctx) {
  config.for_each_unknown(allowed, [&](const std::string& member, const json&) {
    ctx.emit("CODEC-CFG-001", config.at(member), {{"codec", std::string(codec)}, {"member", member}});
  });
}

// bytes: "endian: Required for data types for which endianness is applicable ... If present,
// the value MUST be a string equal to either "big" or "little"."
void check_bytes(const CodecEntry& entry, const Config& config, V3CheckContext& ctx) {
  config.for_each_unknown({"endian"}, [&](const std::string& member, const json& value) {
    ctx.emit("CODEC-BYTES-002", config.at(member), {{"value", brief(json::object({{member, value}}))}});
  });
  const json* endian = config.get("endian");
  if (endian != nullptr) {
    if (!one_of(endian, {"little", "big"})) ctx.emit("CODEC-BYTES-002", config.at("endian"), {{"value", brief(*endian)}});
    return;
  }
  // The data type as the bytes codec sees it: array -> array codecs before it keep it.
  const auto& type = entry.input.data_type;
  if (entry.input.is_array() && type && type->endianness_applies) {
    ctx.emit("CODEC-BYTES-001", config.at("endian"), {{"data_type", type->name}});
  }
}

// transpose: "order: Required. Must be an array of integers specifying a permutation of 0,
// 1, ..., n-1, where n is the number of dimensions in the decoded chunk representation
// provided as input to this codec."
void check_transpose(const CodecEntry& entry, const Config& config, V3CheckContext& ctx) {
  unknown_members_are_errors(config, {"order"}, "transpose", ctx);
  std::optional<std::size_t> ndim;
  if (entry.input.is_array() && entry.input.shape) ndim = entry.input.shape->size();
  const std::string ndim_text = ndim ? std::to_string(*ndim) : "unknown";
  auto report = [&](const std::string& pointer, const std::string& value) {
    ctx.emit("CODEC-TRANSPOSE-001", pointer, {{"value", value}, {"ndim", ndim_text}});
  };

  const json* order = config.get("order");
  if (order == nullptr || !order->is_array()) {
    report(config.at("order"), Config::shown(order));
    return;
  }
  std::vector<bool> seen(order->size(), false);  // as many as the document holds
  for (std::size_t i = 0; i < order->size(); ++i) {
    auto axis = json_to_u64((*order)[i]);
    if (!axis || *axis >= order->size() || seen[*axis]) {
      report(pointer_append(config.at("order"), i), brief((*order)[i]));
      return;
    }
    seen[*axis] = true;
  }
  if (ndim && *ndim != order->size()) report(config.at("order"), brief(*order));
}

// gzip: "level: An integer from 0 to 9".
void check_gzip(const Config& config, V3CheckContext& ctx) {
  unknown_members_are_errors(config, {"level"}, "gzip", ctx);
  const json* level = config.get("level");
  if (!integer_in(level, 0, 9)) ctx.emit("CODEC-GZIP-001", config.at("level"), {{"value", Config::shown(level)}});
}

// blosc: cname, clevel, shuffle, typesize ("Required unless shuffle is noshuffle"), blocksize.
void check_blosc(const Config& config, V3CheckContext& ctx) {
  unknown_members_are_errors(config, {"cname", "clevel", "shuffle", "typesize", "blocksize"}, "blosc", ctx);
  const json* cname = config.get("cname");
  if (!one_of(cname, {"lz4", "lz4hc", "blosclz", "zstd", "snappy", "zlib"})) {
    ctx.emit("CODEC-BLOSC-001", config.at("cname"), {{"value", Config::shown(cname)}});
  }
  const json* clevel = config.get("clevel");
  if (!integer_in(clevel, 0, 9)) ctx.emit("CODEC-BLOSC-002", config.at("clevel"), {{"value", Config::shown(clevel)}});

  const json* shuffle = config.get("shuffle");
  const bool shuffle_valid = one_of(shuffle, {"noshuffle", "shuffle", "bitshuffle"});
  if (!shuffle_valid) ctx.emit("CODEC-BLOSC-003", config.at("shuffle"), {{"value", Config::shown(shuffle)}});

  const json* typesize = config.get("typesize");
  if (typesize != nullptr) {
    auto size = json_to_u64(*typesize);
    if (!size || *size == 0) ctx.emit("CODEC-BLOSC-004", config.at("typesize"), {{"value", brief(*typesize)}});
  } else if (shuffle_valid && *shuffle != "noshuffle") {
    ctx.emit("CODEC-BLOSC-004", config.at("typesize"), {{"value", kMissingValue}});
  }

  const json* blocksize = config.get("blocksize");
  if (blocksize == nullptr || !json_to_u64(*blocksize)) {
    ctx.emit("CODEC-BLOSC-005", config.at("blocksize"), {{"value", Config::shown(blocksize)}});
  }
}

// zstd (zarr-extensions): "level: An integer from -131072 to 22"; "checksum (Optional): A
// boolean ... Should be omitted if false."
void check_zstd(const Config& config, V3CheckContext& ctx) {
  unknown_members_are_errors(config, {"level", "checksum"}, "zstd", ctx);
  const json* level = config.get("level");
  if (!integer_in(level, -131072, 22)) ctx.emit("CODEC-ZSTD-001", config.at("level"), {{"value", Config::shown(level)}});
  const json* checksum = config.get("checksum");
  if (checksum == nullptr) return;
  if (!checksum->is_boolean()) {
    ctx.emit("CODEC-ZSTD-004", config.at("checksum"), {{"value", brief(*checksum)}});
  } else if (!checksum->get<bool>()) {
    ctx.emit("CODEC-ZSTD-002", config.at("checksum"));
  }
}

// crc32c: "Configuration parameters: None."
void check_crc32c(const Config& config, V3CheckContext& ctx) {
  config.for_each_unknown({}, [&](const std::string& member, const json&) {
    ctx.emit("CODEC-CRC32C-001", config.at(member), {{"member", member}});
  });
}

}  // namespace

void check_v3_codec_configuration(const CodecEntry& entry, const std::string& pointer, V3CheckContext& ctx) {
  if (entry.info == nullptr) return;
  const Config config(entry, pointer);
  const std::string_view name = entry.info->name;
  if (name == "bytes") {
    check_bytes(entry, config, ctx);
  } else if (name == "transpose") {
    check_transpose(entry, config, ctx);
  } else if (name == "gzip") {
    check_gzip(config, ctx);
  } else if (name == "blosc") {
    check_blosc(config, ctx);
  } else if (name == "zstd") {
    check_zstd(config, ctx);
  } else if (name == "crc32c") {
    check_crc32c(config, ctx);
  }
}

}  // namespace ozv
