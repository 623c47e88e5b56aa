/**
 * A scenario step runs its command through the terminal's executor: kubectl with the scenario's files for `-f NAME`,
 * and the load generator (`traffic …`), which changes no object and so is not a write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { performStep, runKubectl, scenarioFiles, stepWrites } from './step-actions';

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

let client: SimClient;
afterEach(() => client.dispose());

const step = (command: string) => ({ title: '단계', narration: '설명', command });

describe('scenario step commands', () => {
  it("apply -f reads the scenario's files; without them kubectl says the file is missing", async () => {
    client = new SimClient({ seed: 1, autoplay: false });
    await client.ready;
    const missing = await performStep(step('kubectl apply -f web.yaml'), client, runKubectl);
    expect(missing?.ok).toBe(false);
    const files = scenarioFiles({ files: { 'web.yaml': SERVICE } });
    const applied = await performStep(step('kubectl apply -f web.yaml'), client, runKubectl, undefined, { files });
    expect(applied).toEqual({ label: 'kubectl apply -f web.yaml', output: 'service/web created\n', ok: true });
  });

  it('traffic start runs the load generator and traffic status reports it', async () => {
    client = new SimClient({ seed: 1, autoplay: false });
    await client.ready;
    await performStep(step('kubectl create deployment web --image=nginx:1.25 --replicas=2'), client, runKubectl);
    await performStep(step('kubectl expose deployment web --port=80'), client, runKubectl);
    for (let i = 0; i < 30; i++) client.time.step(1_000);
    const started = await performStep(step('traffic start svc/web --rate 10'), client, runKubectl);
    expect(started?.ok).toBe(true);
    expect(started?.output).toMatch(/^트래픽 시작: .*초당 10개$/m);
    for (let i = 0; i < 5; i++) client.time.step(1_000);
    expect((await client.traffic!.stats()).running).toBe(true);
    const status = await performStep(step('traffic status'), client, runKubectl);
    expect(status?.output).toMatch(/성공률 100%.*실패 0개/);
  });

  it('counts kubectl writes as writes, and neither reads nor the load generator', () => {
    expect(stepWrites(step('kubectl apply -f web.yaml'))).toBe(true);
    expect(stepWrites(step('kubectl get pods'))).toBe(false);
    expect(stepWrites(step('traffic start svc/web --rate 20'))).toBe(false);
    expect(stepWrites(step('traffic status'))).toBe(false);
  });
});
