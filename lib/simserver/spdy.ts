/**
 * Just enough SPDY/3.1 (the framing kubectl's port-forward speaks, tunneled through a WebSocket since kubectl
 * 1.31: client-go tools/portforward/tunneling_connection.go sends the raw SPDY byte stream as binary messages)
 * to serve the portforward.k8s.io protocol: frame parsing, SYN_REPLY, DATA, RST_STREAM and PING.
 * Frame layout per the SPDY/3 draft (http://www.chromium.org/spdy/spdy-protocol/spdy-protocol-draft3):
 * control frames `1 | version(15) | type(16) | flags(8) | length(24) | data`, data frames
 * `0 | stream id(31) | flags(8) | length(24) | data`.
 */

import { constants, inflateSync } from 'node:zlib';

export const SYN_STREAM = 1;
export const SYN_REPLY = 2;
export const RST_STREAM = 3;
export const PING = 6;
export const FLAG_FIN = 1;

export type SpdyFrame =
  | { control: true; type: number; flags: number; data: Buffer }
  | { control: false; streamId: number; flags: number; data: Buffer };

/** Splits a byte stream into frames; keeps an incomplete tail for the next chunk. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): SpdyFrame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames: SpdyFrame[] = [];
    while (this.buf.length >= 8) {
      const length = this.buf.readUIntBE(5, 3);
      if (this.buf.length < 8 + length) break;
      const first = this.buf.readUInt32BE(0);
      const flags = this.buf[4];
      const data = this.buf.subarray(8, 8 + length);
      if (first & 0x80000000) frames.push({ control: true, type: first & 0xffff, flags, data });
      else frames.push({ control: false, streamId: first & 0x7fffffff, flags, data });
      this.buf = this.buf.subarray(8 + length);
    }
    return frames;
  }
}

function controlFrame(type: number, flags: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE((0x8000 | 3) * 0x10000 + type, 0);
  head[4] = flags;
  head.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([head, data]);
}

export function dataFrame(streamId: number, data: Buffer, fin = false): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head[4] = fin ? FLAG_FIN : 0;
  head.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([head, data]);
}

export const pingReply = (data: Buffer) => controlFrame(PING, 0, data);

/**
 * Header blocks are one zlib stream per direction. The reader on the other side (Go's compress/zlib) accepts a
 * stream without a preset dictionary, so replies go out as deflate *stored* blocks (no compression needed):
 * the zlib header once, then per block `0x00, LEN, ~LEN, bytes` — a non-final block — and the sync-flush marker.
 */
const SYNC_FLUSH = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);
export class HeaderWriter {
  private started = false;

  synReply(streamId: number, headers: Record<string, string> = {}): Buffer {
    const pairs = Object.entries(headers);
    const parts: Buffer[] = [u32(pairs.length)];
    for (const [k, v] of pairs) parts.push(u32(Buffer.byteLength(k)), Buffer.from(k), u32(Buffer.byteLength(v)), Buffer.from(v));
    const raw = Buffer.concat(parts);
    const stored = Buffer.alloc(5);
    stored[0] = 0;
    stored.writeUInt16LE(raw.length, 1);
    stored.writeUInt16LE(~raw.length & 0xffff, 3);
    // then an empty stored block, the sync-flush marker: Go's inflater hands out a block's bytes only when it
    // reaches the next block boundary, and this one needs no byte past the frame
    const block = Buffer.concat([this.started ? Buffer.alloc(0) : Buffer.from([0x78, 0x01]), stored, raw, SYNC_FLUSH]);
    this.started = true;
    return controlFrame(SYN_REPLY, 0, Buffer.concat([u32(streamId), block]));
  }
}

/**
 * The zlib dictionary header blocks are compressed with (SPDY/3 draft, "Compression"): these names, each with a
 * 4-byte big-endian length, then the string below; 1423 bytes in all.
 */
const DICTIONARY_WORDS = ('options head post put delete trace accept accept-charset accept-encoding accept-language accept-ranges age allow ' +
  'authorization cache-control connection content-base content-encoding content-language content-length content-location content-md5 ' +
  'content-range content-type date etag expect expires from host if-match if-modified-since if-none-match if-range if-unmodified-since ' +
  'last-modified location max-forwards pragma proxy-authenticate proxy-authorization range referer retry-after server te trailer ' +
  'transfer-encoding upgrade user-agent vary via warning www-authenticate method get status 200_OK version HTTP/1.1 url public set-cookie keep-alive origin')
  .split(' ')
  .map((w) => w.replace('_', ' '));
const DICTIONARY_TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505203 Non-Authoritative Information204 No Content' +
  '301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service Unavailable' +
  'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,' +
  'application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';
export const SPDY_DICTIONARY = Buffer.concat([...DICTIONARY_WORDS.flatMap((w) => [u32(w.length), Buffer.from(w)]), Buffer.from(DICTIONARY_TAIL)]);

/**
 * Reads the client's header blocks: one zlib stream over the whole connection, each block ending in a sync flush.
 * Re-inflating everything received so far keeps this synchronous; a port-forward session sends a few blocks only.
 */
export class HeaderReader {
  private blocks: Buffer[] = [];
  private consumed = 0;

  read(block: Buffer): Record<string, string> {
    this.blocks.push(block);
    const all = inflateSync(Buffer.concat(this.blocks), { dictionary: SPDY_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    const raw = all.subarray(this.consumed);
    this.consumed = all.length;
    const headers: Record<string, string> = {};
    let at = 4;
    for (let n = raw.readUInt32BE(0); n > 0 && at < raw.length; n--) {
      const nameLen = raw.readUInt32BE(at);
      const name = raw.subarray(at + 4, at + 4 + nameLen).toString();
      at += 4 + nameLen;
      const valueLen = raw.readUInt32BE(at);
      headers[name.toLowerCase()] = raw.subarray(at + 4, at + 4 + valueLen).toString();
      at += 4 + valueLen;
    }
    return headers;
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}
