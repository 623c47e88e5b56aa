import { describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { inProcessPort } from '../cluster/sim-port';
import { WorkerSimClient } from '../cluster/worker-sim-client';
import { stringify } from 'yaml';
import type { V1Pod } from '../k8s/api-types';
import { executeKubectl } from '../kubectl';
import { deploymentManifest } from '../sim/testing';
import { JournaledClient, LabJournal, replayLab } from './lab-journal';
import { parseLab, serializeLab, type LabSession } from './lab-session';

const SEED = 4;
const DEPLOYMENT_YAML = stringify(deploymentManifest({ name: 'api', replicas: 2, image: 'nginx:1.25' }), { aliasDuplicateObjects: false });

/** Like PlaygroundProvider: a lesson's setup commands, then a minute to settle, with the clock paused. */
async function lessonCluster(): Promise<SimClient> {
  const sim = new SimClient({
    seed: SEED,
    autoplay: false,
    onReset: async (c) => {
      await executeKubectl('kubectl create deployment hello --image=nginx:1.24 --replicas=2', { client: c, files: new Map(), write: () => {}, now: () => c.time.now() });
      c.advance(60_000);
    },
  });
  await sim.ready;
  return sim;
}

/** A separate user action: a new macrotask, like a key press or a click. */
const nextTask = () => new Promise((r) => setTimeout(r, 0));

async function kubectl(client: JournaledClient, line: string, files = new Map<string, string>()) {
  let out = '';
  await executeKubectl(line, { client, files, write: (t) => (out += t), now: () => client.time.now() });
  await nextTask();
  return out;
}

describe('recording a lab and replaying it', () => {
  it('rebuilds the exact cluster (mid-rollout) from seed + logged writes + their simulated times', async () => {
    const sim = await lessonCluster();
    const journal = new LabJournal();
    const client = new JournaledClient(sim, journal);
    // The UI's clock ticks by uneven, fractional amounts (wall time × speed); the replay never sees them.
    const tick = (ms: number) => client.time.step(ms);

    await kubectl(client, 'kubectl create deployment web --image=nginx:1.24 --replicas=3');
    for (let i = 0; i < 40; i++) tick(97.5 + (i % 7) * 13.25);
    await kubectl(client, 'kubectl get pods'); // reads are not logged
    await kubectl(client, 'kubectl apply -f api.yaml', new Map([['api.yaml', DEPLOYMENT_YAML]]));
    await kubectl(client, 'kubectl create deployment dry --image=nginx --dry-run=server');
    tick(5_000);
    const victim = sim.engine().list('Pod', 'default', { labelSelector: 'app=web' }).items[0].metadata!.name!;
    await kubectl(client, `kubectl delete pod ${victim} --wait=false`);
    await client.failures.failNode('worker-2');
    await nextTask();
    tick(45_000.25);
    await client.failures.recoverNode('worker-2');
    await nextTask();
    tick(10_000);
    await kubectl(client, 'kubectl scale deploy/web --replicas=5');
    await kubectl(client, 'kubectl set image deploy/web nginx=nginx:1.25');
    tick(1_500.5); // stop in the middle of the rolling update
    await kubectl(client, 'kubectl gt pods'); // a typo writes nothing

    const lab: LabSession = { v: 1, seed: SEED, setup: 's', commands: journal.commands, endAt: sim.time.now(), savedAt: 0, entries: journal.entries };
    const saved = parseLab(serializeLab(lab));
    if (saved.kind !== 'ok') throw new Error('saved lab did not parse');
    // create web, apply, delete pod, fail node, recover node, scale, set image
    expect(saved.lab.commands).toBe(7);
    expect(saved.lab.entries.map((e) => e.op)).toEqual(['create', 'create', 'delete', 'failNode', 'recoverNode', 'patch', 'patch']);

    const fresh = await lessonCluster();
    replayLab(fresh.engine(), saved.lab.entries, saved.lab.endAt);
    expect(fresh.time.now()).toBe(sim.time.now());
    const rs = fresh.engine().list('ReplicaSet', 'default', { labelSelector: 'app=web' }).items;
    expect(rs.length).toBe(2); // the rollout is still in progress in the copy too
    expect(fresh.engine().snapshot()).toBe(sim.engine().snapshot());
  });

  it('does not log the lesson setup, and a reset clears the log and reruns the setup with the clock paused', async () => {
    const sim = await lessonCluster();
    sim.time.setPlaying(true);
    const journal = new LabJournal();
    let resets = 0;
    const client = new JournaledClient(sim, journal, () => resets++);
    expect(journal.entries).toEqual([]);
    await kubectl(client, 'kubectl create deployment web --image=nginx');
    expect(journal.commands).toBe(1);

    client.time.reset();
    expect(journal.entries).toEqual([]);
    expect(journal.commands).toBe(0);
    expect(resets).toBe(1);
    expect(sim.time.playing()).toBe(false);
    await sim.ready;
    expect(sim.time.playing()).toBe(true);
    sim.time.setPlaying(false);
    const again = await lessonCluster();
    expect(sim.engine().snapshot()).toBe(again.engine().snapshot());
  });

  it('stops logging past the size cap and says so through the overflow flag', async () => {
    const sim = await lessonCluster();
    const journal = new LabJournal();
    const client = new JournaledClient(sim, journal);
    const big = 'x'.repeat(60_000);
    for (let i = 0; i < 3; i++) await client.patch('Deployment', 'hello', 'default', { metadata: { annotations: { [`note${i}`]: big } } }, 'merge');
    expect(journal.overflow).toBe(true);
    expect(journal.entries).toEqual([]);
    const lab: LabSession = { v: 1, seed: SEED, setup: 's', commands: journal.commands, endAt: sim.time.now(), savedAt: 0, entries: journal.entries };
    const saved = parseLab(serializeLab({ ...lab, overflow: true }));
    expect(saved.kind === 'ok' && saved.lab.overflow).toBe(true);
  });
});

describe('reads that are not writes', () => {
  it('logs and exec pass through the journal to the simulator, and log nothing', async () => {
    const sim = await lessonCluster();
    const journal = new LabJournal();
    const client = new JournaledClient(sim, journal);
    await kubectl(client, 'kubectl run once --restart=Never --image=busybox -- echo hi from once');
    const before = journal.entries.length;
    client.time.step(60_000);
    expect(await kubectl(client, 'kubectl logs once')).toBe('hi from once\n');
    expect(await kubectl(client, "kubectl exec deploy/hello -- sh -c 'echo in $HOSTNAME'")).toMatch(/^in hello-\S+$/m);
    expect(journal.entries.length).toBe(before);
  });
});

describe('with the engine in a worker (WorkerSimClient)', () => {
  it('stamps a write with the simulated time the engine ran it, though a clock step was still in flight', async () => {
    const inner = new WorkerSimClient(await inProcessPort(), { seed: SEED, autoplay: false });
    await inner.ready;
    const journal = new LabJournal();
    const client = new JournaledClient(inner, journal);
    const start = inner.time.now();
    const step = inner.time.step(30_000); // posted first, so the engine runs it before the create
    await client.create(deploymentManifest({ name: 'api', replicas: 1, image: 'nginx:1.25' }));
    await step;
    expect(journal.entries.map((e) => e.at)).toEqual([start + 30_000]);
    // and so the saved lab rebuilds the same cluster
    const fresh = new WorkerSimClient(await inProcessPort(), { seed: SEED, autoplay: false });
    await fresh.ready;
    await fresh.replayLab(journal.entries, inner.time.now());
    expect([...fresh.cached()].sort()).toEqual([...inner.cached()].sort());
  });
});

describe('the load generator through a journaled lab', () => {
  it('journals a start and a stop — from the panel or the terminal — so a restored lab sends the same traffic', async () => {
    const sim = await lessonCluster();
    const journal = new LabJournal();
    const client = new JournaledClient(sim, journal);
    await kubectl(client, 'kubectl expose deployment hello --port=80');
    // the panel's 보내기 calls traffic.start directly; the terminal goes through `traffic start`
    expect(await client.traffic.start({ target: 'hello', namespace: 'default', rate: 7, outside: false })).toMatchObject({ ok: true });
    client.time.step(3_000);
    expect((await client.traffic.stats()).buckets.at(-1)).toMatchObject({ sent: 7, ok: 7 });
    expect(await client.traffic.stop()).toBe(true);
    client.time.step(2_000);
    expect(await kubectl(client, 'traffic start svc/hello --rate 5')).toContain('트래픽 시작: svc/hello');
    client.time.step(4_000);
    // a refused start (bad input) and a stop with nothing running change nothing, so nothing is logged for them
    expect((await client.traffic.start({ target: 'nope', rate: 5 })).ok).toBe(false);
    expect(journal.entries.map((e) => e.op)).toEqual(['create', 'trafficStart', 'trafficStop', 'trafficStart']);

    const saved = parseLab(serializeLab({ v: 1, seed: SEED, setup: 's', commands: journal.commands, endAt: sim.time.now(), savedAt: 0, entries: journal.entries }));
    if (saved.kind !== 'ok') throw new Error('saved lab did not parse');
    const fresh = await lessonCluster();
    replayLab(fresh.engine(), saved.lab.entries, saved.lab.endAt);
    const [was, now] = [sim.engine().trafficStats(), fresh.engine().trafficStats()];
    expect(now.running).toBe(true);
    expect(now.rate).toBe(5);
    expect(now).toEqual(was);
    expect(fresh.engine().snapshot()).toBe(sim.engine().snapshot());
  });

  it('a saved traffic entry of the wrong shape makes the lab corrupt (it is checked before replay)', () => {
    const lab = (spec: unknown) => JSON.stringify({ v: 1, seed: SEED, setup: 's', commands: 1, endAt: 10, savedAt: 0, entries: [{ op: 'trafficStart', at: 5, spec }] });
    expect(parseLab(lab({ target: 'web', rate: 5, host: 'php.example.com' })).kind).toBe('ok');
    expect(parseLab(lab({ target: 'web', rate: 'lots' })).kind).toBe('corrupt');
    expect(parseLab(lab({ target: 'web', rate: 5, port: 0 })).kind).toBe('corrupt');
  });
});

describe('a shell attached by kubectl run -it', () => {
  it("logs the shell's exit, so a restored lab's container ended the same way (restartPolicy Never: Failed, exit 3)", async () => {
    const sim = await lessonCluster();
    const journal = new LabJournal();
    const client = new JournaledClient(sim, journal);
    const typed = ['echo hi', 'exit 3'];
    let finished = false;
    const run = executeKubectl('kubectl run keep -it --restart=Never --image=busybox -- sh', {
      client,
      files: new Map(),
      write: () => {},
      now: () => client.time.now(),
      readLine: async () => typed.shift() ?? null,
    }).finally(() => (finished = true));
    for (let i = 0; i < 200 && !finished; i++) {
      await nextTask();
      client.time.step(250);
    }
    expect((await run).exitCode).toBe(3);
    expect(journal.entries.map((e) => e.op)).toEqual(['create', 'attachExit']);
    expect(journal.entries[1]).toMatchObject({ name: 'keep', ns: 'default', container: 'keep', code: 3 });

    const saved = parseLab(serializeLab({ v: 1, seed: SEED, setup: 's', commands: journal.commands, endAt: sim.time.now(), savedAt: 0, entries: journal.entries }));
    if (saved.kind !== 'ok') throw new Error('saved lab did not parse');
    const fresh = await lessonCluster();
    replayLab(fresh.engine(), saved.lab.entries, saved.lab.endAt);
    const pod = fresh.engine().get('Pod', 'keep', 'default') as V1Pod;
    expect(pod.status!.phase).toBe('Failed');
    expect(pod.status!.containerStatuses![0].state!.terminated).toMatchObject({ exitCode: 3 });
    expect(fresh.engine().snapshot()).toBe(sim.engine().snapshot());
  });
});
