// The event stream interpretation these cases encode: HTML Living Standard §9.2.6
// (html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
import { describe, expect, it } from 'vitest';
import { formatSse, formatSseComment } from '@/lib/server/sse';
import { createSseParser } from './sse-parse';

type Got = [type: string, data: string, id: string];

function parseAll(chunks: string[]): { events: Got[]; retries: number[] } {
  const events: Got[] = [];
  const retries: number[] = [];
  const feed = createSseParser({ event: (t, d, id) => events.push([t, d, id]), retry: (ms) => retries.push(ms) });
  for (const c of chunks) feed(c);
  return { events, retries };
}

/** `text` cut every `n` characters. */
const cut = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, i * n + n));

describe('createSseParser', () => {
  it('reassembles events split across chunks and ignores comments', () => {
    const got: [string, string][] = [];
    const feed = createSseParser((e, d) => got.push([e, d]));
    const text = formatSse({ event: 'class', data: '{"a":1}', retry: 2000 }) + formatSseComment('heartbeat') + formatSse({ event: 'events', data: 'x\ny' });
    for (let i = 0; i < text.length; i += 7) feed(text.slice(i, i + 7));
    expect(got).toEqual([
      ['class', '{"a":1}'],
      ['events', 'x\ny'],
    ]);
  });

  it('gives the same events whatever the chunk size, with ids kept across events and retry reported', () => {
    const text =
      formatSse({ event: 'snapshot-part', data: JSON.stringify({ objects: ['a'.repeat(5000)] }) }) +
      formatSse({ event: 'snapshot', id: 'e1.4', data: '{"objects":[]}', retry: 2000 }) +
      formatSseComment('keep-alive') +
      formatSse({ event: 'upsert', data: '{"k":1}' }) +
      formatSse({ id: 'e1.6', data: 'plain' });
    const want: Got[] = [
      ['snapshot-part', JSON.stringify({ objects: ['a'.repeat(5000)] }), ''],
      ['snapshot', '{"objects":[]}', 'e1.4'],
      ['upsert', '{"k":1}', 'e1.4'],
      ['message', 'plain', 'e1.6'],
    ];
    for (const n of [1, 2, 3, 64, 4096, text.length]) {
      const { events, retries } = parseAll(cut(text, n));
      expect(events, `chunks of ${n}`).toEqual(want);
      expect(retries).toEqual([2000]);
    }
  });

  it('ends lines at CRLF, LF or CR, also when a CRLF is split between chunks', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n';
    const want: Got[] = [
      ['a', '1', ''],
      ['b', '2', ''],
      ['message', '3', ''],
    ];
    for (const n of [1, 2, 5, text.length]) expect(parseAll(cut(text, n)).events, `chunks of ${n}`).toEqual(want);
    expect(parseAll(['data: x\r', '', '\n', 'data: y\r', '\n\r\n']).events).toEqual([['message', 'x\ny', '']]);
  });

  it('takes one space after the colon, a field with no colon as empty, and dispatches nothing without data', () => {
    const { events } = parseAll(['data:no-space\ndata:  two\n\n', 'event: lonely\n\n', 'data\n\n', 'id: a\0b\nevent: x\ndata: y\n\n', 'data: unfinished']);
    expect(events).toEqual([
      ['message', 'no-space\n two', ''],
      ['message', '', ''],
      // an id holding NUL is ignored; the type of an event without data does not carry over
      ['x', 'y', ''],
    ]);
  });

  it('ignores unknown fields and a retry that is not a number', () => {
    const { events, retries } = parseAll(['foo: bar\nretry: soon\nretry: 150\ndata: ok\n\n']);
    expect(events).toEqual([['message', 'ok', '']]);
    expect(retries).toEqual([150]);
  });
});
