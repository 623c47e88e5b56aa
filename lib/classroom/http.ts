/**
 * The shape every classroom route shares: rate limit per client address, JSON body validated by a zod schema,
 * Korean errors as 4xx, and a Korean 503 (never a stack trace) when storage can't be opened.
 */
import type { z } from 'zod';
import { clientAddress, rateKey } from '@/lib/server/client-address';
import { securitySettings } from '@/lib/server/security-settings';
import { getClassroom, type ClassroomRuntime } from './runtime';
import { ClassroomError } from './service';
import { firstIssue } from './validation';
import type { RateRule } from './rate-limit';

const NO_STORE = { 'cache-control': 'no-store' };

export const koreanError = (message: string, status: number, headers: Record<string, string> = {}) => Response.json({ message }, { status, headers: { ...NO_STORE, ...headers } });

/**
 * The key a classroom request is rate-limited by: the socket's address (or, with TRUST_PROXY, what our own
 * proxies forwarded), per /64 for IPv6. A client-written X-Forwarded-For never picks a fresh bucket.
 */
export function rateAddress(req: Request): string {
  return rateKey(clientAddress(req.headers, securitySettings()));
}

export function instructorKey(req: Request): string {
  return req.headers.get('x-class-key') ?? '';
}

export async function withClassroom(req: Request, bucket: string, rule: RateRule, fn: (rt: ClassroomRuntime) => Promise<Response>): Promise<Response> {
  let rt: ClassroomRuntime;
  try {
    rt = await getClassroom();
  } catch (e) {
    console.error('classroom storage', e);
    return koreanError('수업 데이터베이스를 열지 못했습니다. 잠시 후 다시 시도해 주세요.', 503);
  }
  const wait = rt.limiter.take(bucket, rateAddress(req), rule);
  if (wait > 0) return koreanError(`요청이 너무 많습니다. ${wait}초 뒤에 다시 시도해 주세요.`, 429, { 'retry-after': String(wait) });
  try {
    return await fn(rt);
  } catch (e) {
    if (e instanceof ClassroomError) return koreanError(e.message, e.status);
    console.error('classroom', e);
    return koreanError('수업 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.', 503);
  }
}

/** Parses a JSON body with `schema`; a 400 with the first Korean issue otherwise. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  const text = await req.text();
  if (text.length > 32_000) return { ok: false, response: koreanError('요청이 너무 큽니다.', 413) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: koreanError('요청 본문이 JSON 형식이 아닙니다.', 400) };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: koreanError(firstIssue(parsed.error), 400) };
}

export const json = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });
