import { describe, expect, it } from 'vitest';
import { allLessons } from './content';
import { loadGlossary, sortGlossary, validateGlossary } from './glossary';

const slugs = allLessons().map((l) => l.slug);

describe('glossary', () => {
  it('loads the real glossary, every term linked to an existing lesson', () => {
    const entries = loadGlossary(slugs);
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const e of entries) expect(slugs).toContain(e.lesson);
    // Every lesson introduces at least one term.
    expect(new Set(entries.map((e) => e.lesson))).toEqual(new Set(slugs));
  });

  it('reports missing fields, unknown lessons and duplicates', () => {
    const result = validateGlossary(
      [
        { ko: '파드', en: 'Pod', meaning: '가장 작은 단위', lesson: 'pods' },
        { ko: '파드', en: 'Pod', meaning: '', lesson: 'nope' },
      ],
      ['pods'],
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual(['용어 2: meaning 값이 비어 있습니다', '용어 파드: 레슨 "nope"이 없습니다', '용어 파드가 두 번 있습니다']);
  });

  it('sorts in Korean dictionary order', () => {
    const e = (ko: string) => ({ ko, en: ko, meaning: '-', lesson: 'pods' });
    expect(sortGlossary([e('파드'), e('노드'), e('kubelet'), e('클러스터')]).map((x) => x.ko)).toEqual(['노드', '클러스터', '파드', 'kubelet']);
  });
});
