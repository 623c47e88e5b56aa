/**
 * One line per write attempt on stdout, JSON so log collectors can parse it. Records who (address,
 * user agent), what (action, namespace, name) and the result — never the token or manifest contents.
 * Every field is cut to a fixed length and stripped of control and bidi characters, and the log itself is
 * rate-limited: a flood of refused requests becomes one summary line per interval ("N lines suppressed",
 * by result) instead of filling the disk or hiding the lines that matter.
 */
import { echo } from './names';
import { RateLimiter } from './rate-limit';
import { processGlobals } from './process-globals';

export interface AuditRecord {
  action: string;
  namespace?: string;
  name?: string;
  result: 'ok' | 'denied' | 'invalid' | 'error' | 'limited';
  code: number;
  remote?: string;
  userAgent?: string;
  message?: string;
}

export type AuditSink = (line: string) => void;

export interface AuditLogOptions {
  sink?: AuditSink;
  /** Lines per second in the long run, and how many may come at once. */
  perSecond?: number;
  burst?: number;
  /** How long suppressed lines are counted before their summary is written. */
  summaryEveryMs?: number;
  now?: () => number;
}

const FIELD_LIMITS = { action: 40, namespace: 63, name: 253, remote: 64, userAgent: 160, message: 300 } as const;

export class AuditLog {
  private readonly sink: AuditSink;
  private readonly limiter: RateLimiter;
  private readonly summaryEveryMs: number;
  private readonly now: () => number;
  private suppressed = 0;
  private suppressedSince = 0;
  private byResult: Record<string, number> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(o: AuditLogOptions = {}) {
    this.sink = o.sink ?? ((line) => console.log(line));
    this.now = o.now ?? Date.now;
    const perSecond = o.perSecond ?? 20;
    this.limiter = new RateLimiter({ perMinute: perSecond * 60, burst: o.burst ?? 100, maxKeys: 1, now: this.now });
    this.summaryEveryMs = o.summaryEveryMs ?? 5_000;
  }

  write(rec: AuditRecord): void {
    if (!this.limiter.take('all').ok) {
      if (this.suppressed === 0) this.suppressedSince = this.now();
      this.suppressed++;
      this.byResult[rec.result] = (this.byResult[rec.result] ?? 0) + 1;
      this.timer ??= setTimeout(() => this.flushSummary(), this.summaryEveryMs);
      this.timer.unref?.();
      return;
    }
    const line: Record<string, unknown> = { audit: 'cluster-action', time: new Date(this.now()).toISOString(), result: rec.result, code: rec.code };
    for (const key of Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[]) {
      const v = rec[key];
      if (v !== undefined) line[key] = echo(v, FIELD_LIMITS[key]);
    }
    this.sink(JSON.stringify(line));
  }

  /** Writes the summary of suppressed lines now (tests, shutdown); a no-op when nothing was suppressed. */
  flushSummary(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.suppressed === 0) return;
    const since = new Date(this.suppressedSince).toISOString();
    this.sink(JSON.stringify({ audit: 'cluster-action-suppressed', time: new Date(this.now()).toISOString(), since, suppressed: this.suppressed, byResult: this.byResult }));
    this.suppressed = 0;
    this.byResult = {};
  }
}

/** The process-wide audit log. */
export function auditLog(): AuditLog {
  return (processGlobals().auditLog ??= new AuditLog());
}
