/**
 * A CheckClient over a Kubernetes REST API reached by plain HTTP (the sim cluster server's own http:// URL, as its
 * kubeconfig names it): lesson checks evaluated through the API a real kubectl uses, not the engine behind it.
 * Only list (with a label selector) and get, which is all evaluateChecks reads.
 */
import { kindOf } from '../k8s/kinds/registry';
import { StatusError, type Kind, type KubeObject, type StatusBody } from '../k8s/types';
import type { CheckClient } from './check';

function collectionPath(base: string, kind: Kind, namespace?: string): string {
  const k = kindOf(kind);
  const root = k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`;
  return `${base}/${root}${namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${k.plural}`;
}

async function read(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as { kind?: string };
  if (!res.ok || body.kind === 'Status') throw new StatusError(body as StatusBody);
  return body;
}

export function httpCheckClient(baseUrl: string): CheckClient {
  return {
    async list(kind, namespace, opts) {
      const q = opts?.labelSelector ? `?labelSelector=${encodeURIComponent(opts.labelSelector)}` : '';
      const list = (await read(`${collectionPath(baseUrl, kind, namespace)}${q}`)) as { items: KubeObject[] };
      return list.items;
    },
    async get(kind, name, namespace) {
      return (await read(`${collectionPath(baseUrl, kind, namespace)}/${encodeURIComponent(name)}`)) as KubeObject;
    },
  };
}
