import { describe, expect, it } from 'vitest';
import { projectDeployment, projectPod, projectReplicaSet } from './projection';
import { rollingUpdateBudget, rolloutWaitingRoom } from './rolling-update-budget';
import { makeDeployment, makePod, makeReplicaSet } from './test-fixtures';

const dep = (replicas: number, maxSurge?: string | number, maxUnavailable?: string | number) =>
  projectDeployment('Deployment/default/web', makeDeployment('web', { replicas, maxSurge, maxUnavailable }));
const rs = (name: string, o: Parameters<typeof makeReplicaSet>[1]) => projectReplicaSet(`ReplicaSet/default/${name}`, makeReplicaSet(name, o));
const pods = (owner: string, n: number, ready = true) =>
  Array.from({ length: n }, (_, i) => projectPod(`Pod/default/${owner}-${i}`, makePod({ name: `${owner}-${i}`, owner, node: 'w1', ready })));

describe('rollingUpdateBudget', () => {
  it('at the start of a rollout: may add up to maxSurge new pods, may not remove yet when maxUnavailable is 0', () => {
    const b = rollingUpdateBudget(
      dep(3, 1, 0),
      [rs('web-old', { deployment: 'web', revision: 1, desired: 3 }), rs('web-new', { deployment: 'web', revision: 2, desired: 0 })],
      pods('web-old', 3),
      2,
    );
    expect(b).toMatchObject({ maxSurge: 1, maxUnavailable: 0, maxTotal: 4, minAvailable: 3, canAddNew: 1, canRemoveOld: 0, oldPods: 3, newPods: 0 });
    expect(b.inProgress).toBe(true);
    expect(b.explanation[0]).toContain('최대 4개까지 허용 → 새 파드 1개 추가 가능');
    expect(b.explanation[1]).toContain('새 파드가 준비되기를 기다림');
  });

  it('once the surge pod is available, an old pod may go', () => {
    const b = rollingUpdateBudget(
      dep(3, 1, 0),
      [
        rs('web-old', { deployment: 'web', revision: 1, desired: 3 }),
        rs('web-new', { deployment: 'web', revision: 2, desired: 1, available: 1 }),
      ],
      [...pods('web-old', 3), ...pods('web-new', 1)],
      2,
    );
    expect(b.canAddNew).toBe(0);
    expect(b.canRemoveOld).toBe(1);
    expect(b.explanation[0]).toContain('새 파드 추가 불가');
    expect(b.explanation[1]).toContain('이전 파드 1개 제거 가능');
  });

  it('rounds maxSurge up and maxUnavailable down, as the controller does', () => {
    const b = rollingUpdateBudget(dep(10), [rs('web-old', { deployment: 'web', revision: 1, desired: 10 })], pods('web-old', 10));
    expect([b.maxSurge, b.maxUnavailable, b.maxTotal, b.minAvailable]).toEqual([3, 2, 13, 8]); // 25% of 10 = 2.5
  });

  it('with both resolving to 0, maxUnavailable becomes 1 so the rollout can move', () => {
    const b = rollingUpdateBudget(dep(2, '10%', '10%'), [rs('web-old', { deployment: 'web', revision: 1, desired: 2 })], pods('web-old', 2));
    expect(b.maxSurge).toBe(1); // 10% of 2 = 0.2 → rounds up to 1
    expect(b.maxUnavailable).toBe(0);
    const zero = rollingUpdateBudget(dep(2, 0, '10%'), [rs('web-old', { deployment: 'web', revision: 1, desired: 2 })], pods('web-old', 2));
    expect(zero.maxUnavailable).toBe(1);
    expect(zero.minAvailable).toBe(1);
  });

  it('unavailable new pods hold back old-pod removal', () => {
    const b = rollingUpdateBudget(
      dep(4, 1, 1),
      [
        rs('web-old', { deployment: 'web', revision: 1, desired: 3 }),
        rs('web-new', { deployment: 'web', revision: 2, desired: 2, available: 0, ready: 0 }),
      ],
      [...pods('web-old', 3), ...pods('web-new', 2, false)],
    );
    // Σ spec = 5, minAvailable = 3, new unavailable = 2 → 5 − 3 − 2 = 0: nothing may go.
    expect(b.canRemoveOld).toBe(0);
    expect(b.newPods).toBe(2);
    expect(b.newReady).toBe(0);
  });

  it('counts terminating pods apart and reports a finished rollout as not in progress', () => {
    const done = rollingUpdateBudget(
      dep(2),
      [rs('web-old', { deployment: 'web', revision: 1, desired: 0 }), rs('web-new', { deployment: 'web', revision: 2, desired: 2 })],
      [...pods('web-new', 2), projectPod('Pod/default/web-old-x', makePod({ name: 'web-old-x', owner: 'web-old', deleting: true }))],
    );
    expect(done.terminatingPods).toBe(1);
    expect(done.oldPods).toBe(0);
    expect(done.inProgress).toBe(false);
  });
});

// kubernetes/kubernetes pkg/controller/deployment/rolling.go: the new ReplicaSet grows to desired + maxSurge − Σ
// replicas; old ones shrink by what keeps desired − maxUnavailable available, counting the new ReplicaSet's unavailable
// pods against it. recreate.go: the old pods all go, then the new ReplicaSet scales to desired at once.
describe('rolloutWaitingRoom', () => {
  const rolling = (d: ReturnType<typeof dep>, updated = 0) => ({ ...d, updated });

  it('is maxSurge + maxUnavailable for a RollingUpdate in progress: 1,250 + 1,250 of 5,000 at the default 25%', () => {
    // the bench's 5,000-pod rollout had exactly 2,500 pods waiting for the scheduler at its peak
    expect(rolloutWaitingRoom([rolling(dep(5000))])).toBe(2500);
    // 10%: maxSurge rounds up (ceil 0.3 = 1), maxUnavailable down (floor 0.3 = 0)
    expect(rolloutWaitingRoom([rolling(dep(3, '10%', '10%'))])).toBe(1);
    // both 0 after rounding: maxUnavailable becomes 1 so the rollout can move
    expect(rolloutWaitingRoom([rolling(dep(2, 0, '10%'))])).toBe(1);
    // never more new pods than desired
    expect(rolloutWaitingRoom([rolling(dep(4, 4, 4))])).toBe(4);
  });

  it('is every desired pod for a Recreate, and sums the rollouts in progress', () => {
    const recreate = projectDeployment('Deployment/default/db', makeDeployment('db', { replicas: 30, recreate: true }));
    expect(rolloutWaitingRoom([rolling(recreate)])).toBe(30);
    expect(rolloutWaitingRoom([rolling(recreate), rolling(dep(100))])).toBe(30 + 25 + 25);
  });

  it('counts nothing for a Deployment that runs its template everywhere or is paused', () => {
    expect(rolloutWaitingRoom([rolling(dep(100), 100)])).toBe(0);
    expect(rolloutWaitingRoom([{ ...rolling(dep(100)), paused: true }])).toBe(0);
    expect(rolloutWaitingRoom([])).toBe(0);
  });
});
