/**
 * Records a ClusterClient's change stream (simulated or real) to a JSON-friendly Recording: the objects known at
 * the start, then every batch of changes with its time offset. ReplayClient plays it back offline.
 */
import { z } from '../validation/zod';
import type { Cause } from '../k8s/client-types';
import { KINDS, type Kind, type KubeObject } from '../k8s/types';
import type { ClusterClient, ClusterMode } from './types';

export const RECORDING_FORMAT = 'k8s-ko-recording';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a recording file must hold for ReplayClient and the views to use it. Objects are checked as far as the views
 * read them without guarding (metadata.name); their other fields are shown as recorded.
 */
const objectSchema = z.custom<KubeObject>((v) => isRecord(v) && isRecord(v.metadata) && typeof v.metadata.name === 'string');
const causeSchema = z.object({ actor: z.string(), message: z.string(), hop: z.enum(['apiserver', 'etcd', 'controller', 'scheduler', 'kubelet'] satisfies Cause['hop'][]).optional() });
const entrySchema = z.object({ kind: z.enum(KINDS), key: z.string(), object: objectSchema });
const changeSchema = entrySchema.extend({ type: z.enum(['upsert', 'delete']), cause: causeSchema.optional() });
const frameSchema = z.object({
  /** ms since the recording started, on the source's clock (simulated time, or wall time for a real cluster). */
  t: z.number().min(0),
  changes: z.array(changeSchema),
});
export type RecordingFrame = z.infer<typeof frameSchema>;

const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(1),
  mode: z.enum(['sim', 'live', 'replay'] satisfies ClusterMode[]),
  server: z.string().optional(),
  /** Epoch ms of the source clock when recording began. */
  startedAt: z.number(),
  durationMs: z.number().min(0),
  initial: z.array(entrySchema),
  /** In time order. */
  frames: z.array(frameSchema).refine((frames) => frames.every((f, i) => i === 0 || f.t >= frames[i - 1].t)),
});
export type Recording = z.infer<typeof recordingSchema>;

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
  const parsed = recordingSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`기록 파일의 형식이 올바르지 않습니다 (${parsed.error.issues[0].path.join('.') || '최상위'}).`);
  return parsed.data;
}
