/**
 * A joined student's follow-me feed, one connection per page shared by everything that shows it (the
 * Playground's follow bar, the "go to this lesson" notice). Keeps the broadcast's current whole state — the
 * recipe plus every appended write and the latest clock — so following can start (or restart after a gap)
 * at any moment without asking the server again. Reconnects with backoff; browser-only, no React.
 */
import { createSseParser } from '@/lib/text/sse-parse';
import type { FollowMessage, FollowNav, FollowSnapshot } from '@/lib/classroom/follow-protocol';
import { mergeEchoes, type TerminalEcho } from '@/lib/classroom/follow-terminal';

/** The broadcast's recent terminal lines after a live message (a student may start following at any time). */
const withEchoes = (b: FollowSnapshot, fresh: TerminalEcho[] | undefined) => (fresh ? mergeEchoes(b.terminal ?? [], fresh) : b.terminal);

export interface FollowFeedState {
  broadcast: FollowSnapshot | null;
  nav: FollowNav | null;
}

type Listener = (state: FollowFeedState, message: FollowMessage | null) => void;

export class FollowFeed {
  state: FollowFeedState = { broadcast: null, nav: null };
  private readonly listeners = new Set<Listener>();
  private readonly abort = new AbortController();

  constructor(
    private readonly code: string,
    private readonly rejoin: string,
  ) {
    void this.connect(0);
  }

  /** Called with the state now and after every message (with the message that changed it). */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    l(this.state, null);
    return () => void this.listeners.delete(l);
  }

  get idle(): boolean {
    return this.listeners.size === 0;
  }

  close(): void {
    this.abort.abort();
  }

  private receive(m: FollowMessage): void {
    const b = this.state.broadcast;
    if (m.type === 'snapshot') this.state = { ...this.state, broadcast: { session: m.session, seed: m.seed, setup: m.setup, settleMs: m.settleMs, entries: m.entries, clock: m.clock, terminal: m.terminal } };
    else if (m.type === 'append' && b?.session === m.session && m.from === b.entries.length) this.state = { ...this.state, broadcast: { ...b, entries: [...b.entries, ...m.entries], clock: m.clock, terminal: withEchoes(b, m.terminal) } };
    else if (m.type === 'clock' && b?.session === m.session) this.state = { ...this.state, broadcast: { ...b, clock: m.clock, terminal: withEchoes(b, m.terminal) } };
    else if (m.type === 'stopped' || m.type === 'gone') this.state = { ...this.state, broadcast: null };
    else if (m.type === 'nav') this.state = { ...this.state, nav: { lesson: m.lesson, anchor: m.anchor, title: m.title, version: m.version } };
    for (const l of this.listeners) l(this.state, m);
  }

  private async connect(attempt: number): Promise<void> {
    try {
      const res = await fetch(`/api/class/${encodeURIComponent(this.code)}/follow/stream`, { headers: { 'x-class-rejoin': this.rejoin }, signal: this.abort.signal });
      if (res.status === 404) return; // not (or no longer) a member: nothing to follow
      if (!res.ok || !res.body) throw new Error(String(res.status));
      attempt = 0;
      const parse = createSseParser((event, data) => {
        if (event === 'hello' || event === 'problem') return;
        this.receive(JSON.parse(data) as FollowMessage);
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parse(value);
      }
    } catch {
      // network or server trouble: retry below
    }
    if (this.abort.signal.aborted) return;
    await new Promise((r) => setTimeout(r, Math.min(15_000, 1000 * 2 ** attempt)));
    if (!this.abort.signal.aborted) return this.connect(attempt + 1);
  }
}

let shared: { key: string; feed: FollowFeed } | null = null;

/** The page's feed for this membership (one connection however many views use it). */
export function followFeedFor(code: string, rejoin: string): FollowFeed {
  const key = `${code}:${rejoin}`;
  if (shared?.key !== key) {
    shared?.feed.close();
    shared = { key, feed: new FollowFeed(code, rejoin) };
  }
  return shared.feed;
}
