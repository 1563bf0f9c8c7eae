// sha256 of a decoded array as the corpus defines it: C order, little-endian element bytes.
import { createHash } from "node:crypto";

function cOrderStrides(shape) {
  const strides = new Array(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i];
  }
  return strides;
}

// Copies `data` (read with `stride`) into a fresh C-order typed array when it is not already.
function toCOrder(data, shape, stride) {
  const want = cOrderStrides(shape);
  if (!stride || stride.every((s, i) => s === want[i] || shape[i] <= 1)) return data;
  const total = shape.reduce((a, b) => a * b, 1);
  const out = new data.constructor(total);
  const index = new Array(shape.length).fill(0);
  for (let n = 0; n < total; n++) {
    let source = 0;
    for (let d = 0; d < shape.length; d++) source += index[d] * stride[d];
    out[n] = data[source];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

function littleEndianBytes(data) {
  if (!ArrayBuffer.isView(data)) {
    // zarrita's BoolArray keeps its bytes in a Uint8Array.
    const inner = data?._bytes ?? data?.buffer;
    if (inner instanceof ArrayBuffer) return new Uint8Array(inner);
    if (ArrayBuffer.isView(inner)) return new Uint8Array(inner.buffer, inner.byteOffset, inner.byteLength);
    throw new Error(`cannot hash data of type ${data?.constructor?.name}`);
  }
  // Node on x86/ARM is little-endian, so typed-array memory is already the wanted layout.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function sha256Of(data, shape, stride) {
  const ordered = ArrayBuffer.isView(data) ? toCOrder(data, shape, stride) : data;
  return createHash("sha256").update(littleEndianBytes(ordered)).digest("hex");
}
