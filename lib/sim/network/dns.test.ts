/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/,
 * https://github.com/coredns/coredns/blob/master/plugin/kubernetes/README.md), the pod's resolv.conf as the kubelet
 * writes it for dnsPolicy ClusterFirst, and busybox nslookup's output (networking/nslookup.c: "Server:\t\t%s",
 * "Address:\t%s", "Name:\t%s\nAddress: %s", "** server can't find %s: %s", search domains only for dotless names;
 * `G.exitcode = EXIT_FAILURE` for any error reply, busybox ≥ 1.30 commit 6ca8e347 "nslookup: return exitcode 1 on
 * resolution errors").
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { candidateNames, parseResolvConf, podResolvConf } from './dns';
import { webCluster } from './testing';

describe('names a pod resolves', () => {
  it('svc, svc.ns, svc.ns.svc and the FQDN all reach the ClusterIP through the search path', () => {
    const { sh, svc } = webCluster();
    const ip = svc().spec!.clusterIP!;
    for (const name of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local', 'web.default.svc.cluster.local.'])
      expect(sh('client', `wget -S -O /dev/null http://${name}/`).err.split('\n')[0], name).toBe(`Connecting to ${name} (${ip}:80)`);
  });

  it('another namespace needs its name; a wrong name is "bad address"', () => {
    const { sim, sh } = webCluster();
    sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } } as KubeObject);
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other', namespace: 'team' }, spec: { containers: [{ name: 'c', image: 'busybox:1.37', command: ['sleep', '3600'] }] } } as KubeObject);
    sim.advance(10_000);
    const inTeam = (script: string) => sim.exec('other', 'team', undefined, ['sh', '-c', script]);
    expect(inTeam('wget -qO- http://web/').stderr).toBe("wget: bad address 'web'\n");
    expect(inTeam('wget -qO- http://web.default/').stdout).toContain('Welcome to nginx!');
    expect(sh('client', 'wget -qO- http://wbe/').err).toBe("wget: bad address 'wbe'\n");
  });

  it('the container resolv.conf is the kubelet ClusterFirst one, and getaddrinfo applies ndots:5', () => {
    const { sh } = webCluster();
    expect(sh('client', 'cat /etc/resolv.conf').out).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const conf = parseResolvConf(podResolvConf('default'));
    expect(candidateNames('web', conf)).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    // five dots reach ndots: the name is tried as it is, without the search list (musl lookup_name.c)
    expect(candidateNames('a.b.c.d.e.f', conf)).toEqual(['a.b.c.d.e.f']);
    expect(candidateNames('a.b.c.d.e', conf)[0]).toBe('a.b.c.d.e.default.svc.cluster.local');
    expect(candidateNames('x.', conf)).toEqual(['x']);
  });

  it('pod A records A-B-C-D.NS.pod.cluster.local answer the IP', () => {
    const { sh, webPods } = webCluster();
    const ip = webPods()[0].status!.podIP!;
    expect(sh('client', `wget -qO- http://${ip.replace(/\./g, '-')}.default.pod.cluster.local/`).out).toContain('Welcome to nginx!');
  });

  it('a headless Service resolves to the IPs of its ready pods; hostname.subdomain names one pod', () => {
    const { sim, sh, webPods } = webCluster({ replicas: 2 });
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-h' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject);
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'named', labels: { app: 'web' } }, spec: { hostname: 'db-0', subdomain: 'web-h', containers: [{ name: 'c', image: 'nginx:1.27.3' }] } } as KubeObject);
    sim.advance(10_000);
    const ips = webPods().map((p) => p.status!.podIP!).sort();
    const out = sh('client', 'nslookup -type=A web-h').out;
    const answered = [...out.matchAll(/^Address: (\S+)$/gm)].map((m) => m[1]).sort();
    expect(answered).toEqual(ips);
    const named = sim.get('Pod', 'named') as V1Pod;
    expect(sh('client', 'nslookup db-0.web-h.default.svc.cluster.local').out).toContain(`Name:\tdb-0.web-h.default.svc.cluster.local\nAddress: ${named.status!.podIP}\n`);
  });
});

describe('busybox nslookup', () => {
  it('prints the server, then one block per query under each search domain (A, then AAAA)', () => {
    const { sh, svc } = webCluster();
    const ip = svc().spec!.clusterIP!;
    const r = sh('client', 'nslookup web');
    expect(r.code).toBe(1); // the other search domains answered NXDOMAIN
    expect(r.out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n" +
        // AAAA: the name exists but has no IPv6 record (empty NOERROR answer)
        "\n** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
  });

  it('exits 1 for a name nobody knows, 0 when every query found the name', () => {
    const { sh } = webCluster();
    const wrong = sh('client', 'nslookup wbe; echo "exit $?"');
    expect(wrong.out).toContain("** server can't find wbe.default.svc.cluster.local: NXDOMAIN\n");
    expect(wrong.out.endsWith('exit 1\n')).toBe(true);
    expect(sh('client', 'nslookup web.default.svc.cluster.local >/dev/null; echo $?').out).toBe('0\n');
    expect(sh('client', 'nslookup -type=A web.default >/dev/null; echo $?').out).toBe('1\n');
  });

  it('a dotted name is queried as it is (busybox ignores ndots), so `web.default` is NXDOMAIN there', () => {
    const { sh } = webCluster();
    expect(sh('client', 'nslookup -type=A web.default').out).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: NXDOMAIN\n\n");
    expect(sh('client', 'nslookup -type=A kubernetes.default.svc.cluster.local').out).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
  });
});
