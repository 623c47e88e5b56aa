/**
 * The body of POST /api/cluster/actions, outside the route file so it can be unit-tested with a plain Request.
 * Order: cluster configured → write access (token, origin) → body size and JSON → action validation → run.
 * Every outcome, refused or not, writes one audit line.
 */
import type { ActionResponse, LiveAction } from '../cluster/live-protocol';
import type { StatusBody, StatusReason } from '../k8s/types';
import { audit, type AuditRecord } from './audit';
import { ActionRefused, type ActionOutcome } from './cluster-actions';
import { isDeadlineError } from './deadline';
import { MAX_BODY_BYTES, checkWriteAccess, parseAction } from './policy';
import { getClusterRuntime } from './runtime';

const REASONS: Record<number, StatusReason> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function statusBody(code: number, message: string, reason?: StatusReason): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason ?? REASONS[code] ?? 'InternalError', code };
}

function reply(body: ActionResponse, code: number): Response {
  return Response.json(body, { status: code, headers: { 'cache-control': 'no-store' } });
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
    if (s && s.kind === 'Status' && typeof s.message === 'string') return statusBody(err.code, s.message, s.reason);
    return statusBody(err.code, `클러스터 API 서버 오류 (HTTP ${err.code})`);
  }
  return statusBody(503, `클러스터에 연결할 수 없습니다: ${err.message ?? String(e)}`, 'ServiceUnavailable');
}

function target(a: LiveAction): { namespace?: string; name?: string } {
  if (a.action === 'apply') return { namespace: a.manifest.metadata?.namespace, name: a.manifest.metadata?.name };
  if ('namespace' in a) return { namespace: a.namespace, name: a.name };
  return { name: a.name };
}

export async function handleActionRequest(req: Request, tokenHeader: string): Promise<Response> {
  const rt = getClusterRuntime();
  const who = { remote: req.headers.get('x-forwarded-for')?.split(',')[0].trim(), userAgent: req.headers.get('user-agent') ?? undefined };
  const refuse = (code: 400 | 403 | 404 | 413, message: string, rec: Partial<AuditRecord> = {}) => {
    audit({ action: 'unknown', ...rec, ...who, result: code === 403 ? 'denied' : 'invalid', code, message });
    return reply({ ok: false, status: statusBody(code, message) }, code);
  };
  if (!rt.settings || !rt.actions) return refuse(404, '연결된 클러스터가 없습니다. 시뮬레이터에서는 이 API를 쓰지 않습니다.');
  const access = checkWriteAccess(req.headers, rt.settings.writeToken, tokenHeader);
  if (!access.ok) return refuse(access.code, access.message);
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return refuse(413, '요청 본문이 너무 큽니다.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(400, '요청 본문이 올바른 JSON이 아닙니다.');
  }
  const parsed = parseAction(json, rt.settings.namespaces);
  const actionName = typeof (json as { action?: unknown })?.action === 'string' ? (json as { action: string }).action : 'unknown';
  if (!parsed.ok) return refuse(parsed.code, parsed.message, { action: actionName });
  const action = parsed.value;
  let outcome: ActionOutcome;
  try {
    outcome = await rt.actions.run(action);
  } catch (e) {
    const status = statusFromError(e);
    audit({ action: action.action, ...target(action), ...who, result: 'error', code: status.code, message: status.message });
    return reply({ ok: false, status }, status.code);
  }
  audit({ action: action.action, ...target(action), ...who, result: 'ok', code: 200, message: outcome.message });
  return reply({ ok: true, message: outcome.message, object: outcome.object }, 200);
}
