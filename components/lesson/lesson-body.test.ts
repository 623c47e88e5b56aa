import { describe, expect, it } from 'vitest';
import { isValidElement } from 'react';
import { compiledLessonBody } from './lesson-body';

describe('compiledLessonBody', () => {
  it('compiles a lesson text once: the same text gets the same compiled element', async () => {
    const body = '## 파드\n\n파드는 **가장 작은** 단위입니다.\n';
    const first = compiledLessonBody('cache-a', body);
    const again = compiledLessonBody('cache-a', body);
    expect(again).toBe(first);
    const el = await first;
    expect(isValidElement(el)).toBe(true);
    expect(await again).toBe(el);
  });

  it('an edited text (next dev) is compiled again and replaces the old one', async () => {
    const a = compiledLessonBody('cache-b', '첫 번째\n');
    const b = compiledLessonBody('cache-b', '두 번째\n');
    expect(b).not.toBe(a);
    expect(await b).not.toBe(await a);
    // the old text is no longer kept: asking for it compiles it again
    expect(compiledLessonBody('cache-b', '첫 번째\n')).not.toBe(a);
  });

  it('a text that fails to compile is not kept: the next request compiles it again and fails the same way', async () => {
    const broken = '<Callout>\n닫히지 않은 태그\n';
    const first = compiledLessonBody('cache-c', broken);
    await expect(first).rejects.toThrow();
    const second = compiledLessonBody('cache-c', broken);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow();
  });
});
