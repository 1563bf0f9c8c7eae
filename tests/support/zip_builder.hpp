// The in-memory ZIP writer now lives with the corpus generator (which writes .ozx cases with
// it); the validator's tests keep using it under its old names, without linking the corpus.
#pragma once

#include "../../generators/corpus/zip_builder.hpp"

namespace ozv::test {

using ozv::corpus::deflate_fixed;
using ozv::corpus::zip_crc32;
using ozv::corpus::ZipBuilder;
using ozv::corpus::ZipEntrySpec;
using ozv::corpus::ZipLayout;
namespace zip_detail = ozv::corpus::zip_detail;

}  // namespace ozv::test
