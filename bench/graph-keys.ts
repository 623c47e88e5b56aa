/**
 * How fast the page answers the keyboard while something else runs (bench:graph, during a rollout). Issue 16's
 * complaint was that "during a big rollout the page stops answering the keyboard": frame times and long tasks say so
 * only indirectly, so this types into the kubectl terminal, as a student would while watching, and times each key.
 *
 * Per key: from the moment the browser made the keydown event (`event.timeStamp`) to the start of the first animation
 * frame after its handler ran, the frame that paints the typed letter. That is the key's input delay (waiting behind
 * whatever held the main thread), its handling and the wait for the next frame: what the Event Timing API counts up to
 * the paint (web.dev/articles/inp), measured for every key rather than only for those over its 16 ms threshold.
 * Keys go in pairs, a letter then Backspace, so the prompt never fills up and nothing is run.
 */
import type { Page } from '@playwright/test';

export interface KeyLatency {
  /** keys the page received */
  keys: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** keys that took longer than 100 ms to show (the RAIL model's "instant" response limit) */
  over100: number;
}

const PROMPT = 'kubectl 명령 입력';
/** Time between two keys: a slow typist, so keys seldom queue behind one another. */
const KEY_GAP_MS = 200;

/** Focus the terminal's prompt and start recording key latencies in the page. */
export async function startKeyProbe(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: PROMPT }).focus();
  await page.evaluate(`(() => {
    const got = (window.__keyLatency = []);
    window.addEventListener('keydown', (e) => {
      const made = e.timeStamp;
      requestAnimationFrame(() => got.push(performance.now() - made));
    }, { capture: true });
  })()`);
}

/**
 * Types letter-and-Backspace pairs into the focused prompt until `done` resolves; then returns the latencies. Each
 * press waits for the page to take the key (Playwright's press resolves once the renderer has handled it).
 */
export async function typeUntil(page: Page, done: Promise<unknown>): Promise<KeyLatency> {
  let finished = false;
  const stop = () => (finished = true);
  // both ways, so a failed rollout ends the typing and reaches the caller through `await done` only once
  done.then(stop, stop);
  for (let i = 0; !finished; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'k' : 'Backspace');
    await new Promise((r) => setTimeout(r, KEY_GAP_MS));
  }
  await done;
  // the last key's frame may still be due
  await page.waitForTimeout(100);
  const ms = ((await page.evaluate('window.__keyLatency')) as number[]).slice().sort((a, b) => a - b);
  const at = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] : NaN);
  return { keys: ms.length, p50Ms: at(50), p95Ms: at(95), maxMs: ms.at(-1) ?? NaN, over100: ms.filter((x) => x > 100).length };
}
