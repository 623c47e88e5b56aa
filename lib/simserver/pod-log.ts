/**
 * GET /api/v1/namespaces/NS/pods/NAME/log: the container's log from the simulator (what its process wrote),
 * with the PodLogOptions query (container, previous, tailLines, sinceSeconds, sinceTime, timestamps,
 * limitBytes, follow). `follow=true` streams new lines until the container stops, the pod goes, or the client leaves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PodLogOptions } from '../sim/types';
import { badRequest } from '../k8s/status';
import type { ServerContext } from './context';

/** How often a follower looks for new lines (wall ms); lines carry their own simulated times. */
const FOLLOW_POLL_MS = 100;

function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`${name}: Invalid value: "${v}": must be an integer`);
  return n;
}

export function podLogOptions(query: URLSearchParams): PodLogOptions {
  const bool = (name: string) => query.get(name) === 'true';
  return {
    container: query.get('container') || undefined,
    previous: bool('previous'),
    timestamps: bool('timestamps'),
    tailLines: intParam(query, 'tailLines'),
    sinceSeconds: intParam(query, 'sinceSeconds'),
    sinceTime: query.get('sinceTime') || undefined,
    limitBytes: intParam(query, 'limitBytes'),
  };
}

const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

export function servePodLog(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, name: string, namespace: string | undefined, query: URLSearchParams): Promise<void> | void {
  const opts = podLogOptions(query);
  const first = ctx.sim.podLog(name, namespace, opts); // throws the 400/404 before any header is sent
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  if (query.get('follow') !== 'true' || first.ended) {
    res.end(text(first.lines));
    return;
  }
  res.write(text(first.lines));
  let after = first.readUntil;
  const uid = ctx.sim.get('Pod', name, namespace).metadata?.uid;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      let next;
      try {
        if (ctx.sim.get('Pod', name, namespace).metadata?.uid !== uid) return end();
        // tail/since applied to the first read only; then everything new
        next = ctx.sim.podLog(name, namespace, { container: opts.container, previous: opts.previous, timestamps: opts.timestamps, after });
      } catch {
        return end(); // the pod is gone, or its container moved on
      }
      if (next.lines.length) res.write(text(next.lines));
      after = next.readUntil;
      if (next.ended) end();
    }, FOLLOW_POLL_MS);
    const end = () => {
      clearInterval(timer);
      ctx.activeWatches.delete(end);
      if (!res.writableEnded) res.end();
      resolve();
    };
    ctx.activeWatches.add(end);
    req.on('close', end);
  });
}
