/**
 * Optional CPU profile of the page's main thread for bench:graph (BENCH_PROFILE=1): which functions held the main
 * thread during the rollout, by self time. The production build is minified, so each row also shows the code around
 * the function's start, enough to find it in the source.
 */
import type { CDPSession, Page } from '@playwright/test';

/** The shape the Chrome DevTools protocol gives a profile's node (Profiler.ProfileNode). */
/** The shape of a whole profile (Profiler.Profile). */
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Stop profiling and print the functions with the most self time (ms), with a snippet of their minified source. */
export async function printProfile(cdp: CDPSession, top = Number(process.env.BENCH_PROFILE_TOP ?? 30)): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await printProfileOf(profile, top);
}

/** Print a profile already taken (Profiler.stop, or Profiler.consoleProfileFinished for a `console.profile()` span). */
export async function printProfileOf(profile: Profile, top = Number(process.env.BENCH_PROFILE_TOP ?? 30)): Promise<void> {
  const byId = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const rows = new Map<string, { ms: number; frame: ProfileNode['callFrame'] }>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;
    const row = rows.get(key) ?? { ms: 0, frame: f };
    row.ms += ms;
    rows.set(key, row);
  }
  const sources = new Map<string, string>();
  const snippet = async (url: string, line: number, col: number) => {
    if (!url.startsWith('http')) return '';
    if (!sources.has(url)) sources.set(url, await (await fetch(url)).text().catch(() => ''));
    const text = sources.get(url)!.split('\n')[line] ?? '';
    return text.slice(Math.max(0, col - 20), col + 100).replace(/\s+/g, ' ');
  };
  // Inclusive time: a node's self time plus its subtree's (a recursive function counts once per frame on the stack).
  const inclusive = new Map<string, { ms: number; frame: ProfileNode['callFrame'] }>();
  const walk = (id: number, onStack: Set<string>): number => {
    const n = byId.get(id)!;
    let ms = self.get(id) ?? 0;
    const f = n.callFrame;
    const key = `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;
    const fresh = !onStack.has(key);
    if (fresh) onStack.add(key);
    for (const c of n.children ?? []) ms += walk(c, onStack);
    if (fresh) {
      onStack.delete(key);
      const row = inclusive.get(key) ?? { ms: 0, frame: f };
      row.ms += ms;
      inclusive.set(key, row);
    }
    return ms;
  };
  walk(profile.nodes[0].id, new Set());
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`  CPU profile: ${Math.round(total)} ms wall; top self time:`);
  for (const { ms, frame } of [...rows.values()].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    const file = frame.url.split('/').pop();
    console.log(`   ${ms.toFixed(0).padStart(6)} ms  ${frame.functionName || '(anon)'} ${file}:${frame.lineNumber}:${frame.columnNumber}  ${await snippet(frame.url, frame.lineNumber, frame.columnNumber)}`);
  }
  console.log('  top inclusive time:');
  for (const { ms, frame } of [...inclusive.values()].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    const file = frame.url.split('/').pop();
    console.log(`   ${ms.toFixed(0).padStart(6)} ms  ${frame.functionName || '(anon)'} ${file}:${frame.lineNumber}:${frame.columnNumber}  ${await snippet(frame.url, frame.lineNumber, frame.columnNumber)}`);
  }
}
