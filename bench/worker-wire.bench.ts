/**
 * What the simulator worker sends the page during a rollout (npm run bench:worker-wire): a Deployment scaled to
 * REPLICAS pods and rolled to a new image, driven through the worker's own host (sim-host.ts) in play-clock-sized
 * steps. Every message is measured with V8's serializer — the structured clone format postMessage uses — and decoded
 * again, as the page's main thread does; the page's work also includes rebuilding patched objects (field-patch.ts).
 *
 * The same run also drives a second engine with the same seed and calls and encodes its changes as the channel did
 * before field patches and page Events (every upsert whole), so the two are compared on the same changes, in the same
 * process, decoding in alternating rounds.
 */
import { deserialize, serialize } from 'node:v8';
import os from 'node:os';
import { createSimHost } from '../lib/cluster/sim-host';
import { applyFieldPatch } from '../lib/cluster/field-patch';
import { objectKey } from '../lib/cluster/types';
import { deletedStub, MAX_CHANGES_PER_MESSAGE, type SimResponse, type WireChange } from '../lib/cluster/sim-protocol';
import { createSimulator } from '../lib/sim';
import { KINDS, type KubeObject } from '../lib/k8s/types';
import { runBench } from './run-bench';

const REPLICAS = Number(process.env.REPLICAS ?? 1000);
const STEP_MS = 1000;
const ROUNDS = 3;

const CLUSTER = { workers: Math.ceil(REPLICAS / 100), workerCapacity: { cpu: '64', memory: '256Gi', pods: 110 } };
const DEPLOYMENT = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: REPLICAS, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } } as KubeObject;
const ROLL = { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } };

/** The calls of the run: create, two minutes of steps, the new image, five minutes of steps. */
function script(call: (op: 'create' | 'patch' | 'advance', ...args: unknown[]) => void): void {
  call('create', DEPLOYMENT);
  for (let t = 0; t < 120_000; t += STEP_MS) call('advance', STEP_MS);
  call('patch', 'Deployment', 'web', 'default', ROLL, 'strategic');
  for (let t = 0; t < 300_000; t += STEP_MS) call('advance', STEP_MS);
}

/** The messages the worker's host sends the page now. */
function drive(): SimResponse[] {
  const messages: SimResponse[] = [];
  const host = createSimHost((res) => messages.push(res));
  let id = 1;
  host.handle({ id: id++, op: 'init', args: [{ seed: 7, cluster: CLUSTER }] });
  script((op, ...args) => host.handle({ id: id++, op, args }));
  return messages;
}

/**
 * The messages the channel sent before field patches and page Events, for the same calls on an engine with the same
 * seed (so the same changes): every upsert a whole object, every delete a stub, in parts of MAX_CHANGES_PER_MESSAGE.
 */
function driveWholeObjects(): SimResponse[] {
  const messages: SimResponse[] = [];
  const sim = createSimulator({ seed: 7, cluster: CLUSTER });
  let changes: WireChange[] = [];
  for (const kind of KINDS) for (const obj of sim.list(kind).items) changes.push([0, kind, obj]);
  sim.subscribe((events) => {
    for (const ev of events) {
      const del = ev.type === 'DELETED';
      const object = del ? deletedStub(ev.object) : ev.object;
      changes.push(ev.cause ? [del ? 1 : 0, ev.kind, object, ev.cause] : [del ? 1 : 0, ev.kind, object]);
    }
  });
  let id = 1;
  const answer = () => {
    for (let at = 0; at < changes.length; at += MAX_CHANGES_PER_MESSAGE) messages.push({ id, ok: true, now: sim.now(), changes: changes.slice(at, at + MAX_CHANGES_PER_MESSAGE) });
    if (changes.length === 0) messages.push({ id, ok: true, now: sim.now(), changes });
    changes = [];
    id++;
  };
  answer();
  script((op, ...args) => {
    if (op === 'create') sim.create(args[0] as KubeObject);
    else if (op === 'advance') sim.advance(args[0] as number);
    else sim.patch('Deployment', 'web', 'default', ROLL, 'strategic');
    answer();
  });
  return messages;
}

const kindOf = (w: WireChange) => (w[1] === 'Pod' || w[1] === 'Event' ? w[1] : 'other');

function bytesByKind(messages: SimResponse[]) {
  const out = { total: 0, Pod: 0, Event: 0, other: 0 };
  for (const m of messages) {
    out.total += serialize(m).length;
    for (const w of m.changes) out[kindOf(w)] += serialize(w).length;
  }
  return out;
}

/** Page-side CPU ms to decode every message and fold it into a copy of the cluster (patches rebuilt). */
function pageCpuMs(encoded: Buffer[]): number {
  const held = new Map<string, KubeObject>();
  const start = process.cpuUsage();
  for (const buf of encoded) {
    const m = deserialize(buf) as SimResponse;
    for (const w of m.changes) {
      if (w[0] === 2) held.set(w[2], applyFieldPatch(held.get(w[2])!, w[3]));
      else if (w[0] === 0) held.set(objectKey(w[1], w[2].metadata?.name ?? '', w[2].metadata?.namespace), w[2]);
    }
  }
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

runBench(async () => {
  const c0 = process.cpuUsage();
  const patched = drive();
  const engineCpu = process.cpuUsage(c0);
  const whole = driveWholeObjects();
  const bytes = { patched: bytesByKind(patched), whole: bytesByKind(whole) };
  const encoded = { patched: patched.map((m) => serialize(m)), whole: whole.map((m) => serialize(m)) };
  const cpu = { patched: [] as number[], whole: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    cpu.whole.push(pageCpuMs(encoded.whole));
    cpu.patched.push(pageCpuMs(encoded.patched));
  }
  const best = (xs: number[]) => Math.min(...xs);
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
  const rows: [string, string, string][] = [
    ['messages', String(patched.length), `${REPLICAS} pods, deploy then roll, ${STEP_MS} ms steps; engine ${((engineCpu.user + engineCpu.system) / 1000).toFixed(0)} ms CPU`],
    ['bytes, whole objects (before)', mb(bytes.whole.total), `pods ${mb(bytes.whole.Pod)}, events ${mb(bytes.whole.Event)}, other ${mb(bytes.whole.other)}`],
    ['bytes, field patches (now)', mb(bytes.patched.total), `pods ${mb(bytes.patched.Pod)}, events ${mb(bytes.patched.Event)}, other ${mb(bytes.patched.other)}`],
    ['bytes now ÷ before', (bytes.patched.total / bytes.whole.total).toFixed(2), `pods ${(bytes.patched.Pod / bytes.whole.Pod).toFixed(2)}`],
    ['page decode + fold, whole (before)', `${best(cpu.whole).toFixed(0)} ms`, `CPU, best of ${ROUNDS}: ${cpu.whole.map((x) => x.toFixed(0)).join(' / ')}`],
    ['page decode + fold, patches (now)', `${best(cpu.patched).toFixed(0)} ms`, `CPU, best of ${ROUNDS}: ${cpu.patched.map((x) => x.toFixed(0)).join(' / ')}`],
    ['decode now ÷ before', (best(cpu.patched) / best(cpu.whole)).toFixed(2), 'same changes, alternating rounds in one process'],
    ['load average (1 min)', os.loadavg()[0].toFixed(2), `${os.cpus().length} CPUs`],
  ];
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c}`);
  console.log(
    `BENCH ${JSON.stringify({
      replicas: REPLICAS,
      messages: patched.length,
      bytes_whole: bytes.whole.total,
      bytes_patched: bytes.patched.total,
      bytes_ratio: Number((bytes.patched.total / bytes.whole.total).toFixed(3)),
      pod_bytes_ratio: Number((bytes.patched.Pod / bytes.whole.Pod).toFixed(3)),
      event_bytes_patched: bytes.patched.Event,
      page_cpu_ms_whole: Math.round(best(cpu.whole)),
      page_cpu_ms_patched: Math.round(best(cpu.patched)),
      page_cpu_ratio: Number((best(cpu.patched) / best(cpu.whole)).toFixed(3)),
    })}`,
  );
});
