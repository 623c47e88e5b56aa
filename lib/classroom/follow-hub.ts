/**
 * Fan-out of follow-me broadcasts to the students this process serves. Like the progress hub (hub.ts): every
 * process LISTENs on FOLLOW_CHANNEL; a notification names a class, and the hub reads that class's broadcast
 * head once — plus only the entries it has not seen — and sends every subscriber the same frame. The hub keeps
 * the class's entries in memory (bounded by MAX_FOLLOW_CHARS) so a student who starts following mid-lesson
 * gets the whole recipe without a query. Cost per instructor tick: one small query per watched class.
 */
import type { LabEntry } from '@/lib/store/lab-session';
import type { ClassroomDb } from './db';
import type { FollowService } from './follow-service';
import type { FollowMessage } from './follow-protocol';
import { FOLLOW_CHANNEL } from './schema';
import { addSubscriber } from './hub';
import { echoesAfter } from './follow-terminal';

interface Watched {
  subscribers: Set<(m: FollowMessage) => void>;
  session: string | null;
  entries: LabEntry[];
  head: Extract<FollowMessage, { type: 'snapshot' }> | null;
  navVersion: number;
  /** The last instructor terminal line sent (-1: none). */
  echoSeq: number;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void>;
}

const COALESCE_MS = 20;

export class FollowHub {
  private readonly watched = new Map<string, Watched>();
  private listening: Promise<unknown> | null = null;

  constructor(
    private readonly db: ClassroomDb,
    private readonly follow: FollowService,
  ) {}

  /** Sends the current broadcast (or nothing) and the last lesson the class was sent to, then live changes. */
  async subscribe(classId: string, send: (m: FollowMessage) => void): Promise<() => void> {
    this.listening ??= this.db.listen(FOLLOW_CHANNEL, (id) => this.changed(id));
    await this.listening;
    let w = this.watched.get(classId);
    if (!w) {
      w = { subscribers: new Set(), session: null, entries: [], head: null, navVersion: 0, echoSeq: -1, timer: null, running: Promise.resolve() };
      this.watched.set(classId, w);
      const watched = w;
      w.running = this.pull(classId, watched);
    }
    await w.running;
    if (w.head) send({ ...w.head, entries: w.entries });
    const nav = await this.follow.nav(classId);
    if (nav) send({ type: 'nav', ...nav });
    return addSubscriber(this.watched, classId, w, send);
  }

  private changed(classId: string): void {
    const w = this.watched.get(classId);
    if (!w || w.timer) return;
    w.timer = setTimeout(() => {
      w.timer = null;
      w.running = w.running.then(() => this.pull(classId, w)).catch(() => undefined);
    }, COALESCE_MS);
  }

  /** Reads what changed and tells every subscriber; the first call (no subscribers yet) only fills the cache. */
  private async pull(classId: string, w: Watched): Promise<void> {
    const emit = (m: FollowMessage) => w.subscribers.forEach((s) => s(m));
    const exists = await this.db.query('SELECT 1 FROM classes WHERE id = $1', [classId]);
    if (!exists.length) return emit({ type: 'gone' });
    const head = await this.follow.head(classId);
    if (!head) {
      if (w.session !== null) emit({ type: 'stopped' });
      w.session = null;
      w.head = null;
      w.entries = [];
      w.echoSeq = -1;
    } else if (head.session !== w.session || head.count < w.entries.length) {
      w.session = head.session;
      w.entries = await this.follow.entries(classId, 0, head.count);
      w.head = { type: 'snapshot', session: head.session, seed: head.seed, setup: head.setup, settleMs: head.settleMs, clock: head.clock, terminal: head.terminal, entries: [] };
      w.echoSeq = head.terminal.at(-1)?.seq ?? -1;
      emit({ ...w.head, entries: w.entries });
    } else {
      const from = w.entries.length;
      const fresh = head.count > from ? await this.follow.entries(classId, from, head.count) : [];
      w.entries.push(...fresh);
      w.head = { ...w.head!, clock: head.clock, terminal: head.terminal };
      const echoes = echoesAfter(head.terminal, w.echoSeq);
      w.echoSeq = head.terminal.at(-1)?.seq ?? w.echoSeq;
      const terminal = echoes.length ? { terminal: echoes } : {};
      emit(fresh.length ? { type: 'append', session: head.session, from, entries: fresh, clock: head.clock, ...terminal } : { type: 'clock', session: head.session, clock: head.clock, ...terminal });
    }
    const nav = await this.follow.nav(classId);
    if (nav && nav.version !== w.navVersion) {
      if (w.navVersion !== 0 || w.subscribers.size > 0) emit({ type: 'nav', ...nav });
      w.navVersion = nav.version;
    }
  }
}
