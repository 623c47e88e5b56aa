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

/** Items serialised per write of a list: ~0.5 MB of pods, a few ms of JSON.stringify. */
export const LIST_SLICE_ITEMS = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/**
 * `writeJson(res, 200, { ...head, items: items.map(item) })` as a stream of slices: LIST_SLICE_ITEMS items are
 * serialised and written at a time, after the socket has taken the previous ones (or a turn of the event loop),
 * so a list of 20,000 pods (45 MB) is never one string and its copies, and watches and other requests are served
 * between slices, as the API server streams big lists (KEP-5116). Chunked transfer instead of a Content-Length.
 */
export async function writeJsonList(res: ServerResponse, head: Record<string, unknown>, items: readonly KubeObject[], item: (o: KubeObject) => unknown): Promise<void> {
  if (items.length <= LIST_SLICE_ITEMS) return writeJson(res, 200, { ...head, items: items.map(item) });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  const open = JSON.stringify({ ...head, items: [] });
  let text = open.slice(0, -2); // up to and including `"items":[`
  for (let at = 0; at < items.length; at += LIST_SLICE_ITEMS) {
    const end = Math.min(items.length, at + LIST_SLICE_ITEMS);
    for (let i = at; i < end; i++) text += (i === 0 ? '' : ',') + JSON.stringify(item(items[i]));
    const room = res.write(text);
    text = '';
    if (res.destroyed) return;
    await (room ? nextTurn() : drained(res));
    if (res.destroyed) return;
  }
  res.end(']}');
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
