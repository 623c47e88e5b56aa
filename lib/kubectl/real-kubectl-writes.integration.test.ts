/**
 * Differential test for commands that change the cluster: two engines with the same seed and clock, one behind
 * the sim API server for the real kubectl, one behind our kubectl; each step runs on both and must print the
 * same text. Skipped when no kubectl binary is installed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../sim';
import type { Simulator } from '../sim/types';
import { startSimServer, type SimServer } from '../simserver';
import { findKubectls, Kubectl, skipWithoutKubectl } from '../simserver/kubectl-harness';
import { EngineClient } from './testing/engine-client';
import { kubectl as ours } from './testing/run';

const binaries = await findKubectls();
const exec = promisify(execFile);

async function bare(args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await exec(newest.path, args, { timeout: 30_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
const newest = binaries[binaries.length - 1];
const skip = skipWithoutKubectl('Write differential tests against the real kubectl', newest);

/**
 * Our kubectl reports v1.34, whose delete line names a namespaced object's namespace (k8s.io/kubectl
 * pkg/cmd/delete/delete.go PrintObj, kubernetes#126619, first in kubernetes-1.34.0); an older binary's line gets
 * that suffix here. Every object these steps delete is namespaced and in default.
 */
const inV134Wording = (stdout: string) => (newest && newest.minor < 34 ? stdout.replace(/^(\S+ "[^"]+" deleted)$/gm, '$1 from default namespace') : stdout);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx:1.24
`;

/** [command, simulated ms to advance afterwards] */
const STEPS: [string, number][] = [
  ['run webserver --image=nginx:latest', 30_000],
  ['run webserver --image=nginx:latest', 0],
  ['create deployment web --image=nginx:1.24 --replicas=3', 60_000],
  ['create deployment web --image=nginx:1.24 --dry-run=client -o yaml', 0],
  ['run box --image=busybox --dry-run=client -o yaml', 0],
  ['scale deploy/web --replicas=5', 60_000],
  ['scale deployment web --replicas=4', 60_000],
  ['set image deploy/web nginx=nginx:1.25', 120_000],
  ['set image deploy/web nope=nginx:1.25', 0],
  ['rollout undo deploy/web', 120_000],
  ['rollout undo deploy/web --to-revision=9', 0],
  ['rollout pause deploy/web', 0],
  ['rollout resume deploy/web', 0],
  ['label pod webserver env=prod', 0],
  ['label pod webserver env=dev', 0],
  ['label pod webserver env-', 0],
  ['expose deployment web --port=80 --type=NodePort', 10_000],
  ['apply -f api.yaml', 60_000],
  ['apply -f api.yaml', 0],
  ['cordon worker-2', 0],
  ['cordon worker-2', 0],
  ['uncordon worker-2', 0],
  ['delete pod webserver --wait=false', 60_000],
  ['delete pod nope', 0],
  ['delete -f api.yaml --wait=false', 0],
  ['get pdos', 0],
  ['get pods --foo', 0],
  ['scale deploy/web', 0],
  ['gt pods', 0],
  ['drain worker-1', 0], // (a successful drain waits for evictions, which needs the clock running)
];

describe.skipIf(skip)('writes print what the real kubectl prints', () => {
  let server: SimServer;
  let real: Kubectl;
  let theirs: Simulator;
  let mine: Simulator;
  let client: EngineClient;
  let dir: string;

  beforeAll(async () => {
    const start = Date.now() - 3_600_000;
    theirs = createSimulator({ seed: 5, startTime: start });
    mine = createSimulator({ seed: 5, startTime: start });
    dir = mkdtempSync(join(tmpdir(), 'kubectl-diff-w-'));
    writeFileSync(join(dir, 'api.yaml'), DEPLOYMENT);
    server = await startSimServer({ port: 0, sim: theirs, speed: 0, kubeconfigPath: join(dir, 'kubeconfig') } as never);
    real = new Kubectl(newest, join(dir, 'kubeconfig'));
    client = new EngineClient(mine);
  }, 60_000);

  afterAll(async () => {
    client?.dispose();
    await server?.close();
  });

  it('every step prints the same, and both clusters end up the same', async () => {
    for (const [command, advance] of STEPS) {
      const args = command.split(' ').map((a) => (a === 'api.yaml' ? join(dir, 'api.yaml') : a));
      // an unknown verb must come first (kubectl treats it as a plugin name), so run it without the harness flags
      const r = command.startsWith('gt ') ? await bare(args) : await real.run(...args);
      const m = await ours(client, `kubectl ${command}`, { files: new Map([['api.yaml', DEPLOYMENT]]), now: () => mine.now() });
      expect({ command, stdout: m.stdout }).toEqual({ command, stdout: inV134Wording(r.stdout.replaceAll(join(dir, 'api.yaml'), 'api.yaml')) });
      // errors: the same text; ours then adds exactly one Korean hint line
      const ourErrors = m.stderr.split('\n').filter((l) => !l.startsWith('힌트: ')).join('\n');
      expect({ command, stderr: ourErrors }).toEqual({ command, stderr: r.stderr.replaceAll(join(dir, 'api.yaml'), 'api.yaml') });
      theirs.advance(advance);
      mine.advance(advance);
    }
    const names = (sim: Simulator) => ['Pod', 'Deployment', 'ReplicaSet', 'Service'].flatMap((k) => sim.list(k as never, 'default').items.map((o) => `${k}/${o.metadata?.name}`)).sort();
    expect(names(mine)).toEqual(names(theirs));
  });
});
