/**
 * Fan-out of class changes to the instructor pages this process serves. Every process LISTENs on one channel;
 * a NOTIFY (from this or any other process sharing the database) names a class, and the hub reads that class's
 * new events once — coalesced over a few milliseconds — and hands them to each subscriber. Cost per burst:
 * one query per watched class, whatever the number of students or instructor tabs.
 */
import type { ClassroomService } from './service';
import { CLASS_CHANNEL } from './schema';
import type { EventRow, MemberRow } from './room-model';

export type ClassUpdate = { type: 'members'; members: MemberRow[] } | { type: 'events'; events: EventRow[] } | { type: 'gone' };

interface Watched {
  subscribers: Set<(u: ClassUpdate) => void>;
  cursor: number;
  memberCount: number;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
}

/** One watched class in a hub: who listens, and the pending coalesced read. */
interface WatchedSubscribers<S> {
  subscribers: Set<S>;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Adds `send` to a watched class; the returned function removes it, and the class with its last subscriber. */
export function addSubscriber<S, W extends WatchedSubscribers<S>>(watched: Map<string, W>, classId: string, w: W, send: S): () => void {
  w.subscribers.add(send);
  return () => {
    w.subscribers.delete(send);
    if (w.subscribers.size === 0 && watched.get(classId) === w) {
      if (w.timer) clearTimeout(w.timer);
      watched.delete(classId);
    }
  };
}

/** Notifications within this window are read together. */
const COALESCE_MS = 20;

export class ClassHub {
  private readonly watched = new Map<string, Watched>();
  private unlisten: Promise<() => Promise<void>> | null = null;

  constructor(private readonly service: ClassroomService) {}

  /**
   * Subscribes to a class: first the current members and every stored event (paged), then live updates.
   * Returns an unsubscribe function. Events carry ids, so a consumer may receive one twice and must skip it.
   */
  async subscribe(classId: string, send: (u: ClassUpdate) => void): Promise<() => void> {
    this.unlisten ??= this.service.db.listen(CLASS_CHANNEL, (id) => this.changed(id));
    await this.unlisten;
    let w = this.watched.get(classId);
    if (!w) {
      w = { subscribers: new Set(), cursor: 0, memberCount: 0, timer: null, running: null };
      this.watched.set(classId, w);
      const last = await this.service.db.query<{ id: string | null }>('SELECT max(id)::text AS id FROM events WHERE class_id = $1', [classId]);
      w.cursor = Number(last[0]?.id ?? 0);
      w.memberCount = (await this.service.members(classId)).length;
    }
    const members = await this.service.members(classId);
    send({ type: 'members', members });
    for (let after = 0; ; ) {
      const page = await this.service.eventsSince(classId, after);
      if (page.length === 0) break;
      send({ type: 'events', events: page });
      after = page[page.length - 1].id;
    }
    return addSubscriber(this.watched, classId, w, send);
  }

  get watchedClasses(): number {
    return this.watched.size;
  }

  private changed(classId: string): void {
    const w = this.watched.get(classId);
    if (!w || w.timer) return;
    w.timer = setTimeout(() => {
      w.timer = null;
      // One read at a time per class; a notification during a read schedules the next one.
      w.running = (w.running ?? Promise.resolve()).then(() => this.pull(classId, w)).catch(() => undefined);
    }, COALESCE_MS);
  }

  private async pull(classId: string, w: Watched): Promise<void> {
    const exists = await this.service.db.query('SELECT 1 FROM classes WHERE id = $1', [classId]);
    if (!exists.length) {
      for (const s of w.subscribers) s({ type: 'gone' });
      return;
    }
    const members = await this.service.members(classId);
    if (members.length !== w.memberCount) {
      w.memberCount = members.length;
      for (const s of w.subscribers) s({ type: 'members', members });
    }
    for (;;) {
      const events = await this.service.eventsSince(classId, w.cursor);
      if (events.length === 0) break;
      w.cursor = events[events.length - 1].id;
      for (const s of w.subscribers) s({ type: 'events', events });
    }
  }
}
