import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { executeKubectl } from '../kubectl';
import { flowForChange } from './control-plane-flow';
import { FlowQueue, groupHops, groupTitle } from './control-plane-flow-queue';
import { SimClient } from './sim-client';

const TICK_MS = 50;

/** Play a kubectl command at 1× (one simulated ms per wall ms) with the flow queue watching, for `seconds`. */
async function playAt1x(setup: string[], command: string, seconds: number) {
  const client = new SimClient({ seed: 1, autoplay: false });
  await client.ready;
  const run = (line: string) => executeKubectl(line, { client, files: new Map(), write: () => {}, now: () => client.time.now() });
  for (const line of setup) await run(line);
  client.advance(60_000);
  const queue = new FlowQueue();
  const previous = new Map<string, KubeObject>(client.cached());
  let wall = 0;
  let pushed = 0;
  const lines = new Set<string>();
  client.subscribe((changes) => {
    for (const c of changes) {
      const path = flowForChange(c, previous.get(c.key));
      if (c.type === 'delete') previous.delete(c.key);
      else previous.set(c.key, c.object);
      if (path) {
        queue.push(path, wall);
        pushed++;
      }
    }
  });
  await run(command);
  for (; wall <= seconds * 1000; wall += TICK_MS) {
    client.advance(TICK_MS);
    await Promise.resolve(); // SimClient delivers changes in a microtask
    queue.tick(wall);
    const f = queue.frame();
    if (f.group) for (const h of f.hops) lines.add(`${h.label}: ${h.caption}`);
  }
  client.dispose();
  return { queue, pushed, lines: [...lines] };
}

describe('control-plane flow queue', () => {
  it('keeps up with a 3-replica rolling update at 1×: every change shown within 3 s, none dropped', async () => {
    const { queue, pushed } = await playAt1x(['kubectl create deployment web --image=nginx:1.25 --replicas=3'], 'kubectl set image deployment/web nginx=nginx:1.26', 40);
    expect(pushed).toBeGreaterThan(30);
    expect(queue.frame().skipped).toBe(0);
    expect(queue.stats.shownChanges).toBe(pushed);
    expect(queue.stats.maxLagMs).toBeLessThanOrEqual(3000);
    // measured: 8 with Endpoints alone, 9 since the EndpointSlice controller writes beside it (as on a real cluster)
    expect(queue.stats.maxWaiting).toBeLessThanOrEqual(9);
  });

  it('summarises a burst as one line: "레플리카셋 컨트롤러: 파드 3개 생성"', async () => {
    const { lines } = await playAt1x([], 'kubectl create deployment web --image=nginx:1.25 --replicas=3', 20);
    expect(lines).toContain('레플리카셋 컨트롤러: 파드 3개 생성');
    const binding = lines.find((l) => l.startsWith('kube-scheduler: 파드 3개를 노드에 배치 ('));
    expect(binding).toMatch(/worker-1 \d개/);
    expect(binding).toMatch(/worker-2 \d개/);
  });

  it('never repeats who acts in what it does', async () => {
    const { lines } = await playAt1x(['kubectl create deployment web --image=nginx:1.25 --replicas=3'], 'kubectl set image deployment/web nginx=nginx:1.26', 30);
    const repeated = lines.filter((l) => {
      const [label, caption] = [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)];
      return caption.startsWith(label);
    });
    expect(repeated).toEqual([]);
    expect(lines.length).toBeGreaterThan(5);
  });

  it('drops and counts only past its limit of waiting groups', () => {
    const queue = new FlowQueue({ maxWaiting: 2 });
    const path = (actor: string, name: string) =>
      ({ key: `Pod/default/${name}`, kind: 'Pod', name, verb: 'create', cause: { actor, message: `${name} 생성` }, hops: [{ hop: 'controller', component: 'kube-controller-manager', label: actor, caption: `${name} 생성` }] }) as const;
    queue.push({ ...path('a', 'p1'), hops: [...path('a', 'p1').hops] }, 0);
    queue.push({ ...path('b', 'p2'), hops: [...path('b', 'p2').hops] }, 0);
    queue.push({ ...path('a', 'p3'), hops: [...path('a', 'p3').hops] }, 0); // joins a's group
    expect(queue.frame()).toMatchObject({ waiting: 2, skipped: 0 });
    queue.push({ ...path('c', 'p4'), hops: [...path('c', 'p4').hops] }, 0);
    expect(queue.frame()).toMatchObject({ waiting: 2, skipped: 2 });
    queue.tick(0);
    const g = queue.frame().group!;
    expect(groupTitle(g)).toBe('Pod p2');
    expect(groupHops(g)[0].caption).toBe('p2 생성');
  });
});
