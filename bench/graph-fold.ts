/**
 * The store's fold of a graph's first snapshot, alone (no browser): a seeded bench cluster of BENCH_PODS pods
 * (default 1,000 on 20 workers, as bench:graph's first-render case) folded into a fresh Playground store the way the
 * page does when it connects (lib/store/connect-client.ts). Prints the objects, events and median fold time of
 * BENCH_REPEAT folds; times CPU, not wall: `node --expose-gc --import tsx bench/graph-fold.ts`.
 */
import { SimClient } from '../lib/cluster/sim-client';
import { snapshotChanges } from '../lib/store/cluster-slice';
import { createPlaygroundStore } from '../lib/store/playground-store';
import { seedBenchCluster } from '../components/wiring/bench-mode';

const pods = Number(process.env.BENCH_PODS ?? 1000);
const nodes = Number(process.env.BENCH_NODES ?? 20);
const repeat = Number(process.env.BENCH_REPEAT ?? 9);

async function main() {
  const perNode = Math.ceil(pods / nodes) + 10;
  const client = new SimClient({ autoplay: false, cluster: { workers: nodes, workerCapacity: { cpu: '64', memory: '256Gi', pods: Math.max(110, perNode) } } });
  await client.ready;
  await seedBenchCluster(client, pods);
  const cached = client.cached();
  let events = 0;
  for (const key of cached.keys()) if (key.startsWith('Event/')) events++;
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    // fresh objects each time: the page's projections are memoised per object (lib/store/projection-memo.ts)
    const copy = new Map([...cached].map(([k, v]) => [k, structuredClone(v)]));
    const store = createPlaygroundStore();
    // the last round's garbage is collected outside the measured span (run with node --expose-gc)
    (globalThis as { gc?: () => void }).gc?.();
    // CPU time, not wall time: other processes on a shared machine stretch the latter
    const t = process.cpuUsage();
    store.getState().clearCluster(0);
    store.getState().applyBatch(snapshotChanges(copy));
    const spent = process.cpuUsage(t);
    times.push((spent.user + spent.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(`objects ${cached.size}, events ${events}; first-snapshot fold CPU median ${times[Math.floor(times.length / 2)].toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(' ')})`);
  client.dispose?.();
}

void main();
