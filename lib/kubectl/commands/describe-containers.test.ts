/**
 * The container and pod-template blocks of `kubectl describe`, as kubectl v1.34 prints them:
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go — DescribePodTemplate, describeContainers,
 * describeContainerPorts (named ports since v1.34), describeResources (names sorted), DescribeProbe.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { FakeClusterClient } from '../testing/fake-client';
import { kubectl } from '../testing/run';
import { probeText } from './describe-containers';

const container = {
  name: 'web',
  image: 'nginx:1.25',
  ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
  // memory before cpu on purpose: kubectl sorts the names
  resources: { requests: { memory: '64Mi', cpu: '100m' }, limits: { memory: '128Mi', cpu: '500m' } },
  livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 2, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
};

function clientWithShop(): FakeClusterClient {
  const client = new FakeClusterClient();
  client.seed('Deployment', {
    metadata: { name: 'shop', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [container] } } },
    status: {},
  } as KubeObject);
  return client;
}

describe('describe: containers and pod templates', () => {
  it('prints the pod template of a Deployment with ports, resources and probes', async () => {
    const { stdout } = await kubectl(clientWithShop(), 'kubectl describe deployment shop');
    // column padding depends on the whole block (pinned against the real binary in real-kubectl.integration.test.ts)
    const template = stdout.slice(stdout.indexOf('Pod Template:'), stdout.indexOf('OldReplicaSets:')).replace(/(\S) {2,}/g, '$1  ');
    expect(template).toBe(
      [
        'Pod Template:',
        '  Labels:  app=shop',
        '  Containers:',
        '   web:',
        '    Image:  nginx:1.25',
        '    Port:  80/TCP (http)',
        '    Host Port:  0/TCP (http)',
        '    Limits:',
        '      cpu:  500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:  100m',
        '      memory:  64Mi',
        '    Liveness:  http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  tcp-socket :80 delay=2s timeout=1s period=5s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:  <none>',
        '  Volumes:  <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints the same template block for a ReplicaSet', async () => {
    const client = clientWithShop();
    client.seed('ReplicaSet', {
      metadata: { name: 'shop-5d9c', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [container] } } },
      status: { replicas: 1 },
    } as KubeObject);
    const { stdout } = await kubectl(client, 'kubectl describe rs shop-5d9c');
    expect(stdout).toMatch(/^ {4}Requests:\n {6}cpu: +100m\n {6}memory: +64Mi$/m);
    expect(stdout).toMatch(/^ {4}Liveness: +http-get http:\/\/:8080\/healthz delay=0s timeout=1s period=10s #success=1 #failure=3$/m);
  });

  it('formats every probe handler like DescribeProbe', () => {
    const attrs = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
    expect(probeText({ ...attrs, exec: { command: ['cat', '/tmp/healthy'] } })).toBe('exec [cat /tmp/healthy] delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(probeText({ ...attrs, httpGet: { port: 'http', path: '/ready', scheme: 'HTTPS', host: '10.0.0.1' } })).toBe('http-get https://10.0.0.1:http/ready delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(probeText({ ...attrs, tcpSocket: { port: 5432 }, initialDelaySeconds: 15 })).toBe('tcp-socket :5432 delay=15s timeout=1s period=10s #success=1 #failure=3');
  });
});
