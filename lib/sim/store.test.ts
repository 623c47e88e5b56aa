import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { Store } from './store';

const cm = (name: string, v: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { v } }) as KubeObject;

describe('the store’s watch log', () => {
  // kube-apiserver's watch cache (k8s.io/apiserver/pkg/storage/cacher/watch_cache.go, getAllEventsSinceLocked) serves
  // a watch from resourceVersion R with the cached events after R, and answers 410 Gone ("too old resource version")
  // when R is older than its oldest event minus one. The simulator's log is that window: a fixed number of changes.
  it('replays the watch events after a resourceVersion, and only those, as the public event shape', () => {
    const s = new Store();
    const cause = { actor: 'kubectl', message: '테스트', hop: 'apiserver' as const };
    s.put('ConfigMap', cm('a', '1'), cause);
    const rv = s.rv;
    s.put('ConfigMap', { ...s.get('ConfigMap', 'default/a')!, data: { v: '2' } } as KubeObject);
    s.remove('ConfigMap', 'default/a', cause);
    const events = s.changesSince(rv)!;
    expect(events.map((e) => [e.type, e.object.metadata!.resourceVersion])).toEqual([
      ['MODIFIED', String(rv + 1)],
      ['DELETED', String(rv + 2)],
    ]);
    // what a watcher receives, nothing more: the log keeps no previous version (`old`) alive
    expect(Object.keys(events[0])).toEqual(['type', 'kind', 'object']);
    expect(Object.keys(events[1])).toEqual(['type', 'kind', 'object', 'cause']);
    expect(s.changesSince(s.rv)).toEqual([]);
  });

  it('answers "too old" for a resourceVersion before its window, after trimming and after a restore clears it', () => {
    const s = new Store();
    for (let i = 0; i < 8_000; i++) s.put('ConfigMap', cm(`c${i % 10}`, String(i)));
    // trimmed to its last 5,000 changes when it passed 7,500 (at rv 7,501): rv 2,502 … 8,000 are kept
    expect(s.changesSince(2_500)).toBeUndefined();
    const fromOldest = s.changesSince(2_501)!;
    expect(fromOldest).toHaveLength(5_499);
    expect(fromOldest[0].object.metadata!.resourceVersion).toBe('2502');
    expect(s.changesSince(7_999)!.map((e) => e.object.metadata!.resourceVersion)).toEqual(['8000']);
    s.clear();
    expect(s.changesSince(7_999)).toBeUndefined();
    expect(s.changesSince(8_000)).toEqual([]);
    s.put('ConfigMap', cm('after', 'x'));
    expect(s.changesSince(8_000)!.map((e) => e.object.metadata!.name)).toEqual(['after']);
    expect(s.changesSince(7_999)).toBeUndefined();
  });
});
