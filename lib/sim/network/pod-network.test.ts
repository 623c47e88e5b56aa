/**
 * Pod networking: every pod's IP from its node's podCIDR (the host-local IPAM the kubeadm lesson sets up with
 * --pod-network-cidr=10.244.0.0/16; https://kubernetes.io/docs/concepts/cluster-administration/networking/:
 * "pods can communicate with all other pods on any other node without NAT"), hostNetwork pods on the node's
 * address, and the containers of one pod sharing localhost.
 */
import { describe, expect, it } from 'vitest';
import type { V1Node, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { inCidr } from './ip';
import { webCluster } from './testing';

describe('pod addresses', () => {
  it('every pod IP lies in its node podCIDR; hostNetwork pods use the node IP', () => {
    const { sim } = webCluster({ replicas: 6 });
    const nodes = new Map((sim.list('Node').items as V1Node[]).map((n) => [n.metadata!.name!, n]));
    const pods = sim.list('Pod').items as V1Pod[];
    expect(pods.length).toBeGreaterThan(15);
    for (const p of pods) {
      const node = nodes.get(p.spec!.nodeName!)!;
      const nodeIp = node.status!.addresses!.find((a) => a.type === 'InternalIP')!.address;
      if (p.spec?.hostNetwork) expect(p.status!.podIP, p.metadata!.name).toBe(nodeIp);
      else expect(inCidr(p.status!.podIP!, node.spec!.podCIDR!), `${p.metadata!.name} ${p.status!.podIP} in ${node.spec!.podCIDR}`).toBe(true);
    }
  });

  it('inCidr checks the prefix bits', () => {
    expect(inCidr('10.244.1.7', '10.244.1.0/24')).toBe(true);
    expect(inCidr('10.244.2.7', '10.244.1.0/24')).toBe(false);
    expect(inCidr('10.244.2.7', '10.244.0.0/16')).toBe(true);
    expect(inCidr('nonsense', '10.244.0.0/16')).toBe(false);
  });
});

describe('pod to pod', () => {
  it('a pod reaches a pod on another node by its IP, and the app logs the client pod IP', () => {
    const { sim, sh, webPods } = webCluster();
    const far = webPods().find((p) => p.spec!.nodeName === 'worker-2')!;
    const client = sim.get('Pod', 'client') as V1Pod;
    expect(client.spec!.nodeName).toBe('worker-1');
    const r = sh('client', `wget -qO- http://${far.status!.podIP}/`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<h1>Welcome to nginx!</h1>');
    const log = sim.podLog(far.metadata!.name!, 'default', { tailLines: 1 }).lines[0];
    expect(log).toMatch(new RegExp(`^${client.status!.podIP!.replace(/\./g, '\\.')} - - \\[15/Jan/2025:00:00:15 \\+0000\\] "GET / HTTP/1.1" 200 \\d+ "-" "Wget" "-"$`));
  });

  it('containers of one pod share localhost: a sidecar reaches the app on 127.0.0.1', () => {
    const { sim } = webCluster({ replicas: 0 });
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'duo' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3' }, { name: 'side', image: 'busybox:1.37', command: ['sleep', '3600'] }] } } as KubeObject);
    sim.advance(10_000);
    const r = sim.exec('duo', 'default', 'side', ['wget', '-qO-', 'http://localhost/']);
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(sim.podLog('duo', 'default', { container: 'app', tailLines: 1 }).lines[0]).toMatch(/^127\.0\.0\.1 - - /);
    // nothing listens on 8080 in the pod: the kernel refuses
    expect(sim.exec('duo', 'default', 'side', ['wget', '-qO-', 'http://127.0.0.1:8080/']).stderr).toBe("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
  });

  it('an address in a podCIDR that no pod holds times out; a pod whose port is closed refuses', () => {
    const { sh, webPods } = webCluster();
    expect(sh('client', 'wget -T 2 -qO- http://10.244.2.200/').err).toBe('wget: download timed out\n');
    expect(sh('client', `wget -qO- http://${webPods()[0].status!.podIP}:8080/`).err).toBe(`wget: can't connect to remote host (${webPods()[0].status!.podIP}): Connection refused\n`);
  });
});
