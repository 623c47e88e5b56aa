/**
 * REST calls to a real cluster for any registered kind, with the URL spelled from the kind registry (plural,
 * group/version, namespaced) instead of one typed client method per kind: a kind added to lib/k8s/kinds is
 * reachable here without an edit. Which kinds may be read or written stays policy's decision (upstream-types.ts,
 * policy.ts); this file only knows how to address them.
 *
 * Transport is client-node's: KubernetesObjectApi's request path applies the kubeconfig's credentials and TLS,
 * runs the configuration's middleware (our per-call deadline) and throws ApiException (code + Status body) for
 * a non-2xx answer, exactly as the typed APIs did.
 */
import {
  KubernetesObjectApi,
  Observable,
  RequestContext,
  type ResponseContext,
  ServerConfiguration,
  createConfiguration,
  type HttpMethod,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { apiVersionOf, kindOf, type RegisteredKind } from '../k8s/kinds';
import { CALL_DEADLINE_MS } from './deadline';

/**
 * `/apis/apps/v1/namespaces/default/deployments[/web]`, `/api/v1/nodes[/worker-1]`. Names and namespaces were
 * validated as DNS names before here (names.ts); they are escaped anyway so a path can never gain a segment.
 */
export function restPath(kind: RegisteredKind, namespace?: string, name?: string): string {
  const info = kindOf(kind);
  const root = info.group ? `/apis/${apiVersionOf(info)}` : `/api/${info.version}`;
  const scope = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${info.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}

export interface CallOptions {
  body?: unknown;
  /** Content-Type of the body; patches name their strategy here. */
  contentType?: string;
}

/** Generic calls on top of client-node's request pipeline (its protected requestPromise). */
export class RegistryApi extends KubernetesObjectApi {
  /** A client for the kubeconfig's current cluster whose every call carries a fresh `deadlineMs` timeout. */
  static forKubeConfig(kc: KubeConfig, deadlineMs = CALL_DEADLINE_MS): RegistryApi {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('No active cluster!');
    return new RegistryApi(
      createConfiguration({
        baseServer: new ServerConfiguration(cluster.server, {}),
        authMethods: { default: kc },
        middleware: [
          {
            // a signal per call, not per client: one stalled call must not abort the next
            pre: (ctx: RequestContext) => (ctx.setSignal(AbortSignal.timeout(deadlineMs)), new Observable(Promise.resolve(ctx))),
            post: (res) => new Observable(Promise.resolve(res)),
          },
        ],
      }),
    );
  }

  /** Sends one request and returns the decoded object (typed as client-node's models decode it). */
  async call<T = KubernetesObject>(method: `${HttpMethod}`, path: string, opts: CallOptions = {}): Promise<T> {
    const ctx = this.configuration.baseServer.makeRequestContext(path, method as HttpMethod);
    ctx.setHeaderParam('Accept', 'application/json');
    if (opts.body !== undefined) {
      ctx.setHeaderParam('Content-Type', opts.contentType ?? 'application/json');
      ctx.setBody(JSON.stringify(opts.body));
    }
    return this.requestPromise(ctx) as Promise<T>;
  }

  /**
   * GET as the plain JSON the server sent: client-node's conversion into its model classes (typed copies of every
   * field, Dates for timestamps) is skipped. For lists that are projected at once: at 20,000 pods that conversion was
   * ~1.6 s of CPU and a copy of 45 MB of objects, then undone by the projection's own JSON round trip.
   */
  async getJson<T>(path: string, query?: Record<string, string>): Promise<T> {
    const ctx = this.configuration.baseServer.makeRequestContext(path, 'GET' as HttpMethod);
    ctx.setHeaderParam('Accept', 'application/json');
    for (const [name, value] of Object.entries(query ?? {})) ctx.setQueryParam(name, value);
    return this.requestPromise(ctx, PLAIN_JSON) as Promise<T>;
  }

  /**
   * A 2xx answer to getJson is JSON.parse of its body and nothing more. client-node's deserializer, even for its
   * 'any' type, turns a body with apiVersion and kind (every list) into a KubernetesObject whose metadata is read as
   * an ObjectMeta: a list's `continue` and `remainingItemCount` (ListMeta) were dropped, so a paged list ended
   * after its first page. Errors still go through client-node (ApiException with the Status body).
   */
  protected override async processResponse<T extends KubernetesObject>(response: ResponseContext, type?: string): Promise<T> {
    if (type !== PLAIN_JSON || response.httpStatusCode < 200 || response.httpStatusCode > 299) return super.processResponse<T>(response, type);
    return JSON.parse(await response.body.text()) as T;
  }
}

/** The response type getJson asks for: not one of client-node's, so only processResponse above reads it. */
const PLAIN_JSON = 'plain-json';
