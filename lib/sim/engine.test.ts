import { describe, expect, it } from 'vitest';
import type { WatchEventType } from '../k8s/types';
import type { V1Pod } from '../k8s/api-types';
import { Engine, PodRuntimes, type Controller, type PodRuntime } from './engine';
import { createSimulator } from './index';
import { deploymentManifest } from './testing';
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

describe('kubelet pod runtimes', () => {
  const rt = (uid: string): PodRuntime => ({ uid, stage: 'running', due: 0, pullFailures: 0, crashes: 0 });

  it('serialise as the plain object snapshots held, with the order property writes and deletes would leave', () => {
    const map = new PodRuntimes();
    const obj: Record<string, PodRuntime> = {};
    const ops: [string, string | null][] = [['default/a', '1'], ['default/b', '2'], ['kube-system/c', '3'], ['default/a', '4'], ['default/b', null], ['default/b', '5']];
    for (const [k, uid] of ops) {
      if (uid === null) {
        map.delete(k);
        delete obj[k];
      } else {
        map.set(k, rt(uid));
        obj[k] = rt(uid);
      }
    }
    expect(JSON.stringify(map)).toBe(JSON.stringify(obj));
  });

  it('come back as a Map from a snapshot, and the restored kubelets carry on as the original ones do', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(deploymentManifest({ replicas: 5 }));
    sim.advance(2_000); // pods mid-start: their runtimes are pulling or starting
    const copy = createSimulator({ seed: 3 });
    copy.restore(sim.snapshot());
    expect(JSON.parse(sim.snapshot()).state.kubelet).toBeTypeOf('object');
    sim.advance(30_000);
    copy.advance(30_000);
    expect(copy.snapshot()).toBe(sim.snapshot());
    expect(copy.list('Pod', 'default').items.every((p) => (p as V1Pod).status?.phase === 'Running')).toBe(true);
  });
});
