import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PEER_HEADER } from '@/lib/server/client-address';

// The routes open the embedded database lazily from CLASSROOM_DATA_DIR: point it at a temp dir first.
let dir: string;
let routes: {
  create: typeof import('@/app/api/class/route');
  join: typeof import('@/app/api/class/join/route');
  progress: typeof import('@/app/api/class/progress/route');
  stream: typeof import('@/app/api/class/[code]/stream/route');
  remove: typeof import('@/app/api/class/[code]/route');
  follow: typeof import('@/app/api/class/[code]/follow/route');
  followStream: typeof import('@/app/api/class/[code]/follow/stream/route');
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'classroom-routes-'));
  process.env.CLASSROOM_DATA_DIR = dir;
  routes = {
    create: await import('@/app/api/class/route'),
    join: await import('@/app/api/class/join/route'),
    progress: await import('@/app/api/class/progress/route'),
    stream: await import('@/app/api/class/[code]/stream/route'),
    remove: await import('@/app/api/class/[code]/route'),
    follow: await import('@/app/api/class/[code]/follow/route'),
    followStream: await import('@/app/api/class/[code]/follow/stream/route'),
  };
}, 60_000);

afterAll(async () => {
  const { getClassroom } = await import('./runtime');
  await (await getClassroom()).service.db.close();
  await rm(dir, { recursive: true, force: true });
});

// The socket address arrives in PEER_HEADER (instrumentation.ts writes it); TRUST_PROXY is unset here.
const post = (body: unknown, ip = '10.0.0.1', forged?: string) =>
  new Request('http://x/api', { method: 'POST', headers: { [PEER_HEADER]: ip, ...(forged ? { 'x-forwarded-for': forged } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const params = (code: string) => ({ params: Promise.resolve({ code }) });

/**
 * How long a read waits before the test calls the stream silent: a guard against a hang, not a speed goal (on a
 * loaded 2-core machine a real second is no promise; how fast a push is, is proven with frozen timers below).
 */
const HANG_GUARD_MS = 30_000;

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string, ms = HANG_GUARD_MS): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!text.includes(needle) && Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!next || next.done) break;
    text += decoder.decode(next.value);
  }
  return text;
}

/** Reads until `needle`, setting no timer of its own (the caller may have frozen them); `got` says when it came. */
function readInBackground(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string) {
  const state = { text: '', got: false, done: Promise.resolve() };
  const decoder = new TextDecoder();
  state.done = (async () => {
    while (!state.text.includes(needle)) {
      const next = await reader.read();
      if (next.done) return;
      state.text += decoder.decode(next.value);
    }
    state.got = true;
  })();
  return state;
}

// captured before any test freezes timers: the hang guard keeps real time
const realSetTimeout = globalThis.setTimeout;
const realDelay = (ms: number) => new Promise((r) => realSetTimeout(r, ms));
const realNow = performance.now.bind(performance);

/** The hub's coalescing window (hub.ts COALESCE_MS): the only wait between a progress POST and its push. */
const COALESCE_MS = 20;

describe('classroom API', () => {
  it('create → join → progress is pushed to the instructor stream after only the hub’s coalescing wait; a wrong key sees nothing', async () => {
    const created = await routes.create.POST(post({ name: '수요일 반', lessons: ['replicasets'] }));
    expect(created.status).toBe(201);
    const { code, key } = (await created.json()) as { code: string; key: string };

    const joined = await routes.join.POST(post({ code: code.toLowerCase(), nickname: '별' }));
    expect(joined.status).toBe(201);
    const student = (await joined.json()) as { rejoin: string; key?: string };
    expect(student.key).toBeUndefined();

    const denied = await routes.stream.GET(new Request('http://x', { headers: { 'x-class-key': 'wrong' } }), params(code));
    expect(denied.status).toBe(404);
    expect(await denied.text()).not.toContain('별');

    // Pushed, not polled, and proven without the wall clock: timers (and Date) are frozen before the stream opens,
    // so any poll or heartbeat is a fake timer. Fake time moves only timer by timer, when nothing else is pending;
    // the event must arrive after at most the hub's coalescing window of it — a poller would need seconds.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const abort = new AbortController();
    let reader!: ReadableStreamDefaultReader<Uint8Array>;
    try {
      const live = await routes.stream.GET(new Request('http://x', { headers: { 'x-class-key': key }, signal: abort.signal }), params(code));
      expect(live.status).toBe(200);
      reader = live.body!.getReader();
      const snapshot = readInBackground(reader, '"nickname":"별"');
      await snapshot.done;
      expect(snapshot.text).toContain('수요일 반');

      const sent = Date.now();
      const batch = await routes.progress.POST(post({ code, rejoin: student.rejoin, events: [{ kind: 'check', lesson: 'replicasets', exercise: 'frontend-five', ok: false, feedback: 'replicas' }] }));
      expect(batch.status).toBe(200);
      const pushed = readInBackground(reader, '"item":"frontend-five"');
      while (!pushed.got) {
        // real time only guards against a hang; it is not what the test measures
        for (const giveUp = realNow() + 30_000; !pushed.got && vi.getTimerCount() <= 1 && realNow() < giveUp; ) await realDelay(5); // 1: the heartbeat
        if (!pushed.got) await vi.advanceTimersToNextTimerAsync();
      }
      expect(pushed.text).toContain('"ok":false');
      expect(Date.now() - sent).toBeLessThanOrEqual(COALESCE_MS);
    } finally {
      vi.useRealTimers();
    }

    const deleted = await routes.remove.DELETE(new Request('http://x', { method: 'DELETE', headers: { 'x-class-key': key } }), params(code));
    expect(deleted.status).toBe(200);
    expect(await readUntil(reader, 'event: gone')).toContain('event: gone');
    abort.abort();
  });

  it('answers bad input with Korean 400s, never a 5xx', async () => {
    const cases: [unknown, string][] = [
      ['{not json', 'JSON 형식이 아닙니다'],
      [{ name: '', lessons: ['replicasets'] }, '수업 이름을 입력해 주세요'],
      [{ name: '반', lessons: [] }, '레슨을 하나 이상'],
      [{ name: '반', lessons: ['99-nope'] }, '알 수 없는 레슨'],
    ];
    for (const [body, message] of cases) {
      const res = await routes.create.POST(post(body, '10.0.0.2'));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(message);
    }
    const badEvent = await routes.progress.POST(post({ code: 'ABCDEFGH', rejoin: 'ABCDEFGHJKMN', events: [{ kind: 'typed-text', text: 'secret' }] }, '10.0.0.2'));
    expect(badEvent.status).toBe(400);
  });

  it('limits join attempts per address, so join codes cannot be guessed quickly', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await routes.join.POST(post({ code: 'ZZZZZZZZ', nickname: `n${i}` }, '10.0.0.3'))).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address still gets in.
    expect((await routes.join.POST(post({ code: 'ZZZZZZZZ', nickname: 'x' }, '10.0.0.4'))).status).toBe(404);
  });

  it('a forged X-Forwarded-For does not open a fresh bucket without TRUST_PROXY', async () => {
    const statuses: number[] = [];
    // Each request claims another address; all come from one socket, so they share its limit.
    for (let i = 0; i < 22; i++) statuses.push((await routes.join.POST(post({ code: 'ZZZZZZZZ', nickname: `f${i}` }, '10.0.0.6', `203.0.113.${i}`))).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe('progress ids', () => {
  it('accepts a lesson step command and refuses ids the lessons do not have', async () => {
    const { code } = (await (await routes.create.POST(post({ name: '아이디 반', lessons: ['pods'] }, '10.0.0.5'))).json()) as { code: string };
    const { rejoin } = (await (await routes.join.POST(post({ code, nickname: '해' }, '10.0.0.5'))).json()) as { rejoin: string };
    const send = (events: unknown[]) => routes.progress.POST(post({ code, rejoin, events }, '10.0.0.5'));
    expect((await send([{ kind: 'step', lesson: 'pods', step: 'kubectl run webserver --image=nginx:latest' }])).status).toBe(200);
    const free = await send([{ kind: 'step', lesson: 'pods', step: '제 비밀번호는 1234' }]);
    expect(free.status).toBe(400);
    expect(((await free.json()) as { message: string }).message).toBe('레슨에 없는 단계입니다.');
    expect((await send([{ kind: 'check', lesson: 'pods', exercise: 'made-up', ok: false }])).status).toBe(400);
    // kubectl errors: only a known class and its own hint id, so no typed text can ride along.
    expect((await send([{ kind: 'kubectl-error', errorClass: 'NotFound', hint: 'hint.NotFound', key: 'once.a' }])).status).toBe(200);
    expect((await send([{ kind: 'kubectl-error', errorClass: 'my-password-1234', key: 'once.b' }])).status).toBe(400);
    expect((await send([{ kind: 'kubectl-error', errorClass: 'NotFound', hint: 'my-password-1234', key: 'once.c' }])).status).toBe(400);
  });
});

describe('follow me', () => {
  // The simulator's clock is epoch milliseconds (it starts at a fixed date in 2025), as the Playground sends it.
  const T = 1_736_899_262_309;
  const clock = { now: T, playing: true, speed: 1 };
  const pod = (name: string, at: number) => ({ op: 'create', at, obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
  const broadcast = (from: number, entries: unknown[], session = 'lesson-session-1') => ({ kind: 'broadcast', session, seed: 3, setup: ['kubectl create deployment hello --image=nginx'], settleMs: 60_000, from, entries, clock });

  it('streams the broadcast recipe, its appended writes and the lesson the class is sent to, to joined students only', async () => {
    const { code, key } = (await (await routes.create.POST(post({ name: '따라오기 반', lessons: ['pods'] }, '10.0.1.1'))).json()) as { code: string; key: string };
    const { rejoin } = (await (await routes.join.POST(post({ code, nickname: '달' }, '10.0.1.1'))).json()) as { rejoin: string };
    const send = (body: unknown, k = key) => routes.follow.POST(new Request('http://x', { method: 'POST', headers: { [PEER_HEADER]: '10.0.1.1', 'x-class-key': k }, body: JSON.stringify(body) }), params(code));

    expect((await send(broadcast(0, [pod('teacher-web', T - 500)]))).status).toBe(200);
    // A student's rejoin code is not the instructor key: no broadcasting from a student's browser.
    expect((await send(broadcast(1, []), rejoin)).status).toBe(404);
    // A gap (the instructor's page lost an answer) names where the stored record ends.
    const gap = await send(broadcast(5, [pod('later', T)]));
    expect(gap.status).toBe(409);
    expect(((await gap.json()) as { have: number }).have).toBe(1);
    const bad = await send({ ...broadcast(1, [{ op: 'explode', at: 1 }]) });
    expect(bad.status).toBe(400);

    const denied = await routes.followStream.GET(new Request('http://x', { headers: { [PEER_HEADER]: '10.0.1.1', 'x-class-rejoin': 'ABCDEFGHJKMN' } }), params(code));
    expect(denied.status).toBe(404);
    const abort = new AbortController();
    const live = await routes.followStream.GET(new Request('http://x', { headers: { [PEER_HEADER]: '10.0.1.1', 'x-class-rejoin': rejoin }, signal: abort.signal }), params(code));
    expect(live.status).toBe(200);
    const reader = live.body!.getReader();
    const first = await readUntil(reader, 'teacher-web');
    expect(first).toContain('event: snapshot');
    expect(first).toContain('"seed":3');

    expect((await send(broadcast(1, [pod('second', T)]))).status).toBe(200);
    const appended = await readUntil(reader, '"second"');
    expect(appended).toContain('event: append');
    expect(appended).toContain('"from":1');

    expect((await send({ kind: 'nav', lesson: 'replicasets' })).status).toBe(400); // not one of this class's lessons
    expect((await send({ kind: 'nav', lesson: 'pods', anchor: '파드-만들기' })).status).toBe(200);
    const nav = await readUntil(reader, 'event: nav');
    expect(nav).toContain('"lesson":"pods"');
    expect(nav).toMatch(/"title":"[^"]+"/);

    expect((await send({ kind: 'stop' })).status).toBe(200);
    expect(await readUntil(reader, 'event: stopped')).toContain('event: stopped');
    abort.abort();
  });
});
