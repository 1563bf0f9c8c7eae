// <regex> (also pulled in by valijson) behind a pragma: GCC 12 reports a false
// -Wmaybe-uninitialized inside libstdc++'s regex automaton when building with sanitizers.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop
