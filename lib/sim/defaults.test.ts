/**
 * Probe defaulting, as the API server stores a probe: SetDefaults_Probe (timeout 1s, period 10s, success 1,
 * failure 3) and SetDefaults_HTTPGetAction (path "/", scheme HTTP) in pkg/apis/core/v1/defaults.go.
 * `kubectl describe` prints these numbers, so a probe stored without them reads "timeout=0s … #failure=0".
 */
import { describe, expect, it } from 'vitest';
import type { V1Deployment, V1Pod } from '../k8s/api-types';
import type { KubeObject } from '../k8s/types';
import { applyDefaults } from './defaults';

describe('probe defaults', () => {
  it('fills timeout, period and thresholds, and the HTTP path and scheme, in pods and pod templates', () => {
    const container = { name: 'web', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 2 }, livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 6 } };
    const pod = applyDefaults('Pod', { metadata: { name: 'p' }, spec: { containers: [container] } } as KubeObject, 600) as V1Pod;
    expect(pod.spec!.containers[0].readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, initialDelaySeconds: 2, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(pod.spec!.containers[0].livenessProbe).toEqual({ tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 6 });
    const deployment = applyDefaults('Deployment', { metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [container] } } } } as KubeObject, 600) as V1Deployment;
    expect(deployment.spec!.template.spec!.containers[0].readinessProbe?.timeoutSeconds).toBe(1);
    expect(deployment.spec!.template.spec!.containers[0].startupProbe).toBeUndefined();
  });
});
