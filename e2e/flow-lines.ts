import type { Page } from '@playwright/test';

/**
 * Start recording every line the control-plane flow panel shows, however briefly (it speeds up while a burst waits,
 * so polling its text could miss a line). Returns a function that reads the lines seen so far.
 */
export async function recordFlowLines(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    window.flowLines = seen;
    const current = document.querySelector('[data-flow-current]')!;
    const collect = () => current.querySelectorAll('li').forEach((li) => seen.add(li.textContent ?? ''));
    new MutationObserver(collect).observe(current, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window.flowLines ?? [])]);
}
