// URI-reference resolution (RFC 3986 section 5.2) for JSON Schema `$id` and `$ref` values.
//
// Schemas name each other by absolute `$id` URLs and by references relative to them
// ("axes.schema", "#/$defs/axis"); everything is resolved here, offline: no URI is ever fetched.
#pragma once

#include <string>
#include <string_view>

namespace ozv::schema_uri {

// Resolves `reference` against the absolute URI `base`. An absolute `reference` is returned
// as is (minus dot segments); a fragment-only one keeps the base's path.
std::string resolve(std::string_view base, std::string_view reference);

// True when `uri` starts with a scheme ("https:", "urn:").
bool has_scheme(std::string_view uri);

// The URI without its fragment, and the fragment (text after '#', still %-encoded).
std::string_view without_fragment(std::string_view uri);
std::string_view fragment(std::string_view uri);

// Decodes %XX sequences; returns false on a malformed sequence.
bool percent_decode(std::string_view text, std::string& out);

}  // namespace ozv::schema_uri
