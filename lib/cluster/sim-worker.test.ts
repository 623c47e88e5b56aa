import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: records what was made and lets a test fire its `error` event. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor(readonly url: URL | string) {
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
