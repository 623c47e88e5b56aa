import { describe, expect, it } from 'vitest';
import { SimClient } from '@/lib/cluster/sim-client';
import { JournaledClient, LabJournal } from '@/lib/store/lab-journal';
import type { FollowPost } from '@/lib/classroom/follow-protocol';
import { commandsRun } from '@/lib/classroom/follow-terminal';
import { Broadcaster, type BroadcastStatus, type PostResult } from './broadcaster';

type Broadcast = Extract<FollowPost, { kind: 'broadcast' }>;
const settle = () => new Promise((r) => setTimeout(r, 20));

async function lab() {
  const sim = new SimClient({ seed: 2, autoplay: false });
  await sim.ready;
  const journal = new LabJournal();
  return { sim, journal, client: new JournaledClient(sim, journal, () => {}, { seed: 2, setup: [], settleMs: 0 }) };
}

describe('Broadcaster', () => {
  it('sends each recorded write once, resumes where the server says after a gap, and starts a new session after a reset', async () => {
    const { sim, journal, client } = await lab();
    const posts: Broadcast[] = [];
    let answer: (p: Broadcast) => PostResult = () => ({ ok: true });
    const statuses: BroadcastStatus[] = [];
    const b = new Broadcaster(client, async (p) => (p.kind === 'broadcast' && posts.push(p), answer(p as Broadcast)), (s) => statuses.push(s));
    await settle();
    expect(posts[0]).toMatchObject({ from: 0, entries: [], seed: 2 });

    await client.failures.failNode('worker-1');
    await settle();
    const afterFirst = posts.at(-1)!;
    expect(afterFirst).toMatchObject({ from: 0, entries: [{ op: 'failNode', name: 'worker-1' }] });

    // The server lost track (another tab, a restart): it answers 409 with where its record ends.
    answer = (p) => (p.from === 1 ? { ok: false, status: 409, message: 'gap', have: 0 } : { ok: true });
    await client.failures.recoverNode('worker-1');
    await settle();
    const resent = posts.filter((p) => p.session === afterFirst.session).at(-1)!;
    expect(resent.from).toBe(0);
    expect(resent.entries.map((e) => e.op)).toEqual(['failNode', 'recoverNode']);

    answer = () => ({ ok: true });
    client.time.reset();
    await sim.ready;
    await client.failures.failNode('worker-2');
    await settle();
    const last = posts.at(-1)!;
    expect(last.session).not.toBe(afterFirst.session);
    expect(last).toMatchObject({ from: 0, entries: [{ op: 'failNode', name: 'worker-2' }] });
    expect(journal.entries).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ state: 'live', sent: 1 });
    b.dispose();
    sim.dispose();
  });

  it("posts each terminal line the instructor ran once (a posted line is not resent), with what it printed", async () => {
    const { sim, client } = await lab();
    const posts: Broadcast[] = [];
    let failing = false;
    const b = new Broadcaster(client, async (p) => (p.kind === 'broadcast' && posts.push(p), failing ? { ok: false, status: 503, message: 'down' } : { ok: true }), () => {});
    await settle();
    commandsRun.publish({ line: 'kubectl scale deploy web --replicas=5', output: 'deployment.apps/web scaled\n' });
    await settle();
    expect(posts.at(-1)!.terminal).toEqual([{ seq: 0, line: 'kubectl scale deploy web --replicas=5', output: 'deployment.apps/web scaled\n' }]);
    const count = posts.length;
    await settle();
    expect(posts).toHaveLength(count); // nothing new: no post

    failing = true;
    commandsRun.publish({ line: 'kubectl get deploy', output: 'NAME\n' });
    await settle();
    expect(posts.at(-1)!.terminal?.map((e) => e.seq)).toEqual([1]);
    b.dispose();
    // After dispose the broadcaster no longer listens: a later command posts nothing.
    const after = posts.length;
    commandsRun.publish({ line: 'kubectl get pods', output: '' });
    await settle();
    expect(posts).toHaveLength(after);
    sim.dispose();
  });
});
