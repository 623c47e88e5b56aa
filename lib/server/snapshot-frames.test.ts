import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { withNewestEvents } from './snapshot-frames';

const event = (name: string, lastTimestamp: string) => ({ kind: 'Event', apiVersion: 'v1', metadata: { name, namespace: 'default' }, lastTimestamp }) as KubeObject;
const pod = (name: string) => ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default' } }) as KubeObject;

describe('withNewestEvents', () => {
  it('keeps every other object and only the newest Events', () => {
    const objects = [pod('a'), event('old', '2026-11-30T10:00:00Z'), event('new', '2026-11-30T12:00:00Z'), pod('b'), event('mid', '2026-11-30T11:00:00Z')];
    const out = withNewestEvents(objects, 2);
    expect(out.map((o) => o.metadata?.name)).toEqual(['a', 'new', 'b', 'mid']);
  });

  it('returns the same list when there are few Events', () => {
    const objects = [pod('a'), event('e', '2026-11-30T10:00:00Z')];
    expect(withNewestEvents(objects, 2)).toBe(objects);
  });
});
