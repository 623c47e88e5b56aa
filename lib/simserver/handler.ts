/**
 * The request handler: routes discovery and resource paths, turns thrown StatusErrors into Status
 * responses, and answers OpenAPI v2 as protobuf or JSON, whichever the client asked for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import { OPENAPI_V2, discoveryDocument } from './discovery';
import { encodeFields } from './protobuf/wire';
import { handleDaemonSets } from './daemonsets';
import { handleResource } from './resource-handlers';
import { writeJson, writeStatus } from './respond';
import { parseRoute } from './route';
import { methodNotAllowed, pathNotFound, statusOf } from './status';

const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** Create the node:http request listener for one server context. */
export function createRequestHandler(ctx: ServerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      writeStatus(res, statusOf(e));
    });
  };
}

async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kubesim');
  if (handleDaemonSets(ctx.sim, req, res, url.pathname, url.searchParams)) return;
  const route = parseRoute(url.pathname);
  if (route.type === 'resource') return handleResource(ctx, req, res, route, url.searchParams);
  if (route.type === 'discovery') {
    if (req.method !== 'GET' && req.method !== 'HEAD') return writeStatus(res, methodNotAllowed());
    if (route.path === '/openapi/v2' && (req.headers.accept ?? '').includes('protobuf')) return writeOpenApiProtobuf(res);
    const doc = discoveryDocument(route.path, ctx.serverAddress);
    if (!doc) return writeStatus(res, pathNotFound());
    if (doc.contentType) {
      res.writeHead(doc.status, { 'Content-Type': doc.contentType });
      res.end(String(doc.body));
      return;
    }
    return writeJson(res, doc.status, doc.body);
  }
  writeStatus(res, pathNotFound());
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
