// Node-name rules of the Zarr v3 hierarchy (core spec, "Node names").
#pragma once

#include <string>

#include "finding/finding.hpp"

namespace ozv {

// Checks the last path segment `name` of the node whose metadata lives at `key`.
void check_v3_node_name(const std::string& name, const std::string& key, Findings& out);

}  // namespace ozv
