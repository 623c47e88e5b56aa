/**
 * `?watch=true`: a chunked stream of JSON watch events, one per line, held open until the client
 * leaves, `timeoutSeconds` passes or the server closes. Selector-filtered: an object that stops
 * matching is sent as DELETED, as the API server's watch cache does. Too-old resourceVersions get
 * a single ERROR event carrying a 410 Expired Status, after which the stream ends (client-go and
 * @kubernetes/client-node then relist).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../k8s/types';
import { API_VERSION } from '../k8s/types';
import { matchesFieldSelector, matchesLabelSelector } from '../k8s/selectors';
import type { SimWatchEvent, Watch } from '../sim/types';
import type { ResourceRoute } from './route';
import type { ServerContext } from './context';
import type { ObjectFilter } from './filter';
import { expired, statusOf } from '../k8s/status';
import { tableEnvelope, wantsTable } from './table-response';

export interface WatchParams {
  resourceVersion: string;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
  filter: ObjectFilter;
}

/** Serve one watch request. Resolves when the stream ends. */
export function serveWatch(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, params: WatchParams): Promise<void> {
  const { sim } = ctx;
  const kind = route.resource.kind;
  const asTable = wantsTable(req.headers.accept);
  const objectKey = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
  const matches = (o: KubeObject) =>
    (!route.name || o.metadata?.name === route.name) &&
    matchesLabelSelector(params.filter.labels, o.metadata?.labels) &&
    matchesFieldSelector(params.filter.fields, o);
  const visible = new Set<string>();
  let columnsSent = false;

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.socket?.setNoDelay(true);
  // Send the headers now: clients (fetch in client-node) wait for them before reading events.
  res.flushHeaders();

  const send = (type: string, object: unknown) => {
    res.write(JSON.stringify({ type, object }) + '\n');
  };
  const sendObject = (type: string, o: KubeObject) => {
    if (!asTable) return send(type, o);
    send(type, tableEnvelope(kind, [o], { now: sim.now(), resourceVersion: o.metadata?.resourceVersion, withColumns: !columnsSent }));
    columnsSent = true;
  };
  const deliver = (ev: SimWatchEvent) => {
    const key = objectKey(ev.object);
    if (ev.type === 'DELETED') {
      if (visible.delete(key) || matches(ev.object)) sendObject('DELETED', ev.object);
      return;
    }
    if (matches(ev.object)) {
      visible.add(key);
      sendObject(ev.type, ev.object);
    } else if (visible.delete(key)) {
      sendObject('DELETED', ev.object);
    }
  };

  return new Promise<void>((resolve) => {
    let watch: Watch | undefined;
    const timers: NodeJS.Timeout[] = [];
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      watch?.stop();
      timers.forEach(clearTimeout);
      timers.forEach(clearInterval);
      ctx.activeWatches.delete(end);
      if (!res.writableEnded) res.end();
      resolve();
    };
    ctx.activeWatches.add(end);
    req.on('close', end);
    res.on('close', end);

    const rv = params.resourceVersion;
    try {
      if (rv && rv !== '0' && Number(rv) < ctx.watchFloor) {
        throw expired(`too old resource version: ${rv} (${ctx.watchFloor})`);
      }
      let from = rv;
      if (!rv || rv === '0') {
        // "Start at most recent": synthetic ADDED events for what exists, then changes.
        const list = sim.list(kind, route.namespace);
        for (const o of list.items) if (matches(o)) deliver({ type: 'ADDED', kind, object: o });
        from = list.resourceVersion;
      } else if (route.name || params.filter.labels.requirements.length > 0 || params.filter.fields.length > 0) {
        // Only a filtered watch needs to know what is visible (an object that stops matching is sent as DELETED);
        // an unfiltered one (every reflector's) skips a copy of the whole collection: 20,000 pods at each re-watch.
        for (const o of sim.listStored(kind, route.namespace).items) if (matches(o)) visible.add(objectKey(o));
      }
      watch = sim.watch(kind, { namespace: route.namespace, resourceVersion: from }, deliver);
    } catch (e) {
      const status = statusOf(e);
      send('ERROR', status);
      end();
      return;
    }

    if (params.allowBookmarks) {
      const apiVersion = API_VERSION[kind];
      timers.push(
        setInterval(() => send('BOOKMARK', { kind, apiVersion, metadata: { resourceVersion: sim.resourceVersion() } }), ctx.bookmarkIntervalMs),
      );
    }
    if (params.timeoutSeconds && params.timeoutSeconds > 0) timers.push(setTimeout(end, params.timeoutSeconds * 1000));
  });
}
