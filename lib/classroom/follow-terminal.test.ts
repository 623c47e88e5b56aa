import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDb } from './db';
import { FollowHub } from './follow-hub';
import { followPostSchema, type FollowMessage } from './follow-protocol';
import { FollowService } from './follow-service';
import { commandsRun, EchoCursor, echoesAfter, echoLines, echoOf, KEPT_ECHOES, MAX_ECHO_OUTPUT, mergeEchoes } from './follow-terminal';
import { ClassroomService } from './service';

const clock = { now: 60_000, playing: false, speed: 1 };
const post = (from: number, terminal: unknown) => ({ kind: 'broadcast', session: 'terminal-1', seed: 1, setup: [], settleMs: 0, from, entries: [], clock, terminal });
const scale = echoOf(0, 'kubectl scale deploy web --replicas=5', 'deployment.apps/web scaled\n');

describe('instructor terminal lines in a broadcast', () => {
  it('prints the instructor prompt apart from the student prompt, and ends the output with a newline', () => {
    expect(echoLines(scale)).toEqual({ prompt: '강사$ kubectl scale deploy web --replicas=5\n', output: 'deployment.apps/web scaled\n' });
    expect(echoLines(echoOf(1, 'kubectl get ns', 'NAME\ndefault')).output).toBe('NAME\ndefault\n');
  });

  it('cuts long output to a few KB with a note, so a post stays small', () => {
    const e = echoOf(2, 'kubectl get pods -A', 'x'.repeat(50_000));
    expect(e.output.startsWith('x'.repeat(MAX_ECHO_OUTPUT))).toBe(true);
    expect(e.output).toContain('출력이 길어 앞부분만');
    expect(e.output.length).toBeLessThan(MAX_ECHO_OUTPUT + 100);
    expect(followPostSchema.safeParse(post(0, [e])).success).toBe(true);
  });

  it('refuses malformed or oversized lines with a Korean message', () => {
    const long = followPostSchema.safeParse(post(0, [{ seq: 0, line: 'k'.repeat(501), output: '' }]));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toBe('강사 터미널 명령이 너무 깁니다.');
    expect(followPostSchema.safeParse(post(0, [{ seq: -1, line: 'x', output: '' }])).error?.issues[0].message).toBe('강사 터미널 기록 형식이 올바르지 않습니다.');
    const many = Array.from({ length: 21 }, (_, i) => ({ seq: i, line: 'kubectl get pods', output: '' }));
    expect(followPostSchema.safeParse(post(0, many)).success).toBe(false);
  });

  it('a resent post adds nothing twice, and the server keeps only the last lines', () => {
    const a = mergeEchoes([], [scale, echoOf(1, 'kubectl get deploy', 'web\n')]);
    expect(mergeEchoes(a, [echoOf(1, 'kubectl get deploy', 'web\n')]).map((e) => e.seq)).toEqual([0, 1]);
    const many = Array.from({ length: 45 }, (_, i) => echoOf(i, `kubectl get pod p${i}`, ''));
    const kept = mergeEchoes([], many.slice(0, 20));
    const after = mergeEchoes(kept, many.slice(20, 40));
    expect(after).toHaveLength(KEPT_ECHOES);
    expect(after[0].seq).toBe(40 - KEPT_ECHOES);
    expect(echoesAfter(after, 37).map((e) => e.seq)).toEqual([38, 39]);
  });
});

describe('the follow hub carries terminal lines', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'classroom-terminal-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a follower gets each new instructor line once, and a late follower gets the recent ones in the snapshot', async () => {
    const db = await openEmbeddedDb(dir);
    try {
      const { info } = await new ClassroomService(db).createClass({ name: '터미널 반', lessons: ['pods'] });
      const follow = new FollowService(db, () => '파드');
      const hub = new FollowHub(db, follow);
      const got: FollowMessage[] = [];
      const stop = await hub.subscribe(info.id, (m) => got.push(m));
      const waitFor = async (found: () => boolean) => {
        for (const start = Date.now(); !found() && Date.now() - start < 3000; ) await new Promise((r) => setTimeout(r, 10));
      };

      const first = followPostSchema.parse(post(0, [scale]));
      if (first.kind !== 'broadcast') throw new Error('expected a broadcast post');
      await follow.broadcast(info.id, first);
      await waitFor(() => got.some((m) => m.type === 'snapshot'));
      expect(got.find((m) => m.type === 'snapshot')).toMatchObject({ terminal: [scale] });

      // The same line again (a resend) and a new one: only the new one goes out.
      const next = echoOf(1, 'kubectl get deploy web', 'NAME   READY\nweb    5/5\n');
      await follow.broadcast(info.id, { kind: 'broadcast', session: 'terminal-1', seed: 1, setup: [], settleMs: 0, from: 0, entries: [], clock: { ...clock, now: 61_000 }, terminal: [scale, next] });
      await waitFor(() => got.some((m) => m.type === 'clock'));
      const live = got.filter((m) => m.type === 'clock' || m.type === 'append');
      expect(live.flatMap((m) => ('terminal' in m ? (m.terminal ?? []) : []))).toEqual([next]);

      const late: FollowMessage[] = [];
      const stopLate = await hub.subscribe(info.id, (m) => late.push(m));
      expect(late.find((m) => m.type === 'snapshot')).toMatchObject({ terminal: [scale, next] });
      stop();
      stopLate();
    } finally {
      await db.close();
    }
  });
});

describe("a follower's terminal cursor", () => {
  it('prints each line once across snapshot and live messages, and starts over for a new session', () => {
    const cursor = new EchoCursor();
    const next = echoOf(1, 'kubectl get deploy', 'web\n');
    expect(cursor.take('s1', [scale]).map((e) => e.line)).toEqual([scale.line]);
    // A reconnect's snapshot carries both; only the unseen one prints.
    expect(cursor.take('s1', [scale, next])).toEqual([next]);
    expect(cursor.take('s1', undefined)).toEqual([]);
    // The instructor reloaded: a new session numbers from 0 again.
    expect(cursor.take('s2', [echoOf(0, 'kubectl get pods', '')]).map((e) => e.seq)).toEqual([0]);
  });

  it('the channels deliver to listeners until they stop listening', () => {
    const heard: string[] = [];
    const stop = commandsRun.listen((c) => heard.push(c.line));
    commandsRun.publish({ line: 'kubectl get pods', output: '' });
    stop();
    commandsRun.publish({ line: 'kubectl get nodes', output: '' });
    expect(heard).toEqual(['kubectl get pods']);
  });
});
