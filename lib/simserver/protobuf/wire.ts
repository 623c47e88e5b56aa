/**
 * Protocol-buffers wire format, just enough to read what kubectl sends: varints, length-delimited
 * fields, and skipping of the fixed-width kinds. O(n) in the buffer size, no copies of sub-slices.
 */

export const enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

export interface RawField {
  field: number;
  wireType: WireType;
  /** varint value (wire type 0) */
  value?: number;
  /** payload (wire type 2) */
  bytes?: Uint8Array;
}

/** Split one message into its raw fields, in wire order. Throws on truncated or malformed input. */
export function readFields(buf: Uint8Array): RawField[] {
  const fields: RawField[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= buf.length) throw new Error('protobuf: truncated varint');
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      // Negative int32/int64 values arrive as 10-byte two's complement varints.
      if ((b & 0x80) === 0) return Number(BigInt.asIntN(64, result));
    }
    throw new Error('protobuf: varint too long');
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wireType = (key & 7) as WireType;
    if (field === 0) throw new Error('protobuf: field number 0');
    switch (wireType) {
      case WireType.Varint:
        fields.push({ field, wireType, value: varint() });
        break;
      case WireType.LengthDelimited: {
        const len = varint();
        // a negative length (a 10-byte varint) would walk pos backwards and read the same field forever
        if (len < 0 || pos + len > buf.length) throw new Error('protobuf: truncated field');
        fields.push({ field, wireType, bytes: buf.subarray(pos, pos + len) });
        pos += len;
        break;
      }
      case WireType.Fixed64:
        pos += 8;
        break;
      case WireType.Fixed32:
        pos += 4;
        break;
      default:
        throw new Error(`protobuf: unsupported wire type ${wireType as number}`);
    }
  }
  if (pos > buf.length) throw new Error('protobuf: truncated fixed field');
  return fields;
}

/** Encode varint-only and length-delimited fields (used by tests and the OpenAPI answer). */
export function encodeFields(fields: { field: number; value: number | string | Uint8Array }[]): Uint8Array {
  const out: number[] = [];
  const varint = (n: number) => {
    let v = BigInt.asUintN(64, BigInt(n));
    while (v >= 128n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
  };
  for (const f of fields) {
    if (typeof f.value === 'number') {
      varint(f.field * 8 + WireType.Varint);
      varint(f.value);
    } else {
      const bytes = typeof f.value === 'string' ? new TextEncoder().encode(f.value) : f.value;
      varint(f.field * 8 + WireType.LengthDelimited);
      varint(bytes.length);
      for (const b of bytes) out.push(b);
    }
  }
  return Uint8Array.from(out);
}
