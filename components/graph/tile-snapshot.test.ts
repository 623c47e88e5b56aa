import { describe, expect, it } from 'vitest';
import { CanvasSnapshot, type SnapshotCanvas, type SnapshotEnv, type SnapshotImage } from './tile-snapshot';

/** A canvas whose encodes finish when the test says, an image whose decodes resolve at once, timers run by hand. */
function rig() {
  const encodes: ((blob: Blob | null) => void)[] = [];
  const canvas: SnapshotCanvas = {
    style: { visibility: '' },
    toBlob: (done) => void encodes.push(done),
    getAttribute: (name) => (name === 'aria-label' ? '파드 타일 3개: 실행 중 3개' : null),
  };
  const image: SnapshotImage = { src: '', alt: '', hidden: false, decode: () => Promise.resolve() };
  const timers = new Map<number, () => void>();
  let nextTimer = 0;
  const live = new Set<string>();
  let nextURL = 0;
  const clock = { now: 0 };
  const moving = { now: false };
  const reveals: (() => void)[] = [];
  const env: SnapshotEnv = {
    now: () => clock.now,
    setTimer: (run) => (timers.set(++nextTimer, run), nextTimer),
    clearTimer: (t) => void timers.delete(t as number),
    createURL: () => {
      const url = `blob:${++nextURL}`;
      live.add(url);
      return url;
    },
    revokeURL: (url) => void live.delete(url),
    quietMs: 1000,
    held: () => moving.now,
    reveal: (show) => void reveals.push(show),
  };
  const runReveals = () => {
    for (const show of reveals.splice(0)) show();
  };
  const runTimers = () => {
    const due = [...timers.values()];
    timers.clear();
    for (const run of due) run();
  };
  // a decode's promise, then the frame the swap waits for
  const flush = async () => {
    await new Promise((r) => setTimeout(r, 0));
    runReveals();
  };
  return { clock, moving, reveals, runReveals, canvas, image, env, encodes, timers, live, runTimers, flush, snapshot: new CanvasSnapshot(canvas, image, env) };
}

describe('a still canvas shown as an image', () => {
  it('replaces the canvas once it has gone quietMs without a paint, named as the canvas is', async () => {
    const r = rig();
    expect(r.image.hidden).toBe(true);
    r.snapshot.painted();
    r.snapshot.painted(); // a second paint restarts the wait: one timer, one encode
    expect(r.timers.size).toBe(1);
    r.runTimers();
    expect(r.encodes).toHaveLength(1);
    r.encodes[0](new Blob(['png']));
    await r.flush();
    expect(r.snapshot.shown).toBe(true);
    expect(r.image.hidden).toBe(false);
    expect(r.image.src).toBe('blob:1');
    expect(r.image.alt).toBe('파드 타일 3개: 실행 중 3개');
    // hidden, not removed: the canvas keeps its place and size and gives up its compositor layer
    expect(r.canvas.style.visibility).toBe('hidden');
  });

  it('keeps a detailed (zoomed-in) drawing a canvas: the image shown for a zoomed-out one goes, and no new one is taken', async () => {
    const r = rig();
    r.snapshot.painted();
    r.runTimers();
    r.encodes[0](new Blob(['far']));
    await r.flush();
    expect(r.snapshot.shown).toBe(true);
    r.snapshot.painted(false); // zoomed in past the compact zoom: the painter drew text and rounded tiles
    expect(r.snapshot.shown).toBe(false);
    expect(r.canvas.style.visibility).toBe('');
    expect(r.timers.size).toBe(0);
    r.runTimers();
    expect(r.encodes).toHaveLength(1);
  });

  it('waits while the graph keeps changing elsewhere (a rollout), and takes the image once the whole graph is still', async () => {
    const r = rig();
    r.snapshot.painted();
    r.clock.now = 600;
    r.snapshot.stirred(); // another box's pod changed: this grid did not repaint
    r.clock.now = 1000;
    r.runTimers();
    expect(r.encodes).toHaveLength(0);
    expect(r.timers.size).toBe(1); // waiting on for the rest of the quiet time after the last change
    r.clock.now = 1600;
    r.runTimers();
    expect(r.encodes).toHaveLength(1);
    r.encodes[0](new Blob(['still']));
    await r.flush();
    expect(r.snapshot.shown).toBe(true);
  });

  it('swaps no image in while the view pans or zooms: not when the wait ends, not when a decode ends mid-gesture', async () => {
    const r = rig();
    r.snapshot.painted();
    r.moving.now = true; // a drag began
    r.runTimers();
    expect(r.encodes).toHaveLength(0); // not even encoded: it tries again shortly
    expect(r.timers.size).toBe(1);
    r.moving.now = false;
    r.runTimers();
    expect(r.encodes).toHaveLength(1);
    r.encodes[0](new Blob(['a']));
    await new Promise((done) => setTimeout(done, 0)); // decoded; the swap waits for the frame
    r.moving.now = true; // the next gesture began before that frame
    r.runReveals();
    expect(r.snapshot.shown).toBe(false);
    expect(r.canvas.style.visibility).toBe('');
    r.moving.now = false;
    r.runTimers();
    r.encodes[1](new Blob(['b']));
    await r.flush();
    expect(r.snapshot.shown).toBe(true);
  });

  it('swaps every grid whose image is ready in the same frame', async () => {
    const r = rig();
    const other = new CanvasSnapshot({ ...r.canvas, style: { visibility: '' } }, { ...r.image }, r.env);
    r.snapshot.painted();
    other.painted();
    r.runTimers();
    for (const encode of r.encodes) encode(new Blob(['x']));
    await new Promise((done) => setTimeout(done, 0));
    expect([r.snapshot.shown, other.shown]).toEqual([false, false]);
    expect(r.reveals).toHaveLength(2);
    r.runReveals();
    expect([r.snapshot.shown, other.shown]).toEqual([true, true]);
  });

  it('shows the canvas again the moment it is painted, and images it again once still', async () => {
    const r = rig();
    r.snapshot.painted();
    r.runTimers();
    r.encodes[0](new Blob(['a']));
    await r.flush();
    r.snapshot.painted(); // a pod changed
    expect(r.snapshot.shown).toBe(false);
    expect(r.image.hidden).toBe(true);
    expect(r.canvas.style.visibility).toBe('');
    r.runTimers();
    r.encodes[1](new Blob(['b']));
    await r.flush();
    expect(r.image.src).toBe('blob:2');
    expect([...r.live]).toEqual(['blob:2']); // the first picture's URL is given back
  });

  it('an encode that finishes after a newer paint shows nothing (the picture would be out of date)', async () => {
    const r = rig();
    r.snapshot.painted();
    r.runTimers();
    r.snapshot.painted(); // painted while the bitmap was being encoded
    r.encodes[0](new Blob(['old']));
    await r.flush();
    expect(r.snapshot.shown).toBe(false);
    expect(r.canvas.style.visibility).toBe('');
    expect(r.live.size).toBe(0);
  });

  it('a grid that goes away for good keeps no timer and no URL', async () => {
    const r = rig();
    r.snapshot.painted();
    r.runTimers();
    r.encodes[0](new Blob(['a']));
    await r.flush();
    r.snapshot.painted();
    r.snapshot.dispose();
    expect(r.timers.size).toBe(0);
    expect(r.live.size).toBe(0);
    expect(r.canvas.style.visibility).toBe('');
  });
});
