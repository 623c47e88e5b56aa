/**
 * SPDY/3 framing for port-forward (http://www.chromium.org/spdy/spdy-protocol/spdy-protocol-draft3: frame layout,
 * header blocks as one zlib stream with the spec's 1423-byte dictionary, each block ending in a sync flush).
 */
import { describe, expect, it } from 'vitest';
import { constants, createDeflate, inflateSync } from 'node:zlib';
import { FrameReader, HeaderReader, HeaderWriter, SPDY_DICTIONARY, dataFrame } from './spdy';

/** Header blocks the way the client's zlib writer produces them: one stream, sync-flushed after each block. */
async function clientBlocks(blocks: Record<string, string>[]): Promise<Buffer[]> {
  const z = createDeflate({ dictionary: SPDY_DICTIONARY });
  const out: Buffer[] = [];
  for (const headers of blocks) {
    const pairs = Object.entries(headers);
    const parts = [u32(pairs.length), ...pairs.flatMap(([k, v]) => [u32(k.length), Buffer.from(k), u32(v.length), Buffer.from(v)])];
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => chunks.push(c);
    z.on('data', onData);
    z.write(Buffer.concat(parts));
    await new Promise<void>((r) => z.flush(constants.Z_SYNC_FLUSH, () => r()));
    z.off('data', onData);
    out.push(Buffer.concat(chunks));
  }
  return out;
}
const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

describe('SPDY framing', () => {
  it('the dictionary is the 1423 bytes the spec gives (first word "options", last "enq=0.")', () => {
    expect(SPDY_DICTIONARY.length).toBe(1423);
    expect(SPDY_DICTIONARY.subarray(0, 11)).toEqual(Buffer.from('\x00\x00\x00\x07options', 'latin1'));
    expect(SPDY_DICTIONARY.subarray(-6).toString()).toBe('enq=0.');
  });

  it('reads header blocks of one compression stream, block after block', async () => {
    const [a, b] = await clientBlocks([{ streamtype: 'error', port: '80', requestid: '0' }, { streamtype: 'data', port: '80', requestid: '0' }]);
    const r = new HeaderReader();
    expect(r.read(a)).toEqual({ streamtype: 'error', port: '80', requestid: '0' });
    expect(r.read(b)).toEqual({ streamtype: 'data', port: '80', requestid: '0' });
  });

  it('replies are stored deflate blocks, each ending in the sync-flush marker, that zlib reads as one stream', () => {
    const w = new HeaderWriter();
    const one = w.synReply(1);
    const two = w.synReply(3);
    expect(one.subarray(0, 4)).toEqual(Buffer.from([0x80, 0x03, 0x00, 0x02]));
    const block = (f: Buffer) => f.subarray(12);
    expect(block(one).subarray(-5)).toEqual(Buffer.from([0, 0, 0, 0xff, 0xff]));
    const raw = inflateSync(Buffer.concat([block(one), block(two)]), { finishFlush: constants.Z_SYNC_FLUSH });
    expect(raw).toEqual(Buffer.alloc(8)); // two header blocks of zero headers each
  });

  it('splits a byte stream into frames whatever the chunking', () => {
    const bytes = Buffer.concat([dataFrame(3, Buffer.from('GET / HTTP/1.1\r\n')), dataFrame(3, Buffer.from('\r\n'), true)]);
    const reader = new FrameReader();
    const frames = [...reader.push(bytes.subarray(0, 5)), ...reader.push(bytes.subarray(5, 30)), ...reader.push(bytes.subarray(30))];
    expect(frames.map((f) => (f.control ? 'control' : `${f.streamId}:${f.flags}:${f.data.toString()}`))).toEqual(['3:0:GET / HTTP/1.1\r\n', '3:1:\r\n']);
  });
});
