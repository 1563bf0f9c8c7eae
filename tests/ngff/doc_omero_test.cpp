// NGFF-OM-001..003: omero channel rules.
#include "doc_test_util.hpp"

using namespace ngffdoc;

TEST_CASE("NGFF-OM-001 channel colour is 6 hexadecimal digits", "[ngff-doc][omero]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    CHECK(check(omero(v)) == Hits{});
    for (const char* color : {"zzz", "FF00FF0", "#FF00F", "0000G0", ""}) {
      INFO(color);
      Doc bad = omero(v);
      bad.at("/omero/channels/0/color") = color;
      CHECK(check(bad) == Hits{"NGFF-OM-001 /omero/channels/0/color"});
    }
    Doc near = omero(v);
    near.at("/omero/channels/0/color") = "abcDEF";
    CHECK(check(near) == Hits{});
    Doc typed = omero(v);  // a number is the schema's type error
    typed.at("/omero/channels/0/color") = 255;
    CHECK(check(typed) == Hits{});
  }
}

TEST_CASE("NGFF-OM-002 and NGFF-OM-003 0.5 channels without color or window", "[ngff-doc][omero]") {
  Doc bad = omero("0.5");
  bad.erase("/omero/channels/0/color");
  bad.erase("/omero/channels/0/window");
  CHECK(check(bad) == Hits{"NGFF-OM-002 /omero/channels/0/color", "NGFF-OM-003 /omero/channels/0/window"});
  Doc v04 = omero("0.4");  // in 0.4 the schema requires both, so they are not reported twice
  v04.erase("/omero/channels/0/color");
  v04.erase("/omero/channels/0/window");
  CHECK(check(v04) == Hits{});
  CHECK(ozv::Catalogue::builtin().find("NGFF-OM-002")->severity == ozv::Severity::warning);
}
