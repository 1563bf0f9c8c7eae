#include "engine/chunk_array_plan.hpp"

#include "zarr/checked_math.hpp"
#include "zarr/v3_data_type.hpp"

namespace ozv {
namespace {

const nlohmann::json* member(const nlohmann::json* object, const char* name) {
  if (object == nullptr || !object->is_object()) return nullptr;
  auto it = object->find(name);
  return it == object->end() ? nullptr : &*it;
}

std::optional<std::vector<std::uint64_t>> extents(const nlohmann::json* value) {
  if (value == nullptr || !value->is_array()) return std::nullopt;
  std::vector<std::uint64_t> out;
  for (const auto& e : *value) {
    if (!e.is_number_unsigned()) return std::nullopt;
    out.push_back(e.get<std::uint64_t>());
  }
  return out;
}

// "/" or "."; `fallback` when absent, nullopt for anything else.
std::optional<char> separator(const nlohmann::json* value, char fallback) {
  if (value == nullptr) return fallback;
  if (!value->is_string()) return std::nullopt;
  const auto text = value->get<std::string>();
  if (text != "/" && text != ".") return std::nullopt;
  return text[0];
}

bool read_v2(const nlohmann::json& doc, ChunkArrayPlan& plan, std::vector<std::uint64_t>& shape) {
  auto s = extents(member(&doc, "shape"));
  auto c = extents(member(&doc, "chunks"));
  auto sep = separator(member(&doc, "dimension_separator"), '.');
  if (!s || !c || !sep) return false;
  shape = std::move(*s);
  plan.chunk_shape = std::move(*c);
  plan.keys.separator = *sep;
  plan.metadata = doc;
  return true;
}

bool read_v3(const nlohmann::json& doc, ChunkArrayPlan& plan, std::vector<std::uint64_t>& shape) {
  const auto* type = member(&doc, "node_type");
  if (type == nullptr || *type != "array") return false;
  auto s = extents(member(&doc, "shape"));
  auto c = extents(member(member(member(&doc, "chunk_grid"), "configuration"), "chunk_shape"));
  const auto* codecs = member(&doc, "codecs");
  const auto* encoding = member(&doc, "chunk_key_encoding");
  const auto* name = member(encoding, "name");
  if (!s || !c || codecs == nullptr || !codecs->is_array() || name == nullptr) return false;
  const bool is_default = *name == "default";
  if (!is_default && *name != "v2") return false;
  auto sep = separator(member(member(encoding, "configuration"), "separator"), is_default ? '/' : '.');
  if (!sep) return false;
  shape = std::move(*s);
  plan.chunk_shape = std::move(*c);
  plan.keys.c_prefix = is_default;
  plan.keys.separator = *sep;
  plan.metadata = *codecs;

  const auto* data_type = member(&doc, "data_type");
  std::optional<DataType> known;
  if (data_type != nullptr && data_type->is_string()) known = find_core_data_type(data_type->get<std::string>());
  if (known) {
    plan.layout = element_layout(*known);
    if (is_bare_sharding(*codecs)) {
      const auto inner = extents(member(&(*codecs)[0]["configuration"], "chunk_shape"));
      const auto elements = inner ? checked_product(*inner) : std::nullopt;
      const auto bytes = elements ? checked_mul(*elements, plan.layout.element_size) : std::nullopt;
      plan.shards_by_pieces = bytes && *bytes >= ChunkArrayPlan::kPieceBytes;
    }
  } else {
    plan.unsupported = "the data type " + (data_type ? data_type->dump() : std::string("(none)")) +
                       " is not a core data type";
  }
  return true;
}

}  // namespace

std::optional<ChunkArrayPlan> plan_chunk_checks(const nlohmann::json& doc, int zarr_format, const std::string& prefix,
                                                const std::string& metadata_key) {
  ChunkArrayPlan plan;
  plan.prefix = prefix;
  plan.metadata_key = metadata_key;
  plan.zarr_format = zarr_format;
  std::vector<std::uint64_t> shape;
  const bool read = zarr_format == 2 ? read_v2(doc, plan, shape) : read_v3(doc, plan, shape);
  if (!read || shape.size() != plan.chunk_shape.size()) return std::nullopt;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (plan.chunk_shape[i] == 0) return std::nullopt;
    plan.keys.grid.push_back(ceil_div(shape[i], plan.chunk_shape[i]));
  }
  plan.total = checked_product(plan.keys.grid);
  return plan;
}

}  // namespace ozv
