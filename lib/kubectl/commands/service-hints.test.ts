/**
 * A LoadBalancer Service without a cloud load balancer: kubectl prints EXTERNAL-IP `<pending>`
 * (pkg/printers/internalversion/printers.go, getServiceExternalIP → "<pending>" when status.loadBalancer.ingress is
 * empty) and its nodePort still serves (https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer:
 * a LoadBalancer Service is built on a NodePort). The browser terminal adds a Korean note on stderr.
 */
import { describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { executeKubectl } from '..';

async function run(client: SimClient, line: string) {
  let stdout = '';
  let stderr = '';
  const { exitCode } = await executeKubectl(line, { client, files: new Map(), write: (t, s) => void (s === 'stderr' ? (stderr += t) : (stdout += t)), now: () => client.time.now() });
  return { stdout, stderr, exitCode };
}

describe('type: LoadBalancer in a cluster without a cloud provider', () => {
  it('get svc shows <pending> with the Korean note on stderr; the NodePort answers from the laptop', async () => {
    const client = new SimClient({ seed: 7, autoplay: false });
    await client.ready;
    await run(client, 'kubectl create deployment web --image=nginx:1.27.3 --replicas=2');
    await run(client, 'kubectl expose deployment web --name=web-lb --type=LoadBalancer --port=80');
    client.time.step(20_000);
    const got = await run(client, 'kubectl get svc web-lb');
    const row = got.stdout.split('\n')[1].split(/\s+/);
    expect(row.slice(0, 2)).toEqual(['web-lb', 'LoadBalancer']);
    expect(row[3]).toBe('<pending>');
    const nodePort = /^80:(\d+)\/TCP$/.exec(row[4])![1];
    expect(got.stderr).toContain('클라우드 로드밸런서가 없어서');
    expect(got.stderr).toContain(`:${nodePort}로는 지금도 접속할 수 있어요`);
    expect((await run(client, 'kubectl describe svc web-lb')).stderr).toContain('EXTERNAL-IP가 <pending>인 것은 정상이에요');
    expect((await run(client, `curl -s http://192.168.56.12:${nodePort}/`)).stdout).toContain('<title>Welcome to nginx!</title>');
    // a ClusterIP or NodePort Service gets no note
    await run(client, 'kubectl expose deployment web --name=web-np --type=NodePort --port=80');
    expect((await run(client, 'kubectl get svc web-np')).stderr).toBe('');
    client.dispose();
  });
});
