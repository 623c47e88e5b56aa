/**
 * The instructor's side of follow me: watches the Playground's lab journal and clock and posts them to the
 * class — new writes as they are recorded, the clock twice a second while it runs. One post in flight at a
 * time; a 409 says where the server's record ends and sending resumes there. A reset (the journal empties)
 * starts a new session, which students rebuild from scratch.
 */
import type { JournaledClient } from '@/lib/store/lab-journal';
import type { FollowClock, FollowPost } from '@/lib/classroom/follow-protocol';
import { commandsRun, echoOf, KEPT_ECHOES, MAX_ECHOES_PER_POST, type TerminalEcho } from '@/lib/classroom/follow-terminal';

const CLOCK_EVERY_MS = 500;
/** After a refused or failed post, wait this long before trying again (the clock would otherwise retry twice a second). */
const RETRY_AFTER_ERROR_MS = 5_000;
/** Keep each post well under the API's 32 KB body limit. */
const CHUNK_CHARS = 20_000;

/** A post's outcome; a 409 carries `have`, where the server's record ends. */
export type PostResult = { ok: true } | { ok: false; status: number; message: string; have?: number };

export type BroadcastStatus = { state: 'live'; sent: number } | { state: 'error'; message: string } | { state: 'stopped' };

const newSession = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 20);

export class Broadcaster {
  private session = newSession();
  private sent = 0;
  private inFlight = false;
  private again = false;
  private lastClock = '';
  private stopped = false;
  private pausedUntil = 0;
  private readonly cleanups: (() => void)[] = [];
  /** Terminal lines not yet posted (bounded: while posts fail only the latest are worth showing). */
  private echoes: TerminalEcho[] = [];
  private echoSeq = 0;

  constructor(
    private readonly client: JournaledClient,
    private readonly post: (body: FollowPost) => Promise<PostResult>,
    private readonly onStatus: (s: BroadcastStatus) => void,
  ) {
    this.cleanups.push(client.journal.onChange(() => this.kick()));
    this.cleanups.push(
      commandsRun.listen(({ line, output }) => {
        this.echoes = [...this.echoes, echoOf(this.echoSeq++, line, output)].slice(-KEPT_ECHOES);
        this.kick();
      }),
    );
    const timer = setInterval(() => this.client.time.playing() && this.kick(), CLOCK_EVERY_MS);
    this.cleanups.push(() => clearInterval(timer));
    if (client.time.onChange) this.cleanups.push(client.time.onChange(() => this.kick()));
    this.kick();
  }

  /** Ends the broadcast: students return to their own clusters. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cleanups.forEach((c) => c());
    await this.post({ kind: 'stop' });
    this.onStatus({ state: 'stopped' });
  }

  private clock(): FollowClock {
    return { now: this.client.time.now(), playing: this.client.time.playing(), speed: this.client.time.speed() };
  }

  private kick(): void {
    if (this.stopped || Date.now() < this.pausedUntil) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    void this.flush();
  }

  private async flush(): Promise<void> {
    this.inFlight = true;
    try {
      do {
        this.again = false;
        await this.sendPending();
      } while (this.again && !this.stopped);
    } finally {
      this.inFlight = false;
    }
  }

  private async sendPending(): Promise<void> {
    const { entries } = this.client.journal;
    // The journal was cleared (실습 초기화) or replaced: a fresh session.
    if (entries.length < this.sent) {
      this.session = newSession();
      this.sent = 0;
    }
    const origin = this.client.origin;
    if (!origin) return this.onStatus({ state: 'error', message: '이 실습 클러스터는 방송할 수 없습니다.' });
    for (;;) {
      const chunk = [];
      let chars = 0;
      for (let i = this.sent; i < entries.length && chars < CHUNK_CHARS; i++) {
        chunk.push(entries[i]);
        chars += JSON.stringify(entries[i]).length;
      }
      const clock = this.clock();
      const clockKey = JSON.stringify(clock);
      const echoes = this.echoes.slice(0, MAX_ECHOES_PER_POST);
      if (chunk.length === 0 && echoes.length === 0 && clockKey === this.lastClock && this.sent > 0) return;
      const terminal = echoes.length ? { terminal: echoes } : {};
      const res = await this.post({ kind: 'broadcast', session: this.session, seed: origin.seed, setup: [...origin.setup], settleMs: origin.settleMs, from: this.sent, entries: chunk, clock, ...terminal });
      if (this.stopped) return;
      if (res.ok) {
        this.sent += chunk.length;
        this.lastClock = clockKey;
        this.echoes = this.echoes.filter((e) => !echoes.includes(e));
        this.onStatus({ state: 'live', sent: this.sent });
        if (this.sent >= entries.length && this.echoes.length === 0) return;
      } else if (res.status === 409 && res.have !== undefined && res.have <= entries.length) {
        this.sent = res.have;
      } else {
        this.pausedUntil = Date.now() + RETRY_AFTER_ERROR_MS;
        this.onStatus({ state: 'error', message: res.message });
        return;
      }
    }
  }

  dispose(): void {
    this.stopped = true;
    this.cleanups.forEach((c) => c());
  }
}

/** Posts to /api/class/CODE/follow with the instructor key; Korean messages for every failure. */
export function followPoster(code: string, key: string): (body: FollowPost) => Promise<PostResult> {
  return async (body) => {
    try {
      const res = await fetch(`/api/class/${encodeURIComponent(code)}/follow`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-class-key': key }, body: JSON.stringify(body) });
      if (res.ok) return { ok: true };
      const answer = (await res.json().catch(() => null)) as { message?: string; have?: number } | null;
      return { ok: false, status: res.status, message: answer?.message ?? `방송하지 못했습니다 (${res.status}).`, have: answer?.have };
    } catch {
      return { ok: false, status: 0, message: '서버에 연결하지 못해 방송이 멈췄습니다.' };
    }
  };
}
