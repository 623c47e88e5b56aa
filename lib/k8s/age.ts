/**
 * Ages as kubectl prints them (apimachinery's duration.HumanDuration): precise while young, coarser with time,
 * e.g. `5s`, `119s`, `3m2s`, `45m`, `5h12m`, `20h`, `2d3h`, `12d`, `2y30d`.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Format a duration in milliseconds. Slightly negative values (clock skew < 2 s) read as `0s`. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return '<invalid>';
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Epoch ms of a Kubernetes timestamp (RFC 3339 string or Date, as client-node types it); NaN when absent. */
export function timestampMs(ts: unknown): number {
  if (ts instanceof Date) return ts.getTime();
  if (typeof ts === 'string' && ts !== '') return Date.parse(ts);
  if (typeof ts === 'number') return ts;
  return NaN;
}

/** kubectl's translateTimestampSince: `<unknown>` for a missing timestamp, else the age at `now`. */
export function ageSince(ts: unknown, now: number): string {
  const t = timestampMs(ts);
  if (Number.isNaN(t)) return '<unknown>';
  return formatAge(now - t);
}
