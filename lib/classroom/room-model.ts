/**
 * The instructor's view of a room, folded from progress events: who reached which step, who passed which
 * exercise, who is stuck, and the room's most common mistakes. Pure and shared by the server (bench, tests)
 * and the class page, which applies each live batch in O(batch).
 */
import { KUBECTL_ERROR_CLASSES, type KubectlErrorKind } from './kubectl-errors';

export interface MemberRow {
  id: string;
  nickname: string;
  joinedAt: number;
}

/** One stored progress event as it leaves the server (secrets and class ids stripped). */
export interface EventRow {
  id: number;
  memberId: string;
  at: number;
  kind: 'step' | 'check' | 'quiz' | 'kubectl-error';
  lesson: string | null;
  item: string | null;
  ok: boolean | null;
  detail: string | null;
  score: number | null;
  total: number | null;
}

export interface LessonCell {
  steps: Set<string>;
  passed: Set<string>;
  /** Failures in a row per exercise since its last pass. */
  failStreak: Map<string, number>;
  quiz?: { score: number; total: number };
}

export interface MemberState {
  member: MemberRow;
  lessons: Map<string, LessonCell>;
  lastProgressAt: number;
  lastActivityAt: number;
}

export type StuckReason = { kind: 'failing'; lesson: string; exercise: string; times: number } | { kind: 'idle'; minutes: number };

/** Three failures in a row of one exercise, as the issue asks. */
export const FAILING_STREAK = 3;
/** No progress for this long while someone else moved on counts as stuck. */
export const IDLE_MS = 5 * 60_000;

export class RoomModel {
  readonly members = new Map<string, MemberState>();
  readonly mistakes = new Map<string, number>();
  lastEventId = 0;

  addMembers(rows: MemberRow[]): void {
    for (const m of rows) {
      if (!this.members.has(m.id)) this.members.set(m.id, { member: m, lessons: new Map(), lastProgressAt: m.joinedAt, lastActivityAt: m.joinedAt });
    }
  }

  /** Folds a batch in; events already seen (by id) are skipped so a replayed batch changes nothing. */
  apply(events: EventRow[]): void {
    for (const e of events) {
      if (e.id <= this.lastEventId) continue;
      this.lastEventId = e.id;
      const state = this.members.get(e.memberId);
      if (!state) continue;
      state.lastActivityAt = Math.max(state.lastActivityAt, e.at);
      if (e.kind === 'kubectl-error') {
        this.countMistake(`kubectl|${e.detail ?? ''}|${e.item ?? ''}`);
        continue;
      }
      if (!e.lesson) continue;
      const cell = cellOf(state, e.lesson);
      if (e.kind === 'step' && e.item && !cell.steps.has(e.item)) {
        cell.steps.add(e.item);
        state.lastProgressAt = Math.max(state.lastProgressAt, e.at);
      } else if (e.kind === 'check' && e.item) {
        if (e.ok) {
          cell.failStreak.delete(e.item);
          if (!cell.passed.has(e.item)) state.lastProgressAt = Math.max(state.lastProgressAt, e.at);
          cell.passed.add(e.item);
        } else {
          cell.failStreak.set(e.item, (cell.failStreak.get(e.item) ?? 0) + 1);
          this.countMistake(`check|${e.lesson}/${e.item}|${e.detail ?? ''}`);
        }
      } else if (e.kind === 'quiz' && e.score !== null && e.total !== null) {
        cell.quiz = { score: e.score, total: e.total };
        state.lastProgressAt = Math.max(state.lastProgressAt, e.at);
      }
    }
  }

  /** Why a member looks stuck at `now`, or null. Failing beats idle: it says what to help with. */
  stuck(memberId: string, now: number): StuckReason | null {
    const state = this.members.get(memberId);
    if (!state) return null;
    for (const [lesson, cell] of state.lessons) {
      for (const [exercise, times] of cell.failStreak) if (times >= FAILING_STREAK) return { kind: 'failing', lesson, exercise, times };
    }
    const idleFor = now - state.lastProgressAt;
    if (idleFor < IDLE_MS) return null;
    const othersMoved = [...this.members.values()].some((o) => o !== state && o.lastProgressAt > state.lastProgressAt && now - o.lastProgressAt < IDLE_MS);
    return othersMoved ? { kind: 'idle', minutes: Math.floor(idleFor / 60_000) } : null;
  }

  /** The `limit` most frequent mistakes, most frequent first (ties: alphabetical, so the list is stable). */
  topMistakes(limit = 5): { key: string; count: number }[] {
    return [...this.mistakes]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, limit);
  }

  private countMistake(key: string): void {
    this.mistakes.set(key, (this.mistakes.get(key) ?? 0) + 1);
  }
}

function cellOf(state: MemberState, lesson: string): LessonCell {
  let cell = state.lessons.get(lesson);
  if (!cell) state.lessons.set(lesson, (cell = { steps: new Set(), passed: new Set(), failStreak: new Map() }));
  return cell;
}

/** A mistake key in Korean for the instructor: which exercise failed with which feedback, or which kubectl error. */
export function describeMistake(key: string): string {
  const [kind, what, detail] = key.split('|');
  if (kind === 'check') return `과제 ${what} 실패${detail ? ` (${detail})` : ''}`;
  const known = KUBECTL_ERROR_CLASSES[what as KubectlErrorKind];
  if (known) return `kubectl: ${known.label} (${what}) — 도움말: ${known.hint}`;
  return `kubectl 오류 ${what || '기타'}${detail ? ` · 힌트 ${detail}` : ''}`;
}
