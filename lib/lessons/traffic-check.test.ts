/**
 * `zeroDowntimeRollout: true`: passes only when the Deployment's latest rollout finished while the generator ran and
 * none of its requests failed — false without a readiness probe (new pods are Ready before kubelab/hello:2.0-slow
 * listens: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes), true with one and a
 * preStop sleep (which keeps old pods listening while kube-proxy catches up: lib/sim/network/rollout-prestop.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { kubectl } from '../kubectl/testing/run';
import { evaluateChecks } from './check';
import type { ObjectCheck } from './exercise-spec';

const manifest = (probe: boolean, preStop: boolean) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello}
spec:
  replicas: 3
  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      containers:
      - name: hello
        image: kubelab/hello:1.0
        ports: [{containerPort: 8080}]
${probe ? '        readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 1}\n' : ''}${preStop ? '        lifecycle: {preStop: {sleep: {seconds: 5}}}\n' : ''}---
apiVersion: v1
kind: Service
metadata: {name: hello}
spec:
  selector: {app: hello}
  ports: [{port: 80, targetPort: 8080}]
`;

const CHECK: ObjectCheck[] = [{ kind: 'Deployment', name: 'hello', zeroDowntimeRollout: true }];
let client: SimClient;
afterEach(() => client.dispose());

async function cluster(probe: boolean, preStop = probe) {
  client = new SimClient({ seed: 7, autoplay: false });
  await client.ready;
  const files = new Map([['hello.yaml', manifest(probe, preStop)]]);
  expect((await kubectl(client, 'kubectl apply -f hello.yaml', { files })).exitCode).toBe(0);
  client.advance(30_000);
}

const run = async (line: string) => expect((await kubectl(client, line)).exitCode).toBe(0);
const rollOut = async () => {
  await run('kubectl set image deployment/hello hello=kubelab/hello:2.0-slow');
  for (let i = 0; i < 120; i++) client.advance(1_000);
};

describe('zeroDowntimeRollout check', () => {
  it('fails before any rollout, and for a rollout without traffic', async () => {
    await cluster(true);
    expect((await evaluateChecks(client, CHECK)).failures).toEqual(['디플로이먼트 hello에 아직 롤링 업데이트가 없었습니다. 트래픽을 보내는 동안 이미지를 바꿔 보세요']);
    await rollOut();
    expect((await evaluateChecks(client, CHECK)).failures[0]).toMatch(/^롤아웃\(리비전 2\)이 진행되는 동안 트래픽이 계속 흐르지 않았습니다/);
  });

  it('fails when requests were dropped (no readiness probe), with the count', async () => {
    await cluster(false);
    await run('traffic start svc/hello --rate 20');
    await rollOut();
    const { ok, failures } = await evaluateChecks(client, CHECK);
    expect(ok).toBe(false);
    expect(failures[0]).toMatch(/^롤아웃 동안 요청 \d+개 중 [1-9]\d*개가 실패했습니다. 새 파드에는 준비성 프로브를, 물러나는 옛 파드에는 preStop을 넣고 다시 해 보세요$/);
  });

  it('fails with a readiness probe but no preStop: old pods refuse requests while kube-proxy catches up', async () => {
    await cluster(true, false);
    await run('traffic start svc/hello --rate 20');
    await rollOut();
    expect((await evaluateChecks(client, CHECK)).failures[0]).toMatch(/^롤아웃 동안 요청 \d+개 중 [1-9]\d*개가 실패했습니다/);
  });

  it('passes with a readiness probe and preStop', async () => {
    await cluster(true);
    await run('traffic start svc/hello --rate 20');
    await rollOut();
    expect(await evaluateChecks(client, CHECK)).toEqual({ ok: true, failures: [] });
  });
});
