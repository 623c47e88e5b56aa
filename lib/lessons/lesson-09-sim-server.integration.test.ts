/**
 * Lesson 09's exercises against the sim cluster server in bare-machines mode, wired as `npm run sim-cluster -- --bare`
 * wires it (scripts/sim-cluster.ts: createSimulator({ cluster: { bare: true } }), startSimServer, machineCli on the
 * same engine). Each exercise's solution is typed through the machine CLI (`<machine> <command>` lines); its object
 * checks go over HTTP through the server's Kubernetes REST API (what a real kubectl reads), its Machine checks read
 * the CLI's machine world — the machines live inside the server process, which has no API for them, so this is
 * where they can be read. Each exercise fails first and passes after its solution, as in the browser lab
 * (walkthrough-machines.test.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../sim';
import { startSimServer, type SimServer } from '../simserver';
import { EngineClient } from '../kubectl/testing/engine-client';
import { machineCli } from '../machines/cli';
import { machineFacts } from '../machines/lesson-facts';
import { evaluateChecks } from './check';
import { allLessons } from './content';
import { solutionSteps } from './exercise-spec';
import { lessonOutline } from './outline';
import { httpCheckClient } from './http-check-client';

const LINE_MS = 5_000;
const SETTLE_MS = 120_000;

let server: SimServer | undefined;
afterAll(() => server?.close());

describe('lesson 09 exercises against the sim cluster server (--bare)', () => {
  it('every exercise fails first, then passes after its solution typed through the machine CLI', async () => {
    const lesson = allLessons().find((l) => l.slug === 'cluster-setup')!;
    const seed = lesson.seed!;
    const sim = createSimulator({ seed, startTime: Date.now(), cluster: { bare: true } });
    server = await startSimServer({ sim, port: 0, kubeconfigPath: join(mkdtempSync(join(tmpdir(), 'lesson09-')), 'kubeconfig'), speed: 0 });
    const cli = machineCli(sim, new EngineClient(sim), seed);
    const api = httpCheckClient(server.url);
    const exercises = lessonOutline(lesson.body).exercises;
    expect(exercises.map((e) => e.id)).toEqual(['init-master', 'kubectl-config', 'calico-ready', 'workers-joined', 'webserver-latest', 'reset-worker']);

    const results: { id: string; before: boolean; after: string[] }[] = [];
    for (const exercise of exercises) {
      const before = await evaluateChecks(api, exercise.checks, machineFacts(cli.world));
      for (const s of solutionSteps(exercise)) {
        await cli.run(`${s.on ?? 'master'} ${s.run}`);
        sim.advance(LINE_MS);
      }
      sim.advance(SETTLE_MS);
      const after = await evaluateChecks(api, exercise.checks, machineFacts(cli.world));
      results.push({ id: exercise.id, before: before.ok, after: after.failures });
    }
    expect(results).toEqual(exercises.map((e) => ({ id: e.id, before: false, after: [] })));
  }, 60_000);

  it('`npm run sim-cluster -- --bare` as a process: lines on stdin build the control plane the REST API then serves', async () => {
    const lesson = allLessons().find((l) => l.slug === 'cluster-setup')!;
    const initMaster = lessonOutline(lesson.body).exercises.find((e) => e.id === 'init-master')!;
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'lesson09-cli-')), 'kubeconfig');
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/sim-cluster.ts', '--bare', '--port', '0', '--seed', '9', '--speed', '0', '--kubeconfig', kubeconfig], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const until = async (pattern: RegExp) => {
      for (let i = 0; i < 600 && !pattern.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      return pattern.exec(out);
    };
    try {
      const url = (await until(/kubesim ready (\S+)/))![1];
      const api = httpCheckClient(url);
      // the Machine check reads the machine world inside that process, which no API exposes: only the Node check is read here
      const objectChecks = initMaster.checks.filter((c) => c.kind !== 'Machine');
      expect(objectChecks).toEqual([{ kind: 'Node', name: 'master' }]);
      expect((await evaluateChecks(api, objectChecks)).ok).toBe(false);
      for (const s of solutionSteps(initMaster)) child.stdin.write(`${s.on} ${s.run}\n`);
      expect(await until(/Your Kubernetes control-plane has initialized successfully!/)).not.toBeNull();
      expect(await evaluateChecks(api, objectChecks)).toEqual({ ok: true, failures: [] });
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);

  it('a check that does not hold says why in Korean, read through the REST API', async () => {
    const sim = createSimulator({ seed: 9, startTime: Date.now(), cluster: { bare: true } });
    const other = await startSimServer({ sim, port: 0, speed: 0 });
    try {
      const outcome = await evaluateChecks(httpCheckClient(other.url), [
        { kind: 'Node', name: 'master' },
        { kind: 'Pod', namespace: 'kube-system', labelSelector: 'k8s-app=calico-node', minCount: 1 },
      ]);
      expect(outcome.failures).toEqual(['노드 master가 없습니다', '레이블이 k8s-app=calico-node인 파드가 1개 이상 있어야 하는데 지금은 0개입니다']);
    } finally {
      await other.close();
    }
  });
});
