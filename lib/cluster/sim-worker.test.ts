import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: records what was made and lets a test fire its `error` event. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor(
    readonly url: URL | string,
    readonly options?: WorkerOptions,
  ) {
    super();
    FakeWorker.made.push(this);
  }
  terminate() {
    this.terminated = true;
  }
}

// each test gets a fresh module: "once per page load" is module state
async function load() {
  vi.resetModules();
  return import('./sim-worker');
}

describe('the engine worker started early', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is handed to the first client that asks, and only to it', async () => {
    const m = await load();
    m.startSimWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    expect(m.takeSimWorker()).toBe(FakeWorker.made[0]);
    expect(m.takeSimWorker()).toBeNull();
  });

  it('starts once per page: a provider rendering again after its client took the worker starts no other', async () => {
    const m = await load();
    m.startSimWorkerEarly();
    m.startSimWorkerEarly();
    m.takeSimWorker();
    m.startSimWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('a worker whose script failed before anyone listened is ended and not handed out', async () => {
    const m = await load();
    m.startSimWorkerEarly();
    FakeWorker.made[0].dispatchEvent(new Event('error'));
    expect(m.takeSimWorker()).toBeNull();
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it('nothing is started where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const m = await load();
    m.startSimWorkerEarly();
    expect(m.takeSimWorker()).toBeNull();
  });
});

describe("the worker a page's HTML starts (EARLY_START_SCRIPT)", () => {
  /** Runs the inline script as the browser would (on a page at `search`). */
  async function runInline() {
    const m = await load();
    new Function(m.EARLY_START_SCRIPT)();
    return m;
  }
  let search = '';
  beforeEach(() => {
    FakeWorker.made = [];
    search = '';
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('location', {
      get search() {
        return search;
      },
    });
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__k8sSimWorker;
    vi.unstubAllGlobals();
  });

  it('starts the one-file worker by name, and the page adopts it instead of starting another', async () => {
    const m = await runInline();
    expect(FakeWorker.made).toHaveLength(1);
    expect(String(FakeWorker.made[0].url)).toBe('/sim-worker.js');
    expect(FakeWorker.made[0].options).toEqual({ name: 'k8s-sim' });
    m.startSimWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    expect(m.takeSimWorker()).toBe(FakeWorker.made[0]);
    // adopted once: the global is gone, and a later navigation's client makes its own
    expect((globalThis as Record<string, unknown>).__k8sSimWorker).toBeUndefined();
    expect(m.takeSimWorker()).toBeNull();
  });

  it("a script that failed to load before the page's code ran is not handed out (the client makes its own)", async () => {
    const m = await runInline();
    FakeWorker.made[0].dispatchEvent(new Event('error'));
    m.startSimWorkerEarly();
    expect(m.takeSimWorker()).toBeNull();
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it('stands aside for bare machines (?machines=1): no worker', async () => {
    search = '?machines=1';
    await runInline();
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('a page value that is not a started worker is ignored: the page starts its own', async () => {
    const m = await load();
    (globalThis as Record<string, unknown>).__k8sSimWorker = { worker: 'nope', failed: false };
    m.startSimWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    expect(m.takeSimWorker()).toBe(FakeWorker.made[0]);
  });
});
