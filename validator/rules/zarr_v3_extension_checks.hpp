// Checks shared by every Zarr v3 extension point (data type, chunk grid, chunk key
// encoding, codecs, storage transformers): core/index.rst "Extension definition".
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "rules/zarr_v3_check_context.hpp"
#include "zarr/v3_extension.hpp"

namespace ozv {

// Reports the structural problems of the definition `value` (parsed as `ext`) found at
// `pointer`: `wrong_type_rule` when it is neither a string nor an object, V3-EXT-001 for a
// bad name / configuration / must_understand member, V3-EXT-006 for extra members.
// Returns whether it is well-formed (extra members do not make it malformed).
bool check_v3_extension_form(const nlohmann::json& value, const Extension& ext, const std::string& pointer,
                             const char* wrong_type_rule, V3CheckContext& ctx);

// Where the name of an extension written at `pointer` is: the value itself for short-hand.
std::string v3_extension_name_pointer(const Extension& ext, const std::string& pointer);

// V3-EXT-005 when the name is neither registered-style nor a URI (for unknown names).
void check_v3_extension_name(const Extension& ext, const std::string& pointer, V3CheckContext& ctx);

// V3-EXT-002: "must_understand=False is not supported for the following extension points:
// data type, chunk grid, and chunk key encoding." `point` is the member name.
void check_v3_must_understand_required(const Extension& ext, std::string_view point, const std::string& pointer,
                                       V3CheckContext& ctx);

// An extension this validator does not know at a point where it may be marked ignorable
// (a codec or a storage transformer): V3-EXT-003, or V3-EXT-004 when marked
// must_understand: false; V3-EXT-005 for a non-conformant name.
void report_v3_unknown_extension(const Extension& ext, std::string_view point, const std::string& pointer,
                                 V3CheckContext& ctx);

}  // namespace ozv
