import { describe, expect, it } from 'vitest';
import { IDLE_MS, RoomModel, describeMistake, type EventRow } from './room-model';

const T0 = 1_000_000;
let nextId = 1;
const ev = (memberId: string, at: number, e: Partial<EventRow>): EventRow => ({ id: nextId++, memberId, at, kind: 'step', lesson: 'l1', item: null, ok: null, detail: null, score: null, total: null, ...e });

function room() {
  const r = new RoomModel();
  r.addMembers([
    { id: 'a', nickname: '가', joinedAt: T0 },
    { id: 'b', nickname: '나', joinedAt: T0 },
  ]);
  return r;
}

describe('RoomModel', () => {
  it('flags a student idle only when someone else moved on meanwhile', () => {
    const r = room();
    const later = T0 + IDLE_MS + 60_000;
    expect(r.stuck('a', later)).toBeNull(); // nobody moved: a quiet room is not a stuck student
    r.apply([ev('b', later - 1000, { item: 's1' })]);
    expect(r.stuck('a', later)).toEqual({ kind: 'idle', minutes: 6 });
    expect(r.stuck('b', later)).toBeNull();
  });

  it('a pass clears the failing streak; a replayed batch changes nothing', () => {
    const r = room();
    const fail = (n: number) => ev('a', T0 + n, { kind: 'check', item: 'x', ok: false, detail: 'f1' });
    const batch = [fail(1), fail(2)];
    r.apply(batch);
    r.apply(batch);
    expect(r.members.get('a')?.lessons.get('l1')?.failStreak.get('x')).toBe(2);
    r.apply([fail(3)]);
    expect(r.stuck('a', T0 + 10)?.kind).toBe('failing');
    r.apply([ev('a', T0 + 20, { kind: 'check', item: 'x', ok: true })]);
    expect(r.stuck('a', T0 + 30)).toBeNull();
    expect(r.members.get('a')?.lessons.get('l1')?.passed.has('x')).toBe(true);
  });

  it('ranks mistakes by count and words them in Korean', () => {
    const r = room();
    r.apply([
      ev('a', T0, { kind: 'kubectl-error', lesson: null, detail: 'NotFound', item: 'check-name' }),
      ev('b', T0, { kind: 'kubectl-error', lesson: null, detail: 'NotFound', item: 'check-name' }),
      ev('b', T0, { kind: 'check', item: 'x', ok: false, detail: 'f1' }),
    ]);
    expect(r.topMistakes(1)).toEqual([{ key: 'kubectl|NotFound|check-name', count: 2 }]);
    expect(describeMistake('kubectl|NotFound|check-name')).toBe("kubectl: 없는 이름을 가리킴 (NotFound) — 도움말: 'kubectl get'으로 지금 있는 이름을 확인");
    expect(describeMistake('kubectl|Mystery|')).toBe('kubectl 오류 Mystery');
    expect(describeMistake('check|l1/x|f1')).toBe('과제 l1/x 실패 (f1)');
  });
});
