/**
 * The server's hardening settings, read once from the environment (documented in deploy/README.md):
 *
 *   TRUST_PROXY            number of reverse proxies in front of the app (0 = none, the default). Only then are
 *                          X-Forwarded-For / -Host / -Proto believed; without a proxy any client can write them.
 *   PUBLIC_ORIGIN          the origin students type, e.g. https://k8s.example.org. When set, writes must come
 *                          from exactly this origin.
 *   FRAME_ANCESTORS        who may show the app in an <iframe> (CSP frame-ancestors): 'none' (default), 'self',
 *                          or space-separated origins, e.g. the LMS that embeds the presenter view.
 *   POD_SECURITY           baseline (default) refuses privileged pods and host access in apply/patch;
 *                          privileged turns the check off.
 *   ACTION_RATE_PER_MIN    writes per client address per minute (burst of half a minute's worth)
 *   ACTION_FAILURES_PER_MIN refused write attempts (wrong token, foreign origin) per client address per minute
 *   STREAM_MAX             SSE streams in total;  STREAM_MAX_PER_CLIENT  per client address
 *   STREAM_QUEUE_MB        bytes waiting for slow browsers, all streams together; STREAM_QUEUE_PER_STREAM_MB each
 *   STREAM_SNAPSHOT_MB     the largest snapshot a browser is sent (default 64: 20,000 pods take about 30);
 *                          past it the browser gets a Korean explanation instead of a tab that runs out of memory
 *   STREAM_GZIP_MAX        SSE streams gzipped at a time for browsers that accept it (default 64, ~170 KB of RSS
 *                          each; 0 turns compression off); the streams past it are sent uncompressed
 * A malformed value falls back to the default (and the default is always the safe side).
 */
import type { EnvLike } from './cluster-env';
import { processGlobals } from './process-globals';

export type PodSecurityLevel = 'baseline' | 'privileged';

export interface SecuritySettings {
  trustProxyHops: number;
  /** Normalised origin (scheme://host[:port]) or null. */
  publicOrigin: string | null;
  /** The CSP frame-ancestors source list. */
  frameAncestors: string;
  podSecurity: PodSecurityLevel;
  actionsPerMinute: number;
  failuresPerMinute: number;
  maxStreams: number;
  maxStreamsPerClient: number;
  maxQueuedBytes: number;
  maxQueuedBytesPerStream: number;
  maxSnapshotBytes: number;
  maxGzipStreams: number;
}

const MB = 1024 * 1024;
/** Compressed streams at a time by default: 64 × ~170 KB ≈ 11 MB at most (sse-gzip.ts). */
const GZIP_STREAMS_DEFAULT = 64;

function intSetting(raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** "https://k8s.example.org/" → "https://k8s.example.org"; anything that is not an http(s) origin → null. */
export function parseOrigin(raw: string | undefined): string | null {
  if (!raw || raw.trim() === '') return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** scheme://host[:port][/path] with nothing a CSP parser would read as a separator (`;`, `,`, quotes). */
const ORIGIN_SOURCE = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?(\/[^\s;,'"]*)?$/i;

/**
 * FRAME_ANCESTORS → a CSP source list. Accepts the keywords none/self (quoted or not) and http(s) origins;
 * anything else (a stray `;` that would start a new directive, `*`, data:) is dropped.
 */
export function parseFrameAncestors(raw: string | undefined): string {
  const sources: string[] = [];
  for (const token of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const bare = token.replace(/^'|'$/g, '').toLowerCase();
    if (bare === 'none' || bare === 'self') sources.push(`'${bare}'`);
    else if (ORIGIN_SOURCE.test(token)) {
      const origin = parseOrigin(token);
      if (origin) sources.push(origin);
    }
  }
  if (sources.length === 0 || sources.includes("'none'")) return "'none'";
  return [...new Set(sources)].join(' ');
}

export function parseSecuritySettings(env: EnvLike): SecuritySettings {
  return {
    trustProxyHops: intSetting(env.TRUST_PROXY, 0, 0, 10),
    publicOrigin: parseOrigin(env.PUBLIC_ORIGIN),
    frameAncestors: parseFrameAncestors(env.FRAME_ANCESTORS),
    podSecurity: env.POD_SECURITY?.trim().toLowerCase() === 'privileged' ? 'privileged' : 'baseline',
    actionsPerMinute: intSetting(env.ACTION_RATE_PER_MIN, 60, 1, 100_000),
    failuresPerMinute: intSetting(env.ACTION_FAILURES_PER_MIN, 10, 1, 100_000),
    maxStreams: intSetting(env.STREAM_MAX, 500, 1, 100_000),
    maxStreamsPerClient: intSetting(env.STREAM_MAX_PER_CLIENT, 32, 1, 100_000),
    maxQueuedBytes: intSetting(env.STREAM_QUEUE_MB, 32, 1, 64 * 1024) * MB,
    maxQueuedBytesPerStream: intSetting(env.STREAM_QUEUE_PER_STREAM_MB, 4, 1, 1024) * MB,
    maxSnapshotBytes: intSetting(env.STREAM_SNAPSHOT_MB, 64, 1, 4096) * MB,
    maxGzipStreams: intSetting(env.STREAM_GZIP_MAX, GZIP_STREAMS_DEFAULT, 0, 10_000),
  };
}

/** The process-wide settings (on globalThis: Next.js may load the routes and the proxy as separate bundles). */
export function securitySettings(): SecuritySettings {
  return (processGlobals().securitySettings ??= parseSecuritySettings(process.env));
}
