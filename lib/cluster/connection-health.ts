/**
 * The live stream's health as the header badge shows it: 연결 중 → 연결됨, and on trouble 재연결 중 that turns into
 * 연결 끊김 once the stream has been unhealthy for DISCONNECTED_AFTER_MS — even when no new error arrives to say so.
 * A connection that was never up is not "re"-connecting: it stays 연결 중 (with the reason) and turns into 연결 안 됨.
 */
import type { ConnectionState } from './types';
import { addListener } from './listeners';

/** After this long without a healthy stream the badge says 연결 끊김 instead of 재연결 중 (연결 안 됨 instead of 연결 중). */
export const DISCONNECTED_AFTER_MS = 30_000;

export class ConnectionHealth {
  private current: ConnectionState = 'connecting';
  private why: string | undefined;
  private unhealthySince: number | null = null;
  /** whether the stream has ever been healthy */
  private reached = false;
  private outageTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(s: ConnectionState, reason?: string) => void>();
  private stopped = false;

  get state(): ConnectionState {
    return this.current;
  }

  /** Why the connection is not healthy (Korean), if it is not. */
  get reason(): string | undefined {
    return this.why;
  }

  onChange(cb: (s: ConnectionState, reason?: string) => void): () => void {
    return addListener(this.listeners, cb);
  }

  healthy(): void {
    this.unhealthySince = null;
    this.reached = true;
    this.set('connected');
  }

  /** Up, but not everything is in yet (the server's first lists of the cluster): 연결 중, with why. */
  waiting(reason: string): void {
    this.unhealthySince = null;
    this.set('connecting', reason);
  }

  unhealthy(reason: string): void {
    const now = Date.now();
    this.unhealthySince ??= now;
    const long = now - this.unhealthySince >= DISCONNECTED_AFTER_MS;
    this.set(this.reached ? (long ? 'disconnected' : 'reconnecting') : long ? 'unreachable' : 'connecting', reason);
    // Re-evaluate later so a long outage turns into 연결 끊김 (연결 안 됨) even when no new error arrives.
    if (!long && !this.outageTimer) {
      this.outageTimer = setTimeout(() => {
        this.outageTimer = null;
        if (this.unhealthySince !== null && !this.stopped) this.unhealthy(this.why ?? reason);
      }, DISCONNECTED_AFTER_MS + 100);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.outageTimer) clearTimeout(this.outageTimer);
    this.listeners.clear();
  }

  private set(s: ConnectionState, reason?: string): void {
    if (this.current === s && this.why === reason) return;
    this.current = s;
    this.why = reason;
    for (const cb of this.listeners) cb(s, reason);
  }
}
