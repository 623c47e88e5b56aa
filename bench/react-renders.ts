/**
 * Counts React component renders in a bench page, for bench:graph: a stand-in for the React DevTools hook (React DOM
 * reports every commit to it, production builds too) walks each committed tree and counts the function and class
 * components that ran their render in that commit. A count, not a time: a busy machine slows renders but does not
 * make more of them, so before/after pairs compare even when the load differs.
 *
 * Which fibers rendered: a subtree React bailed out of keeps its old child fibers (`child === alternate.child`) and is
 * not entered; in the rest, a component whose `flags` has PerformedWork (1) ran its render this commit.
 * The walk enters only what React re-rendered, so it costs the measured frames less than that rendering did.
 */
import type { Page } from '@playwright/test';

/** Init script (before the page's scripts): installs the hook, counting only while `window.__renderStats.on`. */
export const REACT_RENDER_COUNTER = `(() => {
  const stats = { on: false, commits: 0, renders: 0, maxRenders: 0 };
  window.__renderStats = stats;
  if (window.__REACT_DEVTOOLS_GLOBAL_HOOK__) return;
  // Function, class, forwardRef and simple memo components (React's work tags 0, 1, 11, 15).
  const COMPONENT = new Set([0, 1, 11, 15]);
  const visit = (fiber) => {
    for (let c = fiber.child; c; c = c.sibling) {
      if (COMPONENT.has(c.tag) && (c.flags & 1) === 1) stats.renders++;
      if (!c.alternate || c.child !== c.alternate.child) visit(c);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (id, root) => {
      if (!stats.on) return;
      stats.commits++;
      const before = stats.renders;
      visit(root.current);
      stats.maxRenders = Math.max(stats.maxRenders, stats.renders - before);
    },
  };
})();`;

interface RenderCount {
  commits: number;
  renders: number;
  /** The most component renders in one commit: a commit that mounts many boxes at once is one long task. */
  maxRenders: number;
}

/** Start counting (the counter must have been installed with REACT_RENDER_COUNTER). */
export const startCountingRenders = (page: Page) => page.evaluate(`window.__renderStats && (window.__renderStats.on = true)`);

/** Stop counting and read the totals since startCountingRenders. */
export async function stopCountingRenders(page: Page): Promise<RenderCount> {
  return (await page.evaluate(`(() => { const s = window.__renderStats; if (!s) return { commits: 0, renders: 0, maxRenders: 0 }; s.on = false; return { commits: s.commits, renders: s.renders, maxRenders: s.maxRenders }; })()`)) as RenderCount;
}
