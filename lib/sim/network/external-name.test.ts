/**
 * type: ExternalName — the DNS spec (https://github.com/kubernetes/dns/blob/master/docs/specification.md §2.3.1:
 * "a CNAME record ... pointing to the external name") and busybox nslookup's CNAME line (networking/nslookup.c:
 * "%s\tcanonical name = %s"). The simulated cluster has no Internet, so an outside target never gets an address and
 * curl reports the Service name unresolvable; a target inside the cluster zone is followed to its ClusterIP.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { webCluster } from './testing';

const externalName = (name: string, target: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type: 'ExternalName', externalName: target } }) as KubeObject;

describe('ExternalName Services', () => {
  it('answer a CNAME; an outside target has no address here, so curl cannot resolve the name', () => {
    const c = webCluster();
    c.sim.create(externalName('payments', 'api.example.com'));
    const ns = c.sh('curl', 'nslookup -type=A payments').out;
    expect(ns).toContain('payments.default.svc.cluster.local\tcanonical name = api.example.com\n');
    expect(ns).not.toContain('Address: 1');
    expect(c.sh('curl', 'curl -s -S http://payments/').err).toBe('curl: (6) Could not resolve host: payments\n');
  });

  it('a target inside the cluster zone is followed to that Service’s ClusterIP', () => {
    const c = webCluster();
    c.sim.create(externalName('alias', 'web.default.svc.cluster.local'));
    const ip = c.svc().spec!.clusterIP!;
    expect(c.sh('curl', 'nslookup -type=A alias').out).toContain(`alias.default.svc.cluster.local\tcanonical name = web.default.svc.cluster.local\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(c.sh('curl', 'curl -s http://alias/').out).toContain('Welcome to nginx!');
  });
});
