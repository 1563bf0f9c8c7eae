// The parts of the Zarr v3 document checks, shared between their source files.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/zarr_v3_check_context.hpp"
#include "zarr/v3_data_type.hpp"

namespace ozv {

// Consolidated metadata holds node documents that may hold consolidated metadata again;
// the recursion stops at this depth (CM-V3-007).
inline constexpr int kMaxConsolidatedDepth = 8;

// A document of either node type; `consolidated_depth` is 0 for a zarr.json of the store.
void check_v3_node(const nlohmann::json& doc, V3CheckContext& ctx, int consolidated_depth);

void check_v3_array(const nlohmann::json& doc, V3CheckContext& ctx);
void check_v3_group(const nlohmann::json& doc, V3CheckContext& ctx, int consolidated_depth);

// V3-TOP-001/002 for members outside `known` (arrays also get CM-V3-001 for
// consolidated_metadata; a group's consolidated_metadata must be in `known`).
void check_v3_additional_fields(const nlohmann::json& doc, std::span<const std::string_view> known,
                                bool is_array, V3CheckContext& ctx);

// Extension points of an array. Each returns what later checks need, when it is valid.
std::optional<DataType> check_v3_data_type(const nlohmann::json& doc, V3CheckContext& ctx);
// The chunk shape if it is an array of positive integers (whatever its length).
std::optional<std::vector<std::uint64_t>> check_v3_chunk_grid(
    const nlohmann::json& doc, const std::optional<std::vector<std::uint64_t>>& shape, V3CheckContext& ctx);
void check_v3_chunk_key_encoding(const nlohmann::json& doc, V3CheckContext& ctx);
void check_v3_storage_transformers(const nlohmann::json& doc, V3CheckContext& ctx);

}  // namespace ozv
