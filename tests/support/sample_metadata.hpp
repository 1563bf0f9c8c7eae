// Minimal metadata documents that raise no finding, shared by engine and CLI tests.
#pragma once

namespace ozv::test {

inline constexpr const char* kV3Group = R"({"zarr_format":3,"node_type":"group","attributes":{}})";

inline constexpr const char* kV3Array = R"({
  "zarr_format": 3, "node_type": "array", "shape": [4, 4], "data_type": "uint16",
  "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 2]}},
  "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
  "fill_value": 0,
  "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
  "attributes": {}
})";

inline constexpr const char* kV2Group = R"({"zarr_format": 2})";

inline constexpr const char* kV2Array = R"({
  "zarr_format": 2, "shape": [4, 4], "chunks": [2, 2], "dtype": "<u2",
  "compressor": null, "fill_value": 0, "filters": null, "order": "C"
})";

}  // namespace ozv::test
