import { describe, expect, it } from 'vitest';
import { formatSse, formatSseComment } from '@/lib/server/sse';
import { createSseParser } from './sse-parse';

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
});
