import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { FakeClusterClient } from '../kubectl/testing/fake-client';
import { kubectl } from '../kubectl/testing/run';
import { projectObject } from './projection';

/**
 * A pod as the API server returns it for `kubectl create deployment web --image=nginx:1.25` on a kind cluster
 * (fields defaulted by pkg/apis/core/v1/defaults.go and the DefaultTolerationSeconds admission plugin),
 * written out by hand.
 */
const apiServerPod = () => ({
  metadata: {
    name: 'web-d8c4b8b4c-48m75',
    generateName: 'web-d8c4b8b4c-',
    namespace: 'default',
    labels: { app: 'web', 'pod-template-hash': 'd8c4b8b4c' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-d8c4b8b4c', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    uid: 'pod-uid',
    creationTimestamp: '2026-11-30T14:32:18Z',
    resourceVersion: '94',
    managedFields: [{ manager: 'kube-controller-manager', operation: 'Update' }],
  },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'nginx:1.25',
        imagePullPolicy: 'IfNotPresent',
        env: [{ name: 'TOKEN', value: 's3cret' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccountName: 'default',
    serviceAccount: 'default',
    enableServiceLinks: true,
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
    nodeName: 'worker-2',
  },
  status: {
    phase: 'Running',
    qosClass: 'BestEffort',
    conditions: [
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-30T14:32:23Z' },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-30T14:32:18Z' },
    ],
    hostIP: '192.168.56.12',
    hostIPs: [{ ip: '192.168.56.12' }],
    podIP: '10.244.2.4',
    podIPs: [{ ip: '10.244.2.4' }],
    startTime: '2026-11-30T14:32:18Z',
    containerStatuses: [
      {
        name: 'web',
        image: 'docker.io/library/nginx:1.25',
        imageID: 'docker.io/library/nginx@sha256:16869dd915869c4614869ab3138699201a86a4251986a2921886a0ff17869f6c',
        containerID: 'containerd://08bc0fda3c08f5af0dbdd28c4e41c179efe11a4450ec46e3685e3c11abd10a2b',
        ready: true,
        restartCount: 2,
        started: true,
        state: { running: { startedAt: '2026-11-30T14:32:22Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
      },
    ],
  },
});

describe('compact pod projection', () => {
  it('drops defaulted and repeated fields', () => {
    const out = JSON.parse(JSON.stringify(projectObject('Pod', apiServerPod(), { compact: true })));
    for (const k of ['restartPolicy', 'terminationGracePeriodSeconds', 'dnsPolicy', 'schedulerName', 'securityContext', 'serviceAccount', 'enableServiceLinks', 'priority', 'preemptionPolicy']) {
      expect(out.spec, k).not.toHaveProperty(k);
    }
    expect(out.spec.containers[0]).toEqual({ name: 'web', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', env: [{ name: 'TOKEN' }] });
    expect(out.metadata).not.toHaveProperty('generateName');
    expect(out.status).not.toHaveProperty('podIPs');
    expect(out.status).not.toHaveProperty('hostIPs');
    expect(out.status.conditions[0]).toEqual({ type: 'Ready', status: 'True', lastTransitionTime: '2026-11-30T14:32:23Z' });
  });

  it('keeps what the graph, the details panel and kubectl get read', () => {
    const out = JSON.parse(JSON.stringify(projectObject('Pod', apiServerPod(), { compact: true })));
    // every metadata field the API server sent but generateName (its name is there) and managedFields (never sent)
    const { generateName, managedFields, ...metadata } = apiServerPod().metadata;
    expect([generateName, managedFields]).toEqual(['web-d8c4b8b4c-', expect.any(Array)]);
    expect(out.metadata).toEqual(metadata);
    expect(out.spec.nodeName).toBe('worker-2');
    expect(out.spec.serviceAccountName).toBe('default');
    expect(out.status).toMatchObject({ phase: 'Running', qosClass: 'BestEffort', hostIP: '192.168.56.12', podIP: '10.244.2.4', startTime: '2026-11-30T14:32:18Z' });
    // the container's status as the API server sent it, with the IDs `kubectl describe` prints
    expect(out.status.containerStatuses).toEqual(apiServerPod().status.containerStatuses);
    expect(out.spec.tolerations).toEqual(apiServerPod().spec.tolerations);
  });

  it('leaves `kubectl describe pod` exactly as it prints the full projection (Container ID, Image ID, Tolerations)', async () => {
    const describePod = async (compact: boolean) => {
      const client = new FakeClusterClient();
      client.seed('Pod', projectObject('Pod', apiServerPod(), { compact }) as KubeObject);
      return (await kubectl(client, 'kubectl describe pod web-d8c4b8b4c-48m75')).stdout;
    };
    const full = await describePod(false);
    expect(full).toMatch(/Container ID:\s+containerd:\/\/08bc0fda/);
    expect(full).toMatch(/Image ID:\s+docker\.io\/library\/nginx@sha256:16869dd9/);
    expect(full).toMatch(/Tolerations:\s+node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n\s+node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s/);
    expect(await describePod(true)).toBe(full);
  });

  it('keeps values that differ from the defaults', () => {
    const pod = apiServerPod();
    Object.assign(pod.spec, { restartPolicy: 'Never', terminationGracePeriodSeconds: 5, securityContext: { runAsUser: 1000 }, serviceAccount: 'old', priority: 1000 });
    Object.assign(pod.spec.containers[0], { resources: { limits: { memory: '128Mi' } }, terminationMessagePolicy: 'FallbackToLogsOnError' });
    pod.status.podIPs = [{ ip: '10.244.2.4' }, { ip: 'fd00::4' }];
    const out = JSON.parse(JSON.stringify(projectObject('Pod', pod, { compact: true })));
    expect(out.spec).toMatchObject({ restartPolicy: 'Never', terminationGracePeriodSeconds: 5, securityContext: { runAsUser: 1000 }, serviceAccount: 'old', priority: 1000 });
    expect(out.spec.containers[0]).toMatchObject({ resources: { limits: { memory: '128Mi' } }, terminationMessagePolicy: 'FallbackToLogsOnError' });
    expect(out.status.podIPs).toEqual([{ ip: '10.244.2.4' }, { ip: 'fd00::4' }]);
  });

  it('still strips what must never leave the server, and is at most 80 % of the full projection', () => {
    const full = JSON.stringify(projectObject('Pod', apiServerPod()));
    const compact = JSON.stringify(projectObject('Pod', apiServerPod(), { compact: true }));
    expect(compact).not.toContain('s3cret');
    expect(compact).not.toContain('managedFields');
    expect(full).toContain('terminationMessagePath'); // without `compact` nothing but secrets is removed
    // 76 % here: the IDs and tolerations describe prints are ~370 B of this 2 KB pod (57 % without them)
    expect(compact.length).toBeLessThan(0.8 * full.length);
  });

  it('leaves other kinds alone (a Deployment template keeps its defaults)', () => {
    const tmpl = { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', containers: [{ name: 'c', image: 'x', terminationMessagePath: '/dev/termination-log' }] } };
    const out = JSON.stringify(projectObject('Deployment', { metadata: { name: 'd', generateName: 'd-' }, spec: { template: tmpl } }, { compact: true }));
    expect(out).toContain('"restartPolicy":"Always"');
    expect(out).toContain('terminationMessagePath');
    expect(out).toContain('generateName');
  });
});
