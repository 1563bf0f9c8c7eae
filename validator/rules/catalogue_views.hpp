// Views generated from the catalogue: `--list-rules` output and the README rule list.
// Nothing here is written by hand elsewhere; a test fails when the README drifts.
#pragma once

#include <ostream>

#include "rules/catalogue.hpp"

namespace ozv {

void write_rules_json(const Catalogue& catalogue, std::ostream& out);
void write_rules_markdown(const Catalogue& catalogue, std::ostream& out);
void write_rules_text(const Catalogue& catalogue, std::ostream& out);

}  // namespace ozv
