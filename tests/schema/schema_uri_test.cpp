#include <catch2/catch.hpp>

#include "schema/schema_uri.hpp"

using ozv::schema_uri::resolve;

TEST_CASE("relative references resolve against the $id", "[schema][uri]") {
  const std::string base = "https://ngff.openmicroscopy.org/0.6rc0/schemas/image.schema";
  CHECK(resolve(base, "axes.schema") == "https://ngff.openmicroscopy.org/0.6rc0/schemas/axes.schema");
  CHECK(resolve(base, "#/$defs/axis") == base + "#/$defs/axis");
  CHECK(resolve(base, "coordinate_transformations.schema#/$defs/scale") ==
        "https://ngff.openmicroscopy.org/0.6rc0/schemas/coordinate_transformations.schema#/$defs/scale");
  CHECK(resolve(base, "../../0.5/schemas/x.schema") == "https://ngff.openmicroscopy.org/0.5/schemas/x.schema");
  CHECK(resolve(base, "/root.schema") == "https://ngff.openmicroscopy.org/root.schema");
  CHECK(resolve(base, "//other.org/a") == "https://other.org/a");
  CHECK(resolve(base, "https://example.org/a/./b/../c") == "https://example.org/a/c");
  CHECK(resolve("https://example.org", "a") == "https://example.org/a");
  CHECK(resolve("urn:ozv:file:a.schema", "#/x") == "urn:ozv:file:a.schema#/x");
  CHECK(resolve(base, "") == base);
}

TEST_CASE("percent decoding", "[schema][uri]") {
  std::string out;
  CHECK(ozv::schema_uri::percent_decode("a%25b%2Fc", out));
  CHECK(out == "a%b/c");
  CHECK_FALSE(ozv::schema_uri::percent_decode("a%2", out));
  CHECK_FALSE(ozv::schema_uri::percent_decode("a%zz", out));
}
