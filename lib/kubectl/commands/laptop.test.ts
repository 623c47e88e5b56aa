/**
 * `curl` in the browser terminal is the student's laptop: a NodePort on a node IP answers
 * (https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport: "each node proxies that port"),
 * a ClusterIP does not ("reachable only from within the cluster"), a Service name doesn't resolve there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { V1Service } from '../../k8s/api-types';
import { SimClient } from '../../cluster/sim-client';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string) => kubectl(client, line);

beforeEach(async () => {
  client = new SimClient({ seed: 3, autoplay: false });
  await client.ready;
  await run('kubectl create deployment web --image=nginx:1.27.3 --replicas=2');
  await run('kubectl expose deployment web --port=80 --type=NodePort');
  client.advance(30_000);
});

describe('curl from the laptop', () => {
  it('reaches the app through a node IP and NodePort', async () => {
    const svc = (await client.get('Service', 'web', 'default')) as V1Service;
    const r = await run(`curl -s http://192.168.56.11:${svc.spec!.ports![0].nodePort}/`);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('a ClusterIP times out and a Service name does not resolve, each with a Korean hint', async () => {
    const svc = (await client.get('Service', 'web', 'default')) as V1Service;
    const ip = svc.spec!.clusterIP!;
    const timedOut = await run(`curl -m 3 http://${ip}/`);
    expect(timedOut.exitCode).toBe(28);
    expect(timedOut.stderr).toBe(`curl: (28) Failed to connect to ${ip} port 80 after 3000 ms: Timeout was reached\n힌트: 이 터미널은 클러스터 밖(내 컴퓨터)이에요. 밖에서는 노드 IP(kubectl get nodes -o wide)와 NodePort로만 닿아요. 클러스터 안에서 보내려면 kubectl exec로 파드 안에서 실행해 보세요.\n`);
    expect((await run('curl http://web/')).stderr).toMatch(/^curl: \(6\) Could not resolve host: web\n힌트:/);
  });

  it('kubectl exec into a client pod reaches the Service by name', async () => {
    await run('kubectl run tmp --image=curlimages/curl:8.11.1 -- sleep 3600');
    client.advance(15_000);
    const r = await run("kubectl exec tmp -- curl -s -o /dev/null -w '%{http_code}\\n' http://web/");
    expect(r).toEqual({ stdout: '200\n', stderr: '', exitCode: 0 });
  });
});
