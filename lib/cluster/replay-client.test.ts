import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCluster, fakeObject } from '../scenarios/fake-cluster';
import { parseRecording, recordingFileName, startRecording } from './recorder';
import { ReplayClient } from './replay-client';
import type { ClusterChange, ClusterClient } from './types';

afterEach(() => {
  vi.useRealTimers();
});

/** Record: a pod exists at the start, a second one appears at 1 s, the first is deleted at 3 s. */
function recordSession() {
  const source = fakeCluster();
  source.put('Pod', fakeObject('Pod', 'web-a'));
  const session = startRecording(source);
  source.later(1000, () => source.put('Pod', fakeObject('Pod', 'web-b')));
  source.later(3000, () => source.remove('Pod', 'web-a', 'default'));
  for (let i = 0; i < 8; i++) source.time!.step(500);
  return { source, recording: session.stop() };
}

describe('recorder', () => {
  it('captures the starting objects and each batch with its time offset', () => {
    const { recording } = recordSession();
    expect(recording.initial.map((e) => e.key)).toEqual(['Pod/default/web-a']);
    expect(recording.frames.map((f) => [f.t, f.changes[0].type, f.changes[0].key])).toEqual([
      [1000, 'upsert', 'Pod/default/web-b'],
      [3000, 'delete', 'Pod/default/web-a'],
    ]);
    expect(recording.durationMs).toBe(4000);
    expect(recordingFileName(recording)).toMatch(/^k8s-recording-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
  });

  it('keeps frames in order when the source clock jumps back (a simulator reset)', () => {
    const source = fakeCluster();
    const session = startRecording(source);
    source.time!.step(5000);
    source.put('Pod', fakeObject('Pod', 'before-reset'));
    source.time!.reset(1);
    source.put('Pod', fakeObject('Pod', 'after-reset'));
    source.time!.step(2000);
    source.put('Pod', fakeObject('Pod', 'later'));
    const rec = session.stop();
    expect(rec.frames.map((f) => f.t)).toEqual([5000, 5000, 7000]);
    expect(() => parseRecording(JSON.stringify(rec))).not.toThrow();
  });

  it('survives a JSON round trip and rejects files that are not recordings', () => {
    const { recording } = recordSession();
    expect(parseRecording(JSON.stringify(recording))).toEqual(recording);
    expect(() => parseRecording('{"hello":1}')).toThrow('기록 파일이 아닙니다');
    expect(() => parseRecording('nope')).toThrow('JSON');
    const broken = { ...recording, frames: [{ t: 5, changes: [{ type: 'upsert', kind: 'Widget', key: 'x', object: {} }] }] };
    expect(() => parseRecording(JSON.stringify(broken))).toThrow('형식');
  });

  it('refuses, in Korean, a recording the replay views could not show', () => {
    const { recording } = recordSession();
    // An object without metadata.name (every view keys and labels objects by it) and an unknown mode.
    const nameless = { ...recording, initial: [{ kind: 'Pod', key: 'Pod/default/x', object: { kind: 'Pod' } }] };
    expect(() => parseRecording(JSON.stringify(nameless))).toThrow('기록 파일의 형식이 올바르지 않습니다 (initial.0.object)');
    expect(() => parseRecording(JSON.stringify({ ...recording, mode: 'cloud' }))).toThrow('기록 파일의 형식이 올바르지 않습니다 (mode)');
  });
});

describe('ReplayClient', () => {
  it('rebuilds the recorded cluster at any position, forward and back', async () => {
    const { source, recording } = recordSession();
    const replay = new ReplayClient(recording);
    const seen: ClusterChange[][] = [];
    replay.subscribe((c) => seen.push(c));
    expect([...replay.cached().keys()]).toEqual(['Pod/default/web-a']);
    replay.time.seek(4000);
    expect([...replay.cached().keys()]).toEqual([...source.cached().keys()]);
    replay.time.seek(1500);
    expect([...replay.cached().keys()].sort()).toEqual(['Pod/default/web-a', 'Pod/default/web-b']);
    expect(seen.at(-1)).toEqual([expect.objectContaining({ type: 'upsert', key: 'Pod/default/web-a' })]);
    expect((await replay.list('Pod', 'default')).map((p) => p.metadata?.name).sort()).toEqual(['web-a', 'web-b']);
    await expect(replay.get('Pod', 'web-z', 'default')).rejects.toMatchObject({ code: 404 });
  });

  it('is read-only', async () => {
    const replay: ClusterClient = new ReplayClient(recordSession().recording);
    expect(replay.info()).toMatchObject({ mode: 'replay', writable: false });
    await expect(replay.create(fakeObject('Pod', 'x'))).rejects.toMatchObject({ code: 403 });
    await expect(replay.delete('Pod', 'web-a', 'default')).rejects.toMatchObject({ code: 403 });
  });

  it('answers a missing object with the API server NotFound wording', async () => {
    // k8s.io/apimachinery pkg/api/errors NewNotFound: `<resource>.<group> "<name>" not found` (GroupResource.String()).
    const replay: ClusterClient = new ReplayClient(recordSession().recording);
    await expect(replay.get('Deployment', 'web', 'default')).rejects.toMatchObject({ code: 404, message: 'deployments.apps "web" not found' });
    await expect(replay.get('Endpoints', 'web', 'default')).rejects.toMatchObject({ code: 404, message: 'endpoints "web" not found' });
  });

  it('plays at the chosen speed and stops at the end', async () => {
    vi.useFakeTimers();
    const replay = new ReplayClient(recordSession().recording);
    replay.time.setSpeed(4);
    replay.time.setPlaying(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(replay.time.position()).toBe(2000);
    expect(replay.cached().has('Pod/default/web-b')).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(replay.time.position()).toBe(4000);
    expect(replay.time.playing()).toBe(false);
    expect(replay.cached().has('Pod/default/web-a')).toBe(false);
  });
});
