import { expect, type Locator, type Page } from '@playwright/test';

/** Wait until React Flow's viewport (zoom and pan) has held still for a moment: fitView has finished. */
export async function settleGraph(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport').first();
  await expect(viewport).toBeAttached({ timeout: 60_000 });
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await viewport.evaluate((el) => getComputedStyle(el).transform);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 20_000, intervals: [600] },
    )
    .toBe(true);
}

/**
 * Smallest on-screen font size among visible elements that hold text directly: computed font size × the
 * scale every transform above the element applies (getBoundingClientRect width / layout width).
 */
async function smallestTextPx(scope: Locator): Promise<number> {
  const sizes = await scope.evaluateAll((roots) => {
    const out: number[] = [];
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')] as HTMLElement[]) {
        const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!text || el.offsetWidth === 0 || el.closest('[aria-pressed="true"]')) continue;
        const scale = el.getBoundingClientRect().width / el.offsetWidth;
        out.push(parseFloat(getComputedStyle(el).fontSize) * scale);
      }
    }
    return out;
  });
  return sizes.length ? Math.round(Math.min(...sizes) * 10) / 10 : 0;
}

/** Smallest pod name on screen (first line of each unselected tile). */
export function smallestPodNamePx(page: Page): Promise<number> {
  return smallestTextPx(page.locator('[data-pod-tile][aria-pressed="false"] .pod-line:first-child'));
}

/** Smallest text in the node boxes' headers: role, name, status, CPU/memory figures, pod count. */
export function smallestNodeTextPx(page: Page): Promise<number> {
  return smallestTextPx(page.locator('[data-node-box] > header'));
}

/** The cluster canvas's share of the window: by area and by height. */
export async function graphShare(page: Page): Promise<{ area: number; height: number }> {
  return page.locator('[data-cluster-canvas]').evaluate((el) => {
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return { area: round((w * h) / (innerWidth * innerHeight)), height: round(h / innerHeight) };
  });
}

/** How many lines of text an element's text runs over (1 = nothing wrapped). */
export function lineCount(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const tops: number[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Visually hidden text (sr-only: a 1 px clipped box) is not on screen.
      if (!n.textContent!.trim() || (n.parentElement?.getBoundingClientRect().width ?? 0) <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1 && !tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
    }
    return tops.length;
  });
}
