/**
 * Base64 as Go's encoding/base64 StdEncoding does it — the encoding JSON gives a `[]byte` field such as a
 * Secret's `data` — in plain TypeScript (no Node Buffer: this runs in the browser and the engine too).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 text → base64. */
export function encodeBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * Where Go's StdEncoding.DecodeString would fail on `text` (its CorruptInputError offset), or undefined when the
 * text decodes. Go skips `\r` and `\n`; a bad character fails at its own offset, a short final group or bad padding
 * at the offset of that group.
 */
export function base64ErrorOffset(text: string): number | undefined {
  const s = text.replace(/[\r\n]/g, '');
  let i = 0;
  for (; i < s.length; i++) {
    if (s[i] === '=') break;
    if (!ALPHABET.includes(s[i])) return i;
  }
  const rest = i % 4;
  if (i === s.length) return rest === 0 ? undefined : i - rest;
  // a `=` at i: Go's decodeQuantum accepts `xx==` and `xxx=` and nothing after them (base64.go)
  if (rest < 2) return i;
  if (rest === 2) {
    if (i + 1 >= s.length) return s.length;
    if (s[i + 1] !== '=') return i;
    return i + 2 < s.length ? i + 2 : undefined;
  }
  return i + 1 < s.length ? i + 1 : undefined;
}

/** base64 → bytes (the caller has checked it with base64ErrorOffset). */
export function base64ToBytes(text: string): Uint8Array {
  const s = text.replace(/[\r\n=]/g, '');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of s) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** base64 → UTF-8 text (invalid sequences become U+FFFD, as a terminal would show them). */
export const decodeBase64 = (text: string): string => new TextDecoder().decode(base64ToBytes(text));
