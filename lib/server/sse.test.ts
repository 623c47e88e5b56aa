import { describe, expect, it } from 'vitest';
import { formatEventId, formatSse, formatSseComment, parseEventId } from './sse';

/** A minimal parser following the EventSource algorithm, to check what a browser would see. */
function parse(text: string) {
  const events: { event: string; id?: string; data: string }[] = [];
  for (const block of text.split('\n\n').filter(Boolean)) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ event, id, data: data.join('\n') });
  }
  return events;
}

describe('SSE framing', () => {
  it('frames event, id and data and ends with a blank line', () => {
    const text = formatSse({ event: 'upsert', id: 'e.7', data: '{"a":1}' });
    expect(text.endsWith('\n\n')).toBe(true);
    expect(parse(text)).toEqual([{ event: 'upsert', id: 'e.7', data: '{"a":1}' }]);
  });

  it('splits multi-line data into data lines that rejoin exactly', () => {
    const data = 'line one\nline two\r\nline three';
    const [ev] = parse(formatSse({ event: 'x', data }));
    expect(ev.data).toBe('line one\nline two\nline three');
  });

  it('cannot be broken out of by newlines in event or id', () => {
    const text = formatSse({ event: 'a\n\ndata: injected', id: '1\nevent: evil', data: 'ok' });
    expect(parse(text)).toHaveLength(1);
  });

  it('comments carry no event', () => {
    expect(parse(formatSseComment('heartbeat\n\ndata: x'))).toEqual([]);
  });

  it('round-trips event ids within an epoch only', () => {
    expect(parseEventId(formatEventId('abc', 42), 'abc')).toBe(42);
    expect(parseEventId(formatEventId('old', 42), 'abc')).toBeNull();
    expect(parseEventId('abc.-1', 'abc')).toBeNull();
    expect(parseEventId('abc.x', 'abc')).toBeNull();
    expect(parseEventId(null, 'abc')).toBeNull();
  });
});
