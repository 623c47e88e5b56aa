/**
 * resource.Quantity parsing and formatting ("100m", "2", "128Mi", "4Gi", "1G", "1e3").
 * Numbers are plain JS numbers in base units: cores for CPU, bytes for memory.
 */
import { badRequest } from './selectors';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** True when s is a valid Kubernetes quantity string. */
export function isQuantity(s: string): boolean {
  return QUANTITY.test(s.trim());
}

/**
 * Parses a quantity into base units (cores or bytes). Throws BadRequest on garbage with the API
 * server's wording ("quantities must match the regular expression …").
 */
export function parseQuantity(q: string | number): number {
  if (typeof q === 'number') return q;
  const m = QUANTITY.exec(q.trim());
  if (!m) throw badRequest(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** CPU quantity → millicores (integer, rounded up like the API server's MilliValue). */
export function parseCpuMillis(q: string | number | undefined): number {
  if (q === undefined || q === '') return 0;
  return Math.ceil(parseQuantity(q) * 1000 - 1e-9);
}

/** Memory quantity → bytes (integer, rounded up). */
export function parseMemoryBytes(q: string | number | undefined): number {
  if (q === undefined || q === '') return 0;
  return Math.ceil(parseQuantity(q) - 1e-9);
}

/** Millicores → canonical CPU string: whole cores as "2", otherwise "250m". */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${Math.round(millis)}m`;
}

/** Bytes → the largest exact binary suffix ("128Mi", "4Gi"), falling back to decimal ("1G") or plain bytes. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) if (bytes % BINARY[s] === 0) return `${bytes / BINARY[s]}${s}`;
  for (const s of ['E', 'P', 'T', 'G', 'M', 'k']) if (bytes % DECIMAL[s] === 0) return `${bytes / DECIMAL[s]}${s}`;
  return String(bytes);
}

/** Percentage helper for `kubectl describe node` / `top`: 250m of 2 → 12. Integer like kubectl (floor). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part / whole) * 100) : 0;
}
