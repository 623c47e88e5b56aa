/**
 * Records a ClusterClient's change stream (simulated or real) to a JSON-friendly Recording: the objects known at
 * the start, then every batch of changes with its time offset. ReplayClient plays it back offline.
 */
import { KINDS, type Kind, type KubeObject } from '../k8s/types';
import type { ClusterChange, ClusterClient, ClusterMode } from './types';

export const RECORDING_FORMAT = 'k8s-ko-recording';

export interface RecordingFrame {
  /** ms since the recording started, on the source's clock (simulated time, or wall time for a real cluster). */
  t: number;
  changes: ClusterChange[];
}

export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: 1;
  mode: ClusterMode;
  server?: string;
  /** Epoch ms of the source clock when recording began. */
  startedAt: number;
  durationMs: number;
  initial: { kind: Kind; key: string; object: KubeObject }[];
  frames: RecordingFrame[];
}

export interface RecordingSession {
  /** Batches captured so far. */
  frameCount(): number;
  /** Stop listening and return the recording. */
  stop(): Recording;
}

function clockOf(client: ClusterClient): () => number {
  return () => client.time?.now() ?? Date.now();
}

/**
 * Elapsed time that never runs backwards: a simulator reset restarts its clock, but a recording's frames must stay
 * in order, so a backwards jump counts as no time passing.
 */
function monotonicElapsed(now: () => number): () => number {
  let last = now();
  let elapsed = 0;
  return () => {
    const n = now();
    if (n > last) elapsed += n - last;
    last = n;
    return elapsed;
  };
}

/** Start recording everything the client reports from now on. */
export function startRecording(client: ClusterClient): RecordingSession {
  const startedAt = clockOf(client)();
  const elapsed = monotonicElapsed(clockOf(client));
  const initial = [...client.cached()].map(([key, object]) => ({ kind: key.split('/')[0] as Kind, key, object }));
  const frames: RecordingFrame[] = [];
  const unsubscribe = client.subscribe((changes) => {
    if (changes.length) frames.push({ t: elapsed(), changes });
  });
  let stopped: Recording | null = null;
  return {
    frameCount: () => frames.length,
    stop: () => {
      if (stopped) return stopped;
      unsubscribe();
      const info = client.info();
      stopped = { format: RECORDING_FORMAT, version: 1, mode: client.mode, server: info.server, startedAt, durationMs: Math.max(elapsed(), frames.at(-1)?.t ?? 0), initial, frames };
      return stopped;
    },
  };
}

/** File name for a download, e.g. `k8s-recording-2025-01-15T00-10-00.json`. */
export function recordingFileName(rec: Recording): string {
  return `k8s-recording-${new Date(rec.startedAt).toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validChange(c: unknown): boolean {
  return isRecord(c) && (c.type === 'upsert' || c.type === 'delete') && (KINDS as readonly unknown[]).includes(c.kind) && typeof c.key === 'string' && isRecord(c.object);
}

/** Parse a recording file; throws a Korean message when it isn't one. */
export function parseRecording(text: string): Recording {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('기록 파일이 JSON 형식이 아닙니다.');
  }
  if (!isRecord(raw) || raw.format !== RECORDING_FORMAT) throw new Error('이 앱에서 만든 클러스터 기록 파일이 아닙니다.');
  if (raw.version !== 1) throw new Error(`지원하지 않는 기록 버전입니다: ${String(raw.version)}`);
  if (typeof raw.startedAt !== 'number' || typeof raw.durationMs !== 'number' || !Array.isArray(raw.initial) || !Array.isArray(raw.frames))
    throw new Error('기록 파일의 형식이 올바르지 않습니다.');
  const initialOk = raw.initial.every((e) => isRecord(e) && (KINDS as readonly unknown[]).includes(e.kind) && typeof e.key === 'string' && isRecord(e.object));
  const framesOk = raw.frames.every((f, i, all) => isRecord(f) && typeof f.t === 'number' && (i === 0 || f.t >= (all[i - 1] as RecordingFrame).t) && Array.isArray(f.changes) && f.changes.every(validChange));
  if (!initialOk || !framesOk) throw new Error('기록 파일의 형식이 올바르지 않습니다.');
  return raw as unknown as Recording;
}
