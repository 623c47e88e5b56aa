/**
 * A lesson's practice cluster as saved in localStorage: not the objects, but how to make them again —
 * the seed, a fingerprint of the lesson's setup, and every successful write the student made with the
 * simulated time it happened at. The engine is deterministic (same seed + same calls at the same
 * simulated times = the same cluster, see lib/sim/determinism.test.ts), so replaying the log rebuilds
 * the cluster exactly, rollouts in progress included.
 *
 * Saved data is schema-versioned and checked field by field before use; anything else is "corrupt" and
 * the caller starts fresh with a Korean notice. Pure: no DOM, no storage access here.
 */
import { isKind as isKindName, type Kind, type KubeObject } from '../k8s/types';
import type { DeleteOptions, PatchType } from '../k8s/client-types';
import type { TrafficStartSpec } from '../sim/types';

export const LAB_VERSION = 1;
export const LAB_KEY_PREFIX = 'k8s-ko-lab:';
/** One lab's saved size cap (UTF-16 chars). Past it the log stops growing and a reload starts fresh, saying so. */
export const MAX_LAB_CHARS = 150_000;
/** How many labs stay saved; saving another evicts the least recently saved. */
export const MAX_LABS = 8;

type At = { at: number };
export type LabEntry =
  | (At & { op: 'create' | 'update'; obj: KubeObject })
  | (At & { op: 'patch'; kind: Kind; name: string; ns?: string; patch: unknown; type: PatchType })
  | (At & { op: 'delete'; kind: Kind; name: string; ns?: string; opts?: DeleteOptions })
  | (At & { op: 'failNode' | 'recoverNode'; name: string })
  /** `exit N` in a shell attached by `kubectl run -it`: it ended the container's main process */
  | (At & { op: 'attachExit'; name: string; ns?: string; container: string; code: number })
  /** the load generator started (from the terminal's `traffic start` or the panel's 보내기) or stopped */
  | (At & { op: 'trafficStart'; spec: TrafficStartSpec })
  | (At & { op: 'trafficStop' });

export interface LabSession {
  v: typeof LAB_VERSION;
  seed: number;
  /** Fingerprint of the lesson's setup commands and settle time: an edited lesson starts fresh. */
  setup: string;
  /** Student commands (a kubectl line, an editor apply, a failure button), for the notice. */
  commands: number;
  /** Simulated time when last saved; the replay runs the clock up to it. */
  endAt: number;
  /** Wall-clock ms of the last save (evicts the least recently used lab). */
  savedAt: number;
  entries: LabEntry[];
  /** The log outgrew MAX_LAB_CHARS: recording stopped, the next visit starts fresh and says why. */
  overflow?: true;
}

export type SavedLab = { kind: 'none' } | { kind: 'corrupt' } | { kind: 'ok'; lab: LabSession };

export function labKey(name: string): string {
  return LAB_KEY_PREFIX + name;
}

/** Setup fingerprint: the commands and the settle time, joined (short, and exact). */
export function setupFingerprint(setup: readonly string[], settleMs: number): string {
  return JSON.stringify([setup, settleMs]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 253;
const isKind = (v: unknown): v is Kind => typeof v === 'string' && isKindName(v);
const isOptName = (v: unknown) => v === undefined || isName(v);
const PATCH_TYPES: readonly unknown[] = ['merge', 'strategic', 'json', 'apply'] satisfies PatchType[];

function isDeleteOptions(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isRecord(v)) return false;
  const grace = v.gracePeriodSeconds;
  const policy = v.propagationPolicy;
  return (grace === undefined || (Number.isInteger(grace) && (grace as number) >= 0)) && (policy === undefined || ['Foreground', 'Background', 'Orphan'].includes(policy as string));
}

const isOptional = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);
const isPort = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;

/** A traffic start as logged (the engine re-validates it on replay; this only guards the shape). */
function isTrafficSpec(v: unknown): boolean {
  if (!isRecord(v) || typeof v.target !== 'string' || v.target.length > 2_048 || !Number.isInteger(v.rate)) return false;
  const str = (x: unknown) => typeof x === 'string' && x.length <= 253;
  return isOptName(v.namespace) && isOptional(v.port, isPort) && isOptName(v.fromPod) && isOptional(v.outside, (x) => typeof x === 'boolean') && isOptional(v.host, str);
}

/** One logged write, checked field by field (also guards entries arriving from a class broadcast). */
export function isLabEntry(v: unknown): v is LabEntry {
  if (!isRecord(v) || !isTime(v.at)) return false;
  switch (v.op) {
    case 'create':
    case 'update':
      return isRecord(v.obj) && isRecord(v.obj.metadata) && isKind(v.obj.kind);
    case 'patch':
      return isKind(v.kind) && isName(v.name) && isOptName(v.ns) && 'patch' in v && PATCH_TYPES.includes(v.type);
    case 'delete':
      return isKind(v.kind) && isName(v.name) && isOptName(v.ns) && isDeleteOptions(v.opts);
    case 'failNode':
    case 'recoverNode':
      return isName(v.name);
    case 'trafficStart':
      return isTrafficSpec(v.spec);
    case 'trafficStop':
      return true;
    case 'attachExit':
      return isName(v.name) && isOptName(v.ns) && isName(v.container) && Number.isInteger(v.code) && (v.code as number) >= 0 && (v.code as number) <= 255;
    default:
      return false;
  }
}

/** Entries must be in time order: the replay cannot run the clock backwards. */
const inTimeOrder = (entries: LabEntry[]) => entries.every((e, i) => i === 0 || e.at >= entries[i - 1].at);

function isLabSession(v: unknown): v is LabSession {
  if (!isRecord(v) || v.v !== LAB_VERSION || !Number.isInteger(v.seed) || typeof v.setup !== 'string') return false;
  if (!Number.isInteger(v.commands) || (v.commands as number) < 0 || !isTime(v.endAt) || !isTime(v.savedAt)) return false;
  if (v.overflow !== undefined && v.overflow !== true) return false;
  return Array.isArray(v.entries) && v.entries.every(isLabEntry) && inTimeOrder(v.entries) && (v.entries.length === 0 || v.endAt >= v.entries[v.entries.length - 1].at);
}

/** Read a saved lab. Never throws: unreadable JSON, an unknown version or a wrong shape is `corrupt`. */
export function parseLab(raw: string | null | undefined): SavedLab {
  if (raw === null || raw === undefined) return { kind: 'none' };
  try {
    const parsed: unknown = JSON.parse(raw);
    return isLabSession(parsed) ? { kind: 'ok', lab: parsed } : { kind: 'corrupt' };
  } catch {
    return { kind: 'corrupt' };
  }
}

/**
 * Serialise for saving. A log past MAX_LAB_CHARS is saved as an overflow marker instead (kept small, so
 * the next visit can say why it starts fresh rather than silently showing an empty cluster).
 */
export function serializeLab(lab: LabSession): string {
  const text = JSON.stringify(lab);
  if (text.length <= MAX_LAB_CHARS && !lab.overflow) return text;
  return JSON.stringify({ ...lab, entries: [], overflow: true } satisfies LabSession);
}
