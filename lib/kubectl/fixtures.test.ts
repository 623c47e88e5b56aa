/**
 * Output fixtures: the same objects printed by kubectl 1.3x, written out by hand from kubectl's layout rules
 * (tabwriter minwidth 6, padding 3, uppercase headers, last column unpadded).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { FakeClusterClient } from './testing/fake-client';
import { kubectl } from './testing/run';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const NOW = T0 + 2 * 86_400_000 + 3_600_000; // 2 days 1 hour later
const at = (agoMs: number) => new Date(NOW - agoMs).toISOString();

let client: FakeClusterClient;
const run = (line: string) => kubectl(client, line, { now: () => NOW });

function pod(name: string, ageMs: number, over: Record<string, unknown>): KubeObject {
  return {
    metadata: { name, namespace: 'default', creationTimestamp: at(ageMs), labels: { app: name.startsWith('web') ? 'web' : name } },
    spec: { containers: [{ name: name.split('-')[0], image: 'nginx:1.25' }] },
    ...over,
  } as KubeObject;
}

beforeEach(() => {
  client = new FakeClusterClient({ now: () => NOW });
  client.seed('Pod', pod('web-5d9c7b6f4-abcde', 182_000, {
    spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx:1.25' }] },
    status: { phase: 'Running', podIP: '10.244.1.5', containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: {} } }] },
  }));
  client.seed('Pod', pod('web-5d9c7b6f4-fghij', 5_000, {
    spec: { nodeName: 'worker-2', containers: [{ name: 'web', image: 'nginx:1.25' }] },
    status: { phase: 'Pending', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] },
  }));
  client.seed('Pod', pod('crashy', 2 * 86_400_000, {
    spec: { nodeName: 'worker-1', containers: [{ name: 'crashy', image: 'busybox' }] },
    status: {
      phase: 'Running', podIP: '10.244.1.9',
      containerStatuses: [{ name: 'crashy', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: at(50_000) } } }],
    },
  }));
  client.seed('Pod', { metadata: { name: 'coredns-abc', namespace: 'kube-system', creationTimestamp: at(3_600_000) }, spec: { containers: [{ name: 'coredns' }] }, status: { phase: 'Running', containerStatuses: [{ name: 'coredns', ready: true, restartCount: 0, state: { running: {} } }] } } as KubeObject);
  for (const [name, ageMs, ready, replicas] of [['web', 600_000, 2, 3], ['api', 45_000, 1, 1]] as const) {
    client.seed('Deployment', {
      metadata: { name, creationTimestamp: at(ageMs) },
      spec: { replicas, selector: { matchLabels: { app: name } }, template: { spec: { containers: [{ name, image: `nginx:1.25` }] } } },
      status: { readyReplicas: ready, updatedReplicas: replicas, availableReplicas: ready, replicas },
    } as KubeObject);
  }
  client.seed('ReplicaSet', {
    metadata: { name: 'web-5d9c7b6f4', creationTimestamp: at(600_000) },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d9c7b6f4' } }, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
    status: { replicas: 3, readyReplicas: 2 },
  } as KubeObject);
  const node = (name: string, ready: boolean, extra: Record<string, unknown> = {}) =>
    client.seed('Node', {
      metadata: { name, creationTimestamp: at(2 * 86_400_000 + 60_000), labels: name === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
      spec: extra,
      status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }], nodeInfo: { kubeletVersion: 'v1.32.0' } },
    } as KubeObject);
  node('control-plane', true);
  node('worker-1', true, { unschedulable: true });
  node('worker-2', false);
  client.seed('Service', { metadata: { name: 'kubernetes', creationTimestamp: at(2 * 86_400_000) }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] } } as KubeObject);
  client.seed('Service', { metadata: { name: 'web', creationTimestamp: at(300_000) }, spec: { type: 'NodePort', clusterIP: '10.96.45.12', clusterIPs: ['10.96.45.12'], selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } } as KubeObject);
  client.seed('Event', { metadata: { name: 'web-5d9c7b6f4-abcde.1' }, involvedObject: { kind: 'Pod', name: 'web-5d9c7b6f4-abcde' }, type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web-5d9c7b6f4-abcde to worker-1', firstTimestamp: at(30_000), lastTimestamp: at(30_000), count: 1 } as KubeObject);
  client.seed('Event', { metadata: { name: 'crashy.2' }, involvedObject: { kind: 'Pod', name: 'crashy' }, type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container crashy in pod crashy_default', firstTimestamp: at(600_000), lastTimestamp: at(10_000), count: 12 } as KubeObject);
});

describe('kubectl get tables match kubectl 1.3x layout', () => {
  it('get pods', async () => {
    const { stdout } = await run('kubectl get pods');
    expect(stdout).toBe(
      'NAME                  READY   STATUS              RESTARTS      AGE\n' +
      'crashy                0/1     CrashLoopBackOff    4 (50s ago)   2d\n' +
      'web-5d9c7b6f4-abcde   1/1     Running             0             3m2s\n' +
      'web-5d9c7b6f4-fghij   0/1     ContainerCreating   0             5s\n',
    );
  });

  it('get pods -o wide', async () => {
    const { stdout } = await run('kubectl get po -o wide');
    expect(stdout.split('\n')[0]).toBe('NAME                  READY   STATUS              RESTARTS      AGE    IP           NODE       NOMINATED NODE   READINESS GATES');
    expect(stdout.split('\n')[3]).toBe('web-5d9c7b6f4-fghij   0/1     ContainerCreating   0             5s     <none>       worker-2   <none>           <none>');
  });

  it('get pods -A --show-labels adds NAMESPACE first and LABELS last', async () => {
    const { stdout } = await run('kubectl get pods -A --show-labels');
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'NAMESPACE     NAME                  READY   STATUS              RESTARTS      AGE    LABELS',
      'default       crashy                0/1     CrashLoopBackOff    4 (50s ago)   2d     app=crashy',
    ]);
    expect(stdout).toContain('kube-system   coredns-abc           1/1     Running             0             60m    <none>\n');
  });

  it('get deploy', async () => {
    const { stdout } = await run('kubectl get deploy');
    expect(stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'api    1/1     1            1           45s\n' +
      'web    2/3     3            2           10m\n',
    );
  });

  it('get rs -o wide', async () => {
    const { stdout } = await run('kubectl get rs -o wide');
    expect(stdout).toBe(
      'NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
      'web-5d9c7b6f4   3         3         2       10m   web          nginx:1.25   app=web,pod-template-hash=5d9c7b6f4\n',
    );
  });

  it('get nodes', async () => {
    const { stdout } = await run('kubectl get nodes');
    expect(stdout).toBe(
      'NAME            STATUS                     ROLES           AGE   VERSION\n' +
      'control-plane   Ready                      control-plane   2d    v1.32.0\n' +
      'worker-1        Ready,SchedulingDisabled   <none>          2d    v1.32.0\n' +
      'worker-2        NotReady                   <none>          2d    v1.32.0\n',
    );
  });

  it('get svc', async () => {
    const { stdout } = await run('kubectl get svc');
    expect(stdout).toBe(
      'NAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\n' +
      'kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP        2d\n' +
      'web          NodePort    10.96.45.12   <none>        80:30080/TCP   5m\n',
    );
  });

  it('get events', async () => {
    const { stdout } = await run('kubectl get events');
    expect(stdout).toBe(
      'LAST SEEN   TYPE      REASON      OBJECT                    MESSAGE\n' +
      '10s         Warning   BackOff     pod/crashy                Back-off restarting failed container crashy in pod crashy_default\n' +
      '30s         Normal    Scheduled   pod/web-5d9c7b6f4-abcde   Successfully assigned default/web-5d9c7b6f4-abcde to worker-1\n',
    );
  });

  it('prefixes kinds and separates tables when several types are listed', async () => {
    const { stdout } = await run('kubectl get deploy,svc');
    expect(stdout).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'deployment.apps/api   1/1     1            1           45s\n' +
      'deployment.apps/web   2/3     3            2           10m\n' +
      '\n' +
      'NAME                 TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\n' +
      'service/kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP        2d\n' +
      'service/web          NodePort    10.96.45.12   <none>        80:30080/TCP   5m\n',
    );
  });

  it('-o name and the empty-namespace message', async () => {
    expect((await run('kubectl get deploy -o name')).stdout).toBe('deployment.apps/api\ndeployment.apps/web\n');
    const empty = await run('kubectl get pods -n staging');
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe('No resources found in staging namespace.\n');
  });

  it('get -o yaml of one object prints it without a List wrapper, keys sorted', async () => {
    const { stdout } = await run('kubectl get svc web -o yaml');
    expect(stdout.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: "2026-01-03T00:55:00Z"\n')).toBe(true);
    expect(stdout).toContain('  ports:\n  - nodePort: 30080\n    port: 80\n    protocol: TCP\n');
  });

  it('-o jsonpath, -o custom-columns and --sort-by', async () => {
    expect((await run("kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).stdout).toBe('crashy web-5d9c7b6f4-abcde web-5d9c7b6f4-fghij');
    expect((await run('kubectl get pod crashy -o jsonpath={.spec.nodeName}')).stdout).toBe('worker-1');
    expect((await run('kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP')).stdout).toBe(
      'NAME                  NODE       IP\n' +
      'crashy                worker-1   10.244.1.9\n' +
      'web-5d9c7b6f4-abcde   worker-1   10.244.1.5\n' +
      'web-5d9c7b6f4-fghij   worker-2   <none>\n',
    );
    const sorted = await run('kubectl get pods --sort-by=.metadata.creationTimestamp -o name');
    expect(sorted.stdout).toBe('pod/crashy\npod/web-5d9c7b6f4-abcde\npod/web-5d9c7b6f4-fghij\n');
    expect((await run("kubectl get pods -o jsonpath='{.items[?(@.x==1)]}'")).stderr).toContain('error: error parsing jsonpath');
  });
});
