import { describe, expect, it } from 'vitest';
import type { WatchEventType } from '../k8s/types';
import { Engine, type Controller } from './engine';
import { DEFAULT_TIMINGS } from './timings';

/** A controller that records which Pod changes reach its onChange. */
function recorder(name: string, changeTypes?: Controller['changeTypes']): Controller & { seen: WatchEventType[] } {
  const seen: WatchEventType[] = [];
  return { name, watches: ['Pod'], changeTypes, seen, onChange: (c) => seen.push(c.type), reconcile: () => {} };
}

describe('Engine change routing', () => {
  it('calls a controller only for the change types it declares for a kind, and for every type by default', () => {
    const e = new Engine(1, 0, DEFAULT_TIMINGS);
    const deletionsOnly = recorder('deletions-only', { Pod: ['DELETED'] });
    const everything = recorder('everything');
    e.register(deletionsOnly);
    e.register(everything);
    const pod = e.createObject('Pod', { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } });
    e.updateObject('Pod', { ...pod, status: { phase: 'Running' } });
    e.removeObject('Pod', 'p', 'default');
    expect(deletionsOnly.seen).toEqual(['DELETED']);
    expect(everything.seen).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });
});
