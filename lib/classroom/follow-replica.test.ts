import { describe, expect, it } from 'vitest';
import { SimClient } from '@/lib/cluster/sim-client';
import { executeKubectl } from '@/lib/kubectl';
import { isStatusError } from '@/lib/k8s/types';
import { JournaledClient, LabJournal } from '@/lib/store/lab-journal';
import { FollowReplica } from './follow-replica';
import type { FollowSnapshot } from './follow-protocol';

const SEED = 7;
const SETUP = ['kubectl create deployment hello --image=nginx:1.24 --replicas=2'];
const SETTLE = 60_000;

const runLine = async (line: string, c: SimClient) => void (await executeKubectl(line, { client: c, files: new Map(), write: () => {}, now: () => c.time.now() }));

/** The instructor's Playground: the lesson's setup with the clock paused, then a journal of every write. */
async function instructorLab() {
  const sim = new SimClient({ seed: SEED, autoplay: false, onReset: async (c) => {
      for (const line of SETUP) await runLine(line, c);
      c.advance(SETTLE);
    },
  });
  await sim.ready;
  const journal = new LabJournal();
  return { sim, journal, client: new JournaledClient(sim, journal) };
}

/** Pod names with their phase and node: what the student's graph draws. */
const podsOf = async (client: { list: SimClient['list'] }) =>
  (await client.list('Pod'))
    .map((o) => {
      const p = o as { metadata?: { namespace?: string; name?: string }; status?: { phase?: string }; spec?: { nodeName?: string } };
      return `${p.metadata?.namespace}/${p.metadata?.name} ${p.status?.phase} ${p.spec?.nodeName ?? '-'}`;
    })
    .sort();

const kubectl = async (client: JournaledClient, line: string) => {
  await executeKubectl(line, { client, files: new Map(), write: () => {}, now: () => client.time.now() });
  await new Promise((r) => setTimeout(r, 0)); // the journal records once the call settles
};

describe('following the instructor', () => {
  it("rebuilds the instructor's cluster from the broadcast recipe, then keeps in step with appended writes and the clock", async () => {
    const teacher = await instructorLab();
    await kubectl(teacher.client, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
    // The instructor's clock moves in uneven wall-clock ticks; the broadcast carries only the times of writes.
    for (let i = 0; i < 30; i++) teacher.client.time.step(90 + (i % 5) * 17);
    const snap: FollowSnapshot = {
      session: 'session-1',
      seed: SEED,
      setup: SETUP,
      settleMs: SETTLE,
      entries: [...teacher.journal.entries],
      clock: { now: teacher.sim.time.now(), playing: true, speed: 1 },
    };
    const replica = await FollowReplica.start(snap, runLine);
    expect(replica.now()).toBe(teacher.sim.time.now());
    const teacherPods = await podsOf(teacher.sim);
    expect(teacherPods.filter((p) => p.startsWith('default/web-'))).toHaveLength(3);
    expect(await podsOf(replica.client)).toEqual(teacherPods);

    // More writes mid-rollout, then the clock runs on: an `append` and a `clock` message.
    const from = teacher.journal.entries.length;
    await kubectl(teacher.client, 'kubectl scale deployment web --replicas=5');
    teacher.client.time.step(250);
    await kubectl(teacher.client, 'kubectl set image deployment/hello nginx=nginx:1.26');
    teacher.client.time.step(1234);
    const clock = { now: teacher.sim.time.now(), playing: true, speed: 1 };
    expect(replica.apply({ type: 'append', session: 'session-1', from, entries: teacher.journal.entries.slice(from), clock })).toBe('applied');
    expect(await podsOf(replica.client)).toEqual(await podsOf(teacher.sim));
    for (let i = 0; i < 20; i++) teacher.client.time.step(333);
    expect(replica.apply({ type: 'clock', session: 'session-1', clock: { ...clock, now: teacher.sim.time.now() } })).toBe('applied');
    expect(await podsOf(replica.client)).toEqual(await podsOf(teacher.sim));

    // A message that doesn't continue this replica (a gap, another session) asks for a fresh snapshot.
    expect(replica.apply({ type: 'append', session: 'session-1', from: from + 99, entries: [], clock })).toBe('resync');
    expect(replica.apply({ type: 'clock', session: 'other', clock })).toBe('resync');
    replica.dispose();
    teacher.sim.dispose();
  });

  it("refuses writes to the instructor's cluster with a Korean Forbidden, and its clock controls do nothing", async () => {
    const replica = await FollowReplica.start({ session: 's-readonly', seed: SEED, setup: SETUP, settleMs: SETTLE, entries: [], clock: { now: SETTLE, playing: false, speed: 1 } }, runLine);
    let out = '';
    const { exitCode } = await executeKubectl('kubectl delete deployment hello', { client: replica.client, files: new Map(), write: (t) => (out += t), now: () => replica.now() });
    expect(exitCode).not.toBe(0);
    expect(out).toContain('따라오기 중에는 강사의 클러스터를 바꿀 수 없습니다');
    await expect(replica.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })).rejects.toSatisfy((e) => isStatusError(e) && e.code === 403);
    const before = replica.now();
    replica.client.time!.step(10_000);
    expect(replica.now()).toBe(before);
    expect(replica.client.info().writable).toBe(false);
    replica.dispose();
  });
});
