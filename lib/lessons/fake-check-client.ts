/**
 * A tiny in-memory CheckClient for unit tests: objects by kind, equality label selectors only,
 * NotFound as the API server reports it.
 */
import { StatusError, type Kind, type KubeObject } from '../k8s/types';
import type { CheckClient } from './check';

function matchesSelector(obj: KubeObject, selector?: string): boolean {
  if (!selector) return true;
  const labels = obj.metadata?.labels ?? {};
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=').map((s) => s.trim());
    return labels[key] === value;
  });
}

/** Build a client over a fixed list of objects (each must carry `kind`). */
export function fakeCheckClient(objects: KubeObject[]): CheckClient {
  const ofKind = (kind: Kind, ns?: string) =>
    objects.filter((o) => o.kind === kind && (ns === undefined || (o.metadata?.namespace ?? 'default') === ns));
  return {
    async list(kind, namespace, opts) {
      return ofKind(kind, namespace).filter((o) => matchesSelector(o, opts?.labelSelector));
    },
    async get(kind, name, namespace) {
      const found = ofKind(kind, namespace).find((o) => o.metadata?.name === name);
      if (found) return found;
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `${kind.toLowerCase()}s "${name}" not found`,
        reason: 'NotFound',
        details: { name, kind: kind.toLowerCase() + 's' },
        code: 404,
      });
    },
  };
}

/** A pod object with the fields checks look at. */
export function podFixture(name: string, opts: { image?: string; phase?: string; labels?: Record<string, string>; ready?: boolean; terminating?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: opts.labels,
      ...(opts.terminating ? { deletionTimestamp: new Date(0) } : {}),
    },
    spec: { containers: [{ name: name.split('-')[0], image: opts.image ?? 'nginx:latest' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  } as KubeObject;
}
