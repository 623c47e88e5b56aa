/** Writing responses: JSON bodies, Status errors, and objects with their TypeMeta. */
import type { ServerResponse } from 'node:http';
import type { KindInfo } from '../k8s/kinds';
import { deprecationWarning } from '../k8s/kinds/kind';
import type { Kind, KubeObject, StatusBody } from '../k8s/types';
import { API_VERSION } from '../k8s/types';

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

export function writeStatus(res: ServerResponse, status: StatusBody): void {
  writeJson(res, status.code, status);
}

/** The object with apiVersion and kind first, as the API server serialises it. */
export function withTypeMeta(kind: Kind, obj: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj as KubeObject & Record<string, unknown>;
  return { apiVersion: API_VERSION[kind], kind, ...rest } as KubeObject;
}

/**
 * The Warning header a 1.33+ API server adds to every request on a deprecated API version: the registry's
 * deprecation as a 299 warning with agent `-` (k8s.io/apiserver/pkg/warning); kubectl prints `Warning: <text>`.
 */
export function warnIfDeprecated(res: ServerResponse, info: KindInfo): void {
  const text = deprecationWarning(info);
  if (text) res.setHeader('Warning', `299 - "${text}"`);
}
