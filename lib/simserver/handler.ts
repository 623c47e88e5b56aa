/**
 * The request handler: routes discovery and resource paths, turns thrown StatusErrors into Status
 * responses, answers OpenAPI v2 as protobuf or JSON, whichever the client asked for, and OpenAPI v3 (openapi-v3.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import { OPENAPI_V2, discoveryDocument } from './discovery';
import { encodeFields } from './protobuf/wire';
import { openApiV3Document, openApiV3Index } from './openapi-v3';
import { handleResource } from './resource-handlers';
import { isMetricsPath, serveMetrics } from './metrics';
import { warnIfDeprecated, writeJson, writeStatus } from './respond';
import { parseRoute } from './route';
import { badRequest, methodNotAllowed, pathNotFound, statusOf } from '../k8s/status';

const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** Create the node:http request listener for one server context. */
export function createRequestHandler(ctx: ServerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      const status = statusOf(e);
      // a 500 is a bug in the simulator: leave a trace for whoever runs the server
      if (status.code >= 500) console.error('kubesim: internal error:', e);
      if (status.code === 413) res.setHeader('Connection', 'close'); // the rest of the body is not read (body.ts)
      writeStatus(res, status);
    });
  };
}

/**
 * Path and query of the request target, without `new URL`: a target like `//` or `//x/y` would
 * be read as a host name (or be invalid) there. Percent-escapes stay in the path; parseRoute
 * decodes them segment by segment.
 */
function splitTarget(target: string): { pathname: string; query: URLSearchParams } {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target); // absolute-form, as sent to proxies
  const rest = absolute ? target.slice(absolute[0].length) || '/' : target;
  const q = rest.indexOf('?');
  const pathname = (q < 0 ? rest : rest.slice(0, q)).split('#')[0];
  return { pathname: pathname.startsWith('/') ? pathname : `/${pathname}`, query: new URLSearchParams(q < 0 ? '' : rest.slice(q + 1).split('#')[0]) };
}

async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = splitTarget(req.url ?? '/');
  if (url.pathname === '/openapi/v3' || url.pathname.startsWith('/openapi/v3/')) return writeOpenApiV3(req, res, url.pathname, url.query);
  if (isMetricsPath(url.pathname)) return serveMetrics(ctx, req, res, url.pathname, url.query);
  const route = parseRoute(url.pathname);
  if (route.type === 'bad-path') return writeStatus(res, badRequest(route.message).status);
  if (route.type === 'resource') {
    warnIfDeprecated(res, route.resource);
    return handleResource(ctx, req, res, route, url.query);
  }
  if (route.type === 'discovery') {
    if (req.method !== 'GET' && req.method !== 'HEAD') return writeStatus(res, methodNotAllowed().status);
    if (route.path === '/openapi/v2' && (req.headers.accept ?? '').includes('protobuf')) return writeOpenApiProtobuf(res);
    const doc = discoveryDocument(route.path, ctx.serverAddress);
    if (!doc) return writeStatus(res, pathNotFound().status);
    if (doc.contentType) {
      res.writeHead(doc.status, { 'Content-Type': doc.contentType });
      res.end(String(doc.body));
      return;
    }
    return writeJson(res, doc.status, doc.body);
  }
  writeStatus(res, pathNotFound().status);
}

/**
 * /openapi/v3 and its group-version documents (openapi-v3.ts). As kube-openapi's handler3 does, a request naming an
 * old `hash` is redirected to the current one, and one naming the current hash may be cached for good.
 */
function writeOpenApiV3(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return writeStatus(res, methodNotAllowed().status);
  const key = pathname.replace(/^\/openapi\/v3\/?/, '').replace(/\/$/, '');
  if (!key) return writeJson(res, 200, openApiV3Index());
  const doc = openApiV3Document(key);
  if (!doc) return writeStatus(res, pathNotFound().status);
  const hash = query.get('hash');
  if (hash && hash !== doc.hash) {
    res.writeHead(301, { Location: `/openapi/v3/${key}?hash=${doc.hash}` });
    res.end();
    return;
  }
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json', ETag: `"${doc.hash}"`, 'Content-Length': Buffer.byteLength(doc.body) };
  if (hash) headers['Cache-Control'] = 'public, immutable';
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : doc.body);
}

/** gnostic openapi_v2.Document: swagger = 1, info = 2 (Info: title = 1, version = 2). */
function writeOpenApiProtobuf(res: ServerResponse): void {
  const info = encodeFields([
    { field: 1, value: OPENAPI_V2.info.title },
    { field: 2, value: OPENAPI_V2.info.version },
  ]);
  const body = encodeFields([
    { field: 1, value: OPENAPI_V2.swagger },
    { field: 2, value: info },
  ]);
  res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF, 'Content-Length': body.length });
  res.end(Buffer.from(body));
}
