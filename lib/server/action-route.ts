/**
 * The body of POST /api/cluster/actions, outside the route file so it can be unit-tested with a plain Request.
 * Order: cluster configured → rate limits (per client address) → write access (token, origin) → body size
 * and JSON → action validation (names, namespaces, pod security) → run.
 * Every outcome, refused or not, goes to the (rate-limited) audit log with the client's address.
 */
import type { ActionResponse, LiveAction } from '../cluster/live-protocol';
import { reasonForCode } from '../k8s/status';
import type { StatusBody, StatusReason } from '../k8s/types';
import { auditLog, type AuditLog, type AuditRecord } from './audit';
import { clientAddress, rateKey } from './client-address';
import { ActionRefused, type ActionOutcome } from './cluster-actions';
import { isDeadlineError } from './deadline';
import { echo } from './names';
import { MAX_BODY_BYTES, checkWriteAccess, parseAction } from './policy';
import { RateLimiter } from './rate-limit';
import { readBodyLimited } from './read-body';
import { getClusterRuntime } from './runtime';
import { securitySettings, type SecuritySettings } from './security-settings';
import { processGlobals } from './process-globals';

function statusBody(code: number, message: string, reason?: StatusReason): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason ?? reasonForCode(code), code };
}

function reply(body: ActionResponse, code: number, extraHeaders: Record<string, string> = {}): Response {
  return Response.json(body, { status: code, headers: { 'cache-control': 'no-store', ...extraHeaders } });
}

/** The API server's own Status (message in English, as kubectl prints it), or ours for transport failures. */
export function statusFromError(e: unknown): StatusBody {
  if (e instanceof ActionRefused) return statusBody(e.code, e.message);
  if (isDeadlineError(e)) return statusBody(504, '클러스터 API 서버가 제때 응답하지 않았습니다.', 'Timeout');
  const err = e as { code?: unknown; body?: unknown; message?: string };
  if (typeof err.code === 'number' && err.code >= 400) {
    let body = err.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* not JSON: fall through to the generic message */
      }
    }
    const s = body as Partial<StatusBody> | undefined;
    // The API server quotes invalid values back in full; a manifest can carry a 200 KB string.
    if (s && s.kind === 'Status' && typeof s.message === 'string') return statusBody(err.code, echo(s.message, 300), s.reason);
    return statusBody(err.code, `클러스터 API 서버 오류 (HTTP ${err.code})`);
  }
  return statusBody(503, `클러스터에 연결할 수 없습니다: ${echo(err.message ?? String(e), 200)}`, 'ServiceUnavailable');
}

function target(a: LiveAction): { namespace?: string; name?: string } {
  if (a.action === 'apply') return { namespace: a.manifest.metadata?.namespace, name: a.manifest.metadata?.name };
  if ('namespace' in a) return { namespace: a.namespace, name: a.name };
  return { name: a.name };
}

/** Two buckets per client address: all write requests, and refused ones (token guessing, foreign origins). */
export class ActionLimits {
  readonly requests: RateLimiter;
  readonly failures: RateLimiter;

  constructor(s: Pick<SecuritySettings, 'actionsPerMinute' | 'failuresPerMinute'>, now?: () => number) {
    this.requests = new RateLimiter({ perMinute: s.actionsPerMinute, burst: Math.ceil(s.actionsPerMinute / 2), now });
    this.failures = new RateLimiter({ perMinute: s.failuresPerMinute, burst: s.failuresPerMinute, now });
  }
}

export interface ActionDeps {
  cluster: { writeToken: string | null; namespaces: readonly string[] } | null;
  actions: { run(a: LiveAction): Promise<ActionOutcome> } | null;
  security: SecuritySettings;
  limits: ActionLimits;
  audit: AuditLog;
}

function processDeps(): ActionDeps {
  const rt = getClusterRuntime();
  const security = securitySettings();
  return { cluster: rt.settings, actions: rt.actions, security, limits: (processGlobals().actionLimits ??= new ActionLimits(security)), audit: auditLog() };
}

const tooMany = (retryAfterS: number, failures: boolean) =>
  failures
    ? `거절된 쓰기 요청이 너무 많습니다. ${retryAfterS}초 뒤에 다시 시도하세요. 토큰은 강사에게 확인하세요.`
    : `쓰기 요청이 너무 잦습니다. ${retryAfterS}초 뒤에 다시 시도하세요.`;

export async function handleActionRequest(req: Request, tokenHeader: string, deps: ActionDeps = processDeps()): Promise<Response> {
  const { cluster, actions, security, limits } = deps;
  const remote = clientAddress(req.headers, security);
  const who = { remote, userAgent: req.headers.get('user-agent') ?? undefined };
  const log = (rec: AuditRecord) => deps.audit.write({ ...rec, ...who });
  const refuse = (code: 400 | 403 | 404 | 413 | 429, message: string, rec: Partial<AuditRecord> = {}, headers: Record<string, string> = {}) => {
    log({ action: 'unknown', ...rec, result: code === 403 ? 'denied' : code === 429 ? 'limited' : 'invalid', code, message });
    return reply({ ok: false, status: statusBody(code, message) }, code, headers);
  };
  if (!cluster || !actions) return refuse(404, '연결된 클러스터가 없습니다. 시뮬레이터에서는 이 API를 쓰지 않습니다.');
  const key = rateKey(remote);
  // An address that keeps failing is refused before its token is even compared.
  const failing = limits.failures.check(key);
  if (!failing.ok) return refuse(429, tooMany(failing.retryAfterS, true), {}, { 'retry-after': String(failing.retryAfterS) });
  const rate = limits.requests.take(key);
  if (!rate.ok) return refuse(429, tooMany(rate.retryAfterS, false), {}, { 'retry-after': String(rate.retryAfterS) });
  const access = checkWriteAccess(req.headers, cluster.writeToken, tokenHeader, security);
  if (!access.ok) {
    limits.failures.take(key);
    return refuse(access.code, access.message);
  }
  const body = await readBodyLimited(req, MAX_BODY_BYTES);
  if (!body.ok) return refuse(body.code, body.message);
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return refuse(400, '요청 본문이 올바른 JSON이 아닙니다.');
  }
  const parsed = parseAction(json, cluster.namespaces, security.podSecurity);
  const actionName = typeof (json as { action?: unknown })?.action === 'string' ? (json as { action: string }).action : 'unknown';
  if (!parsed.ok) return refuse(parsed.code, parsed.message, { action: actionName });
  const action = parsed.value;
  let outcome: ActionOutcome;
  try {
    outcome = await actions.run(action);
  } catch (e) {
    const status = statusFromError(e);
    log({ action: action.action, ...target(action), result: 'error', code: status.code, message: status.message });
    return reply({ ok: false, status }, status.code);
  }
  log({ action: action.action, ...target(action), result: 'ok', code: 200, message: outcome.message });
  return reply({ ok: true, message: outcome.message, object: outcome.object }, 200);
}
