import { describe, expect, it } from 'vitest';
import { readBodyLimited } from './read-body';

/** A request whose body arrives in chunks, counting how many chunks the server pulled. */
function chunked(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled === chunks.length) return c.close();
      c.enqueue(chunks[pulled++]);
    },
  });
  const req = new Request('http://app/api/cluster/actions', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { req, pulled: () => pulled };
}

describe('readBodyLimited', () => {
  it('counts bytes, not characters: 100 Hangul syllables are 300 bytes', async () => {
    const text = '가'.repeat(100);
    expect(await readBodyLimited(new Request('http://app/', { method: 'POST', body: text }), 300)).toEqual({ ok: true, text });
    expect(await readBodyLimited(new Request('http://app/', { method: 'POST', body: text }), 299)).toMatchObject({ ok: false, code: 413 });
  });

  it('stops reading at the limit instead of buffering the rest', async () => {
    const { req, pulled } = chunked(Array.from({ length: 1_000 }, () => new Uint8Array(1_024).fill(0x61)));
    expect(await readBodyLimited(req, 4_096)).toMatchObject({ ok: false, code: 413, message: expect.stringMatching(/너무 큽니다/) });
    expect(pulled()).toBeLessThan(10);
  });

  it('refuses a declared Content-Length over the limit without reading, and bytes that are not UTF-8', async () => {
    // The body itself would fit; only the declared length is refused.
    const { req, pulled } = chunked(Array.from({ length: 100 }, () => new Uint8Array(10).fill(0x61)), { 'content-length': '10000000' });
    expect(await readBodyLimited(req, 4_096)).toMatchObject({ ok: false, code: 413 });
    expect(pulled()).toBeLessThanOrEqual(1); // at most the stream's own prefetch, never a read of ours
    const latin1 = chunked([new Uint8Array([0x7b, 0xff, 0x7d])]);
    expect(await readBodyLimited(latin1.req, 1_024)).toMatchObject({ ok: false, code: 400, message: expect.stringMatching(/UTF-8/) });
  });

  it('keeps a multi-byte character split across chunks intact', async () => {
    const bytes = new TextEncoder().encode('파드');
    const { req } = chunked([bytes.slice(0, 2), bytes.slice(2)]);
    expect(await readBodyLimited(req, 1_024)).toEqual({ ok: true, text: '파드' });
  });
});
