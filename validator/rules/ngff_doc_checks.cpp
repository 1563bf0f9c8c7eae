#include "rules/ngff_doc_checks.hpp"

#include "rules/ngff_doc_context.hpp"

namespace ozv {

void check_ngff_document(const NgffDocument& doc, Findings& out) {
  using namespace ngff_doc;
  if (doc.ome == nullptr || !doc.ome->is_object()) return;  // the schema reports a non-object
  if (doc.version != "0.4" && doc.version != "0.5") return;  // other versions have other rules
  Context ctx(doc, out);
  const json& ome = *doc.ome;
  // Each object is checked where it is, whatever else the document holds: an image-label
  // group also has multiscales, a plate group may also carry bioformats2raw metadata.
  if (const json* v = member(ome, "multiscales")) check_multiscales(ctx, *v, pointer_append(doc.pointer_base, "multiscales"));
  if (const json* v = member(ome, "omero")) check_omero(ctx, *v, pointer_append(doc.pointer_base, "omero"));
  if (const json* v = member(ome, "image-label")) check_image_label(ctx, *v, pointer_append(doc.pointer_base, "image-label"));
  if (const json* v = member(ome, "plate")) check_plate(ctx, *v, pointer_append(doc.pointer_base, "plate"));
  if (const json* v = member(ome, "well")) check_well(ctx, *v, pointer_append(doc.pointer_base, "well"));
  ctx.finish();
}

}  // namespace ozv
