#include "rules/codec_checks.hpp"

#include <cstddef>

#include "rules/check_util.hpp"
#include "rules/codec_config_checks.hpp"
#include "rules/sharding_checks.hpp"
#include "rules/zarr_v3_extension_checks.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// "If backwards compatibility with Zarr v3.0 is required, implementations must not use the
// must_understand field or the short-hand name form of an extension definition in codecs."
void check_v30_compatible(const CodecEntry& entry, const std::string& pointer, V3CheckContext& ctx) {
  if (entry.extension.short_hand) {
    ctx.emit("V3-EXT-007", pointer, {{"name", entry.extension.name}});
  } else if (entry.extension.must_understand) {
    ctx.emit("V3-EXT-007", pointer_append(pointer, "must_understand"), {{"name", entry.extension.name}});
  }
}

}  // namespace

void check_v3_codec_chain(const json& codecs, const std::string& pointer, const Representation& input,
                          const V3ChainRules& rules, int sharding_depth, V3CheckContext& ctx) {
  if (!codecs.is_array() || codecs.empty()) {
    ctx.emit(rules.list_rule, pointer, {{"value", brief(codecs)}});
    return;
  }
  const CodecChain chain = parse_codec_chain(codecs, input);

  std::size_t array_to_bytes = 0;
  std::size_t first_ab = kNone;
  std::size_t second_ab = kNone;
  std::size_t sharding = kNone;
  bool undetermined = false;  // an unknown or malformed entry could be the array -> bytes codec
  for (std::size_t i = 0; i < chain.entries.size(); ++i) {
    const CodecEntry& entry = chain.entries[i];
    const auto entry_pointer = pointer_append(pointer, i);
    if (!check_v3_extension_form(codecs[i], entry.extension, entry_pointer, "V3-EXT-001", ctx)) {
      undetermined = true;
      continue;
    }
    check_v30_compatible(entry, entry_pointer, ctx);
    if (entry.info == nullptr) {
      undetermined = true;
      report_v3_unknown_extension(entry.extension, "codec", entry_pointer, ctx);
      if (rules.index) ctx.emit("SHARD-CFG-005", entry_pointer, {{"name", entry.extension.name}});
      continue;
    }
    // "Codecs that produce variable-sized encoded representation, such as compression
    // codecs, MUST NOT be used for index codecs."
    if (rules.index && !entry.info->fixed_size) ctx.emit("SHARD-CFG-005", entry_pointer, {{"name", entry.extension.name}});
    if (entry.info->kind == CodecKind::array_to_bytes) {
      ++array_to_bytes;
      if (first_ab == kNone) {
        first_ab = i;
      } else if (second_ab == kNone) {
        second_ab = i;
      }
    }
    if (entry.info->name == "sharding_indexed") {
      if (sharding == kNone) sharding = i;
      check_v3_sharding_configuration(entry, entry_pointer, sharding_depth + 1, ctx);
    } else {
      check_v3_codec_configuration(entry, entry_pointer, ctx);
    }
  }

  // "zero or more array -> array codecs; followed by exactly one array -> bytes codec;
  // followed by zero or more bytes -> bytes codecs."
  if (array_to_bytes == 0 && !undetermined) {
    ctx.emit(rules.count_rule, pointer, {{"count", "0"}, {"value", brief(codecs)}});
  } else if (array_to_bytes > 1) {
    ctx.emit(rules.count_rule, pointer_append(pointer, second_ab),
             {{"count", std::to_string(array_to_bytes)}, {"value", brief(codecs[second_ab])}});
  }
  if (first_ab != kNone) {
    for (std::size_t i = 0; i < chain.entries.size(); ++i) {
      const CodecInfo* info = chain.entries[i].info;
      if (info == nullptr) continue;
      const bool misplaced = (info->kind == CodecKind::array_to_array && i > first_ab) ||
                             (info->kind == CodecKind::bytes_to_bytes && i < first_ab);
      if (misplaced) {
        ctx.emit(rules.order_rule, pointer_append(pointer, i),
                 {{"name", std::string(info->name)},
                  {"kind", std::string(to_string(info->kind))},
                  {"value", brief(codecs[i])}});
      }
    }
  }
  // Legal, but zarr-python warns that it "disables partial reads and writes".
  if (sharding != kNone && !rules.index && chain.entries.size() > 1) {
    ctx.emit("SHARD-CFG-008", pointer_append(pointer, sharding), {{"count", std::to_string(chain.entries.size() - 1)}});
  }
}

}  // namespace ozv
