/** Calls to /api/class/* with Korean outcomes: the server's message, or a network message when it can't answer. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

export async function classApi<T>(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...(init.key ? { 'x-class-key': init.key } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
    if (res.ok && body) return { ok: true, data: body };
    return { ok: false, status: res.status, message: body?.message ?? `서버가 요청을 처리하지 못했습니다 (${res.status}).` };
  } catch {
    return { ok: false, status: 0, message: '서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요.' };
  }
}

export interface JoinAnswer {
  code: string;
  name: string;
  lessons: string[];
  nickname: string;
  rejoin: string;
}

export interface CreateAnswer {
  code: string;
  name: string;
  lessons: string[];
  expiresAt: number;
  key: string;
}
