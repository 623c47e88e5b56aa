/**
 * Bare machines behind the sim cluster server (`npm run sim-cluster -- --bare`): machine lines build the cluster and
 * a real kubectl pointed at the server sees the nodes register, NotReady until Calico runs (kubelet's
 * "cni plugin not initialized", pkg/kubelet/kubelet_node_status.go), then Ready.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../sim';
import { startSimServer, type SimServer } from '../simserver';
import { EngineClient } from '../kubectl/testing/engine-client';
import { machineCli } from './cli';

const run = promisify(execFile);
let server: SimServer | undefined;
afterAll(() => server?.close());

describe('bare machines behind the sim cluster server', () => {
  it('real kubectl sees the nodes join and turn Ready once Calico is applied', async () => {
    const sim = createSimulator({ seed: 5, startTime: Date.now(), cluster: { bare: true } });
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-bare-')), 'kubeconfig');
    server = await startSimServer({ sim, port: 0, kubeconfigPath: kubeconfig, speed: 0 });
    const kubectl = async (...args: string[]) => (await run('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig }, timeout: 30_000 })).stdout;
    const cli = machineCli(sim, new EngineClient(sim), 5);

    expect(await kubectl('get', 'nodes', '-o', 'name')).toBe('');
    for (const m of ['master', 'worker-1', 'worker-2']) await cli.run(`${m} sudo swapoff -a`);
    const init = await cli.run('master sudo kubeadm init --pod-network-cidr=10.244.0.0/16');
    const joinLine = /kubeadm join .*\\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}/.exec(init)![0].replace(/ \\\n\t/, ' ');
    for (const w of ['worker-1', 'worker-2']) expect(await cli.run(`${w} sudo ${joinLine}`)).toContain('This node has joined the cluster:');
    sim.advance(30_000);
    const notReady = await kubectl('get', 'nodes', '--no-headers');
    expect(notReady).toMatch(/master\s+NotReady\s+control-plane/);
    expect(notReady.match(/NotReady/g)).toHaveLength(3);

    await cli.run('master mkdir -p $HOME/.kube && sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config && sudo chown $(id -u):$(id -g) $HOME/.kube/config');
    expect(await cli.run('master kubectl apply -f calico.yaml')).toContain('daemonset.apps/calico-node created');
    sim.advance(120_000);
    const ready = await kubectl('get', 'nodes', '--no-headers');
    expect(ready.match(/ Ready /g)).toHaveLength(3);
  }, 60_000);
});
