import { describe, expect, it } from 'vitest';
import { MAX_LAB_CHARS, parseLab, serializeLab, setupFingerprint, type LabSession } from './lab-session';

const T0 = 1_736_899_200_000;
const lab = (over: Partial<LabSession> = {}): LabSession => ({
  v: 1,
  seed: 3,
  setup: setupFingerprint(['kubectl create deployment web --image=nginx'], 60_000),
  commands: 2,
  endAt: T0 + 9_000,
  savedAt: 1_700_000_000_000,
  entries: [
    { at: T0, op: 'create', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } } },
    { at: T0 + 4_000.5, op: 'patch', kind: 'Deployment', name: 'web', ns: 'default', patch: { spec: { replicas: 5 } }, type: 'merge' },
    { at: T0 + 4_000.5, op: 'delete', kind: 'Pod', name: 'web', opts: { gracePeriodSeconds: 0 } },
    { at: T0 + 8_000, op: 'failNode', name: 'worker-1' },
  ],
  ...over,
});

describe('saved lab sessions', () => {
  it('round-trip through serialize and parse', () => {
    expect(parseLab(serializeLab(lab()))).toEqual({ kind: 'ok', lab: lab() });
    expect(parseLab(null)).toEqual({ kind: 'none' });
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['an unknown version', JSON.stringify({ ...lab(), v: 2 })],
    ['no entries', JSON.stringify({ ...lab(), entries: undefined })],
    ['an unknown operation', JSON.stringify(lab({ entries: [{ at: T0, op: 'exec', name: 'x' } as never] }))],
    ['an unknown kind', JSON.stringify(lab({ entries: [{ at: T0, op: 'delete', kind: 'PersistentVolumeClaim' as never, name: 'x' }] }))],
    ['a bad patch type', JSON.stringify(lab({ entries: [{ at: T0, op: 'patch', kind: 'Pod', name: 'x', patch: {}, type: 'xml' as never }] }))],
    ['an object without metadata', JSON.stringify(lab({ entries: [{ at: T0, op: 'create', obj: { kind: 'Pod' } as never }] }))],
    ['entries out of time order', JSON.stringify(lab({ entries: [...lab().entries].reverse() }))],
    ['an end before the last entry', JSON.stringify(lab({ endAt: T0 }))],
    ['a negative command count', JSON.stringify(lab({ commands: -1 }))],
    ['a time that is not a number', JSON.stringify(lab({ endAt: 'soon' as never }))],
    ['an array', '[]'],
  ])('call %s corrupt (never throw)', (_label, raw) => {
    expect(parseLab(raw)).toEqual({ kind: 'corrupt' });
  });

  it('save a log past the size cap as a small overflow marker', () => {
    const big = lab({ entries: [{ at: T0, op: 'create', obj: { kind: 'Pod', metadata: { name: 'x', annotations: { a: 'x'.repeat(MAX_LAB_CHARS) } } } }] });
    const text = serializeLab(big);
    expect(text.length).toBeLessThan(1_000);
    expect(parseLab(text)).toEqual({ kind: 'ok', lab: { ...big, entries: [], overflow: true } });
  });

  it('fingerprint the setup so an edited lesson does not replay onto a different start', () => {
    expect(setupFingerprint(['a'], 60_000)).not.toBe(setupFingerprint(['a', 'b'], 60_000));
    expect(setupFingerprint(['a'], 60_000)).not.toBe(setupFingerprint(['a'], 30_000));
  });
});
