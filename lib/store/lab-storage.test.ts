import { describe, expect, it } from 'vitest';
import { MAX_LABS, labKey, parseLab, type LabSession } from './lab-session';
import { readLab, writeLab, type LabStorage } from './lab-storage';

/** A Storage with an optional quota in characters, like the browser's. */
function memoryStorage(quota = Infinity): LabStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const before = map.get(k);
      map.set(k, v);
      if (used() > quota) {
        if (before === undefined) map.delete(k);
        else map.set(k, before);
        throw new DOMException('full', 'QuotaExceededError');
      }
    },
    removeItem: (k) => void map.delete(k),
  };
}

const lab = (savedAt: number, note = ''): LabSession => ({
  v: 1,
  seed: 1,
  setup: note,
  commands: 1,
  endAt: 10,
  savedAt,
  entries: [{ at: 5, op: 'failNode', name: 'worker-1' }],
});

describe('lab storage', () => {
  it('keeps at most MAX_LABS labs, evicting the least recently saved', () => {
    const s = memoryStorage();
    s.setItem('k8s-ko-progress', 'not a lab'); // other keys are never touched
    s.setItem(labKey('broken'), '{');
    for (let i = 0; i < MAX_LABS; i++) expect(writeLab(s, labKey(`l${i}`), lab(1000 + i))).toBe(true);
    expect(s.map.has(labKey('broken'))).toBe(false); // unreadable goes first
    expect(writeLab(s, labKey('new'), lab(5000))).toBe(true);
    expect(s.map.has(labKey('l0'))).toBe(false);
    expect(s.map.has(labKey('l1'))).toBe(true);
    expect(s.map.get('k8s-ko-progress')).toBe('not a lab');
    expect(readLab(s, labKey('new'))).toEqual({ kind: 'ok', lab: lab(5000) });
    // saving a lab again does not evict anything
    expect(writeLab(s, labKey('l1'), lab(6000))).toBe(true);
    expect([...s.map.keys()].filter((k) => k.startsWith('k8s-ko-lab:'))).toHaveLength(MAX_LABS);
  });

  it('makes room when the quota is full, and reports failure when it cannot', () => {
    const one = JSON.stringify(lab(1, 'x'.repeat(400))).length + 20;
    const s = memoryStorage(one * 2);
    expect(writeLab(s, labKey('a'), lab(1, 'x'.repeat(400)))).toBe(true);
    expect(writeLab(s, labKey('b'), lab(2, 'x'.repeat(400)))).toBe(true);
    expect(writeLab(s, labKey('c'), lab(3, 'x'.repeat(400)))).toBe(true);
    expect(s.map.has(labKey('a'))).toBe(false);
    expect(parseLab(s.map.get(labKey('c'))).kind).toBe('ok');
    expect(writeLab(s, labKey('huge'), lab(4, 'x'.repeat(one * 3)))).toBe(false);
    expect(writeLab(undefined, labKey('a'), lab(1))).toBe(false);
  });

  it('reads nothing from a storage that throws', () => {
    const throwing = { ...memoryStorage(), getItem: () => { throw new DOMException('denied', 'SecurityError'); } };
    expect(readLab(throwing, labKey('a'))).toEqual({ kind: 'none' });
  });
});
