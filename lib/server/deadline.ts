/**
 * Deadlines for every call to the cluster. client-node 2.x builds a RequestContext per call and hands its
 * signal to undici's fetch; a middleware that sets `AbortSignal.timeout(ms)` on that context is the only
 * hook that reaches the socket. Without it a stalled API server holds the call for undici's 300 s default.
 */
import { Observable, type ConfigurationOptions, type ObservableMiddleware, type RequestContext, type ResponseContext } from '@kubernetes/client-node';

/** Default deadline for reads and writes (ms). */
export const CALL_DEADLINE_MS = 5_000;

/**
 * Deadline for a reflector's full list. A list grows with the cluster — 20,000 pods are ~45 MB of JSON, 8 s from
 * a busy API server — so it gets kube-apiserver's own default request timeout (--request-timeout, 1 minute)
 * instead of the 5 s a single-object call gets; with 5 s such a list timed out, backed off and never synced.
 */
export const LIST_DEADLINE_MS = 60_000;

/** Deadline for the reachability probe behind /api/cluster/info, which must answer within 3 s. */
export const PROBE_DEADLINE_MS = 2_000;

/** Middleware that puts a fresh timeout signal on each request (a signal per call, not per client). */
function deadlineMiddleware(ms: number, extraHeaders?: Record<string, string>): ObservableMiddleware {
  return {
    pre: (ctx: RequestContext) => {
      ctx.setSignal(AbortSignal.timeout(ms));
      for (const [k, v] of Object.entries(extraHeaders ?? {})) ctx.setHeaderParam(k, v);
      return new Observable(Promise.resolve(ctx));
    },
    post: (res: ResponseContext) => new Observable(Promise.resolve(res)),
  };
}

/**
 * Per-call options for the ObjectParam API: `api.listNode({}, withDeadline(2000))`.
 * `extraHeaders` lets a patch pick its Content-Type (the generated client otherwise prefers json-patch).
 */
export function withDeadline(ms: number = CALL_DEADLINE_MS, extraHeaders?: Record<string, string>): ConfigurationOptions {
  // The ObjectParam API hands these straight to the observable layer, so the middleware is the observable kind.
  return { middleware: [deadlineMiddleware(ms, extraHeaders)], middlewareMergeStrategy: 'append' };
}

/** True when an error is our deadline (or any abort), so callers can say "응답 없음" instead of a stack. */
export function isDeadlineError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}
