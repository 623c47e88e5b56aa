import { describe, expect, it } from 'vitest';

import { API_VERSION } from './types';

// The API group/version each kind is served under, as the API reference lists them
// (https://kubernetes.io/docs/reference/kubernetes-api/). API_VERSION is computed from the registry and typed
// as the object types' literal apiVersion; this pins that the two agree.
describe('API_VERSION', () => {
  it('gives each stored kind the apiVersion Kubernetes serves it under', () => {
    expect(API_VERSION).toEqual({
      Namespace: 'v1', Node: 'v1', Pod: 'v1', Service: 'v1', Endpoints: 'v1', ConfigMap: 'v1', Secret: 'v1', Event: 'v1',
      ReplicaSet: 'apps/v1', Deployment: 'apps/v1', DaemonSet: 'apps/v1',
      Job: 'batch/v1', CronJob: 'batch/v1',
      PodDisruptionBudget: 'policy/v1',
      Ingress: 'networking.k8s.io/v1',
      IngressClass: 'networking.k8s.io/v1',
      EndpointSlice: 'discovery.k8s.io/v1',
    });
  });
});
