/**
 * The simulator engine's Web Worker (sim.worker.ts), made in one place. A page that will run the engine starts it
 * early (startSimWorkerEarly, while the page hydrates) and the page's client takes it over (takeSimWorker): the
 * worker's script is fetched and evaluated on its own thread while the main thread is busy with the page, instead of
 * after the page's effects and the client's code have loaded.
 *
 * A worker started early may fail to load before anyone listens to it; its error is kept, and takeSimWorker then
 * hands out nothing, so the caller makes a worker of its own and sees the same failure through its own listeners.
 */

interface EarlyWorker {
  worker: Worker;
  failed: boolean;
}

let early: EarlyWorker | null = null;
/** Once per page load: a provider that renders again after its client took the worker must not start another. */
let startedEarly = false;

export function createSimWorker(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'k8s-sim' });
}

/** Starts the engine's worker, the first time a page asks. No-op where there are no workers. */
export function startSimWorkerEarly(): void {
  if (startedEarly || typeof Worker === 'undefined') return;
  startedEarly = true;
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
