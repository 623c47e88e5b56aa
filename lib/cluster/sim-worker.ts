/**
 * The simulator engine's Web Worker (sim.worker.ts, built as one script: scripts/build-sim-worker.mjs), made in one
 * place. A page that will run the engine starts it early and the page's client takes it over (takeSimWorker): the
 * worker's script is fetched and evaluated on its own thread while the main thread is busy with the page, instead of
 * after the page's effects and the client's code have loaded.
 * - On a full page load, an inline script in the page's HTML starts it (SimWorkerStart, sim-worker-start.tsx) as the
 *   parser reaches it, before the page's own code has loaded; startSimWorkerEarly adopts that worker.
 * - After a navigation inside the app (no new HTML), startSimWorkerEarly starts it while the page renders.
 *
 * A worker started early may fail to load before anyone listens to it; its error is kept, and takeSimWorker then
 * hands out nothing, so the caller makes a worker of its own and sees the same failure through its own listeners.
 */

/** Where the worker's script is served (public/, built by scripts/build-sim-worker.mjs). */
const SIM_WORKER_URL = '/sim-worker.js';
/** The worker's name (a page's workers tell it apart by this). */
const SIM_WORKER_NAME = 'k8s-sim';
/** The window property the inline start script leaves its worker in (see sim-worker-start.tsx). */
const EARLY_WORKER_GLOBAL = '__k8sSimWorker';

interface EarlyWorker {
  worker: Worker;
  failed: boolean;
}

let early: EarlyWorker | null = null;
/** Once per page load: a provider that renders again after its client took the worker must not start another. */
let startedEarly = false;

export function createSimWorker(): Worker {
  return new Worker(SIM_WORKER_URL, { name: SIM_WORKER_NAME });
}

/**
 * The inline script a page's HTML runs to start the worker (sim-worker-start.tsx renders it): it leaves the worker and
 * its failure flag where adoptInlineWorker finds them, and stands aside for bare machines (`?machines=1`), whose
 * engine stays on the page.
 */
export const EARLY_START_SCRIPT =
  `(function(){try{if(typeof Worker!=='function'||new URLSearchParams(location.search).get('machines')==='1')return;` +
  `var s={worker:new Worker(${JSON.stringify(SIM_WORKER_URL)},{name:${JSON.stringify(SIM_WORKER_NAME)}}),failed:false};` +
  `var f=function(){s.failed=true};s.worker.addEventListener('error',f);s.worker.addEventListener('messageerror',f);` +
  `window[${JSON.stringify(EARLY_WORKER_GLOBAL)}]=s}catch(e){}})();`;

/** The worker the page's inline script started, once (and only a well-formed one). */
function adoptInlineWorker(): EarlyWorker | null {
  const w = globalThis as unknown as Record<string, unknown>;
  const found = w[EARLY_WORKER_GLOBAL] as Partial<EarlyWorker> | undefined;
  if (found === undefined) return null;
  delete w[EARLY_WORKER_GLOBAL];
  return found && typeof Worker !== 'undefined' && found.worker instanceof Worker && typeof found.failed === 'boolean' ? (found as EarlyWorker) : null;
}

/** Starts the engine's worker (or adopts the one the page's HTML started), the first time a page asks. No-op where there are no workers. */
export function startSimWorkerEarly(): void {
  if (startedEarly || typeof Worker === 'undefined') return;
  startedEarly = true;
  const inline = adoptInlineWorker();
  if (inline) {
    early = inline;
    return;
  }
  try {
    const started: EarlyWorker = { worker: createSimWorker(), failed: false };
    const fail = () => {
      started.failed = true;
    };
    started.worker.addEventListener('error', fail);
    started.worker.addEventListener('messageerror', fail);
    early = started;
  } catch {
    // the page's client tries again and falls back to the in-process engine if it must
  }
}

/** The early worker, once (null when none was started or it failed to load). */
export function takeSimWorker(): Worker | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (taken.failed) {
    taken.worker.terminate();
    return null;
  }
  return taken.worker;
}
