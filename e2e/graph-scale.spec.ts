import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';
import { terminalOutput, typeCommand } from './kubectl-terminal';

const graph = (page: Page) => page.getByRole('application', { name: '클러스터 그래프' });
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];

/** Pod tiles drawn on canvas grids so far (each grid says how many it painted). */
const paintedOnCanvas = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-pod-grid]')].reduce((n, g) => n + Number(g.dataset.painted ?? 0), 0));

/**
 * The RGBA the graph's tile layer (the one canvas over the pane that shows every grid) has on screen at (x, y) CSS px
 * from the top left of `el`, in `el`'s own px (scaled by the zoom as `el` is): what the user sees there.
 */
const layerPixel = (el: Locator, x: number, y: number) =>
  el.evaluate(
    (e: HTMLElement, [x, y]) => {
      const layer = e.closest('.react-flow')!.querySelector<HTMLCanvasElement>('canvas[data-pod-layer]')!;
      const r = e.getBoundingClientRect();
      const k = e.offsetWidth > 0 ? r.width / e.offsetWidth : 1;
      const l = layer.getBoundingClientRect();
      const d = layer.width / l.width;
      return [...layer.getContext('2d')!.getImageData(Math.floor((r.left + x * k - l.left) * d), Math.floor((r.top + y * k - l.top) * d), 1, 1).data];
    },
    [x, y],
  );

async function screenshotsEverywhere(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize(vp);
      // The graph refits to the new size; give it the frame or two it needs.
      await page.waitForTimeout(1500);
      await saveScreenshot(page, test.info(), `${name}-${vp.width}-${theme}`);
    }
  }
  await setTheme(page, 'light');
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe.configure({ mode: 'serial' });

test('at 5,000 pods the tiles are drawn on canvas and a pod opens from the keyboard', async ({ page }) => {
  test.setTimeout(420_000);
  const errors = trackConsoleErrors(page);
  // What the progress bar said while the cluster's objects came into the page (it shows for a few frames only).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __loadingSeen?: string[] }).__loadingSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-cluster-loading] [role="progressbar"]');
      const now = bar ? `${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}` : null;
      if (now && seen.at(-1) !== now) seen.push(now);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  // Bench mode seeds a 5,000-replica Deployment on 50 workers before the graph mounts.
  await page.goto('/playground?bench=5000&nodes=50');
  await expect(graph(page)).toBeVisible({ timeout: 300_000 });
  // More objects than the page folds in at once (lib/store/connect-client.ts LOAD_AT_ONCE): they came in over several
  // frames behind a progress bar, counting up to all of them, and the graph was laid out after.
  const progress = (await page.evaluate(() => (window as { __loadingSeen?: string[] }).__loadingSeen ?? [])).map((p) => p.split('/').map(Number));
  expect(progress.length).toBeGreaterThan(1);
  expect(progress[0][1]).toBeGreaterThan(5000);
  expect(progress.every(([done, total], i) => total === progress[0][1] && (i === 0 || done > progress[i - 1][0]))).toBe(true);
  await expect(page.locator('[data-cluster-loading]')).toHaveCount(0);
  await expect.poll(() => paintedOnCanvas(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(5000);
  // No pod has a DOM tile of its own; the only tile elements are the stand-ins over a focused or hovered tile.
  await expect(page.locator('[data-pod-tile]:not([data-pod-proxy])')).toHaveCount(0);
  // The app's own first-render watcher counts canvas tiles too: it records the time (and stops polling every frame).
  const firstRender = () => page.evaluate(() => (window as { __graphBench?: { firstRenderMs: number | null } }).__graphBench?.firstRenderMs ?? null);
  await expect.poll(firstRender, { timeout: 10_000 }).not.toBeNull();

  // Canvas, stand-ins and group labels pass the same accessibility check as the DOM tiles.
  const axe = await new AxeBuilder({ page }).include('[data-cluster-canvas]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Every tile canvas is the graph's one layer: none per box.
  await expect(page.locator('[data-cluster-canvas] canvas')).toHaveCount(1);
  // The layer really shows pixels where the first tile is (not a blank element with a count on it), and none in the
  // header above the grid.
  const box = page.locator('[data-node-box="worker-1"]');
  const grid = box.locator('[data-pod-grid]');
  await expect.poll(async () => (await layerPixel(grid, 20, 20))[3]).toBeGreaterThan(0);
  expect((await layerPixel(grid, 20, -40))[3]).toBe(0);

  // Keyboard: from the node's name, Tab reaches its pods; arrows move the ring; Enter opens the details.
  await box.getByRole('button', { name: '노드 worker-1 자세히 보기' }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator('[data-node-box="worker-1"] button[data-pod-proxy="focus"]');
  await expect(focused).toBeFocused();
  const first = await focused.getAttribute('data-pod');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toBeFocused();
  const chosen = (await focused.getAttribute('data-pod'))!;
  expect(chosen).not.toBe(first);
  await expect(focused).toHaveAttribute('aria-label', new RegExp(`^파드 ${chosen}, `));
  // The layer draws the focus ring above the tiles, 2 screen px wide 1 px off the tile, in the brand blue (#326ce5)
  // whatever the zoom: at this zoom a 2 px ring in the graph would be a fraction of a pixel. Read just left of the tile.
  const ringPixel = () => focused.evaluate((el) => {
    const layer = el.closest('.react-flow')!.querySelector<HTMLCanvasElement>('canvas[data-pod-layer]')!;
    const r = el.getBoundingClientRect();
    const l = layer.getBoundingClientRect();
    const d = layer.width / l.width;
    return [...layer.getContext('2d')!.getImageData(Math.floor((r.left - 2 - l.left) * d), Math.floor((r.top + r.height / 2 - l.top) * d), 1, 1).data];
  });
  await expect.poll(async () => { const [red, green, blue, alpha] = await ringPixel(); return alpha > 200 && blue > 180 && red < 120 && green < 160; }).toBe(true);
  await saveScreenshot(page, test.info(), 'scale-5000-keyboard-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: '파드 자세히 보기' })).toContainText(chosen);

  await page.getByRole('button', { name: '자세히 보기 닫기' }).click();

  // A big cluster's box is flat (node-box.tsx): no paint containment and nothing inside it clips (Chromium's Layerize
  // pays for every clip in every frame of a pan). It still names itself, and its name still selects the node.
  const clipping = () => box.evaluate((el) => ({ contain: getComputedStyle(el).contain, clipped: [el, ...el.querySelectorAll('*')].filter((e) => getComputedStyle(e).overflowX !== 'visible').map((e) => e.className) }));
  expect(await clipping()).toEqual({ contain: 'layout style', clipped: [] });
  await expect(box).toHaveAttribute('aria-label', /^워커 노드 worker-1, 상태 \S+, 파드 \d+개$/);
  const nodeName = box.getByRole('button', { name: '노드 worker-1 자세히 보기' });
  await nodeName.click();
  await expect(page.getByRole('complementary', { name: '노드 자세히 보기' })).toContainText('worker-1');
  await page.getByRole('button', { name: '자세히 보기 닫기' }).click();
  // While the view moves nothing in it takes the pointer (graph.css): a drag over the boxes hit-tests none of them.
  // Standing still, the name is under the pointer again.
  const nameUnderPointer = async () => {
    const b = (await nodeName.boundingBox())!;
    return page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-node-box]')?.getAttribute('data-node-box') ?? null, [b.x + b.width / 2, b.y + b.height / 2]);
  };
  expect(await nameUnderPointer()).toBe('worker-1');
  const corner = (await graph(page).boundingBox())!;
  await page.mouse.move(corner.x + 10, corner.y + corner.height - 10);
  await page.mouse.down();
  await page.mouse.move(corner.x + 40, corner.y + corner.height - 20, { steps: 3 });
  expect(await nameUnderPointer()).toBeNull();
  await page.mouse.up();
  await expect.poll(nameUnderPointer).toBe('worker-1');

  // Text by zoom: fitted to the whole cluster the tiles carry no words; zoomed in on a box, names are drawn.
  await expect(grid).toHaveAttribute('data-detailed', 'false');
  // Zoom around the centre of the first tile (84 × 44 CSS px), so it stays under the pointer.
  const at = (await grid.boundingBox())!;
  const k = at.width / (await grid.evaluate((g: HTMLElement) => g.offsetWidth));
  const centre = { x: at.x + 42 * k, y: at.y + 22 * k };
  await page.mouse.move(centre.x, centre.y);
  const sharpness = async () => Number(await grid.getAttribute('data-scale'));
  const fittedSharpness = await sharpness();
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -400);
  await expect(grid).toHaveAttribute('data-detailed', 'true', { timeout: 15_000 });
  // Redrawn once the wheel stops, at the new zoom: more device pixels per CSS pixel than when fitted.
  await expect.poll(sharpness).toBeGreaterThan(fittedSharpness * 2);
  // and shown there by the layer: the first tile's middle is drawn
  await expect.poll(async () => (await layerPixel(grid, 42, 22))[3]).toBeGreaterThan(0);
  // Hover: once the view stands still (while it moves nothing in it takes the pointer: graph.css), the tile under the
  // resting pointer shows its pod's tooltip without the pointer moving; moving onto another drawn tile (the second,
  // right of the first) shows that pod's.
  await expect(page.locator('.react-flow__viewport[data-moving]')).toHaveCount(0);
  const tooltip = page.locator('[data-pod-tooltip]');
  await expect(tooltip).toContainText('bench-');
  const restingTip = (await tooltip.textContent()) ?? '';
  const zoomed = (await grid.boundingBox())!;
  const k2 = zoomed.width / (at.width / k);
  await page.mouse.move(zoomed.x + (84 + 4 + 30) * k2, zoomed.y + 22 * k2, { steps: 4 });
  await expect(tooltip).toContainText('bench-');
  await expect(tooltip).not.toHaveText(restingTip);
  await saveScreenshot(page, test.info(), 'scale-5000-zoomed-in');
  // Panned far away (worker-1's box leaves the view and unmounts) and back: its canvas returns painted.
  const pane = graph(page);
  const drag = async (dx: number) => {
    const p = (await pane.boundingBox())!;
    await page.mouse.move(p.x + 10, p.y + p.height - 10);
    await page.mouse.down();
    await page.mouse.move(p.x + 10 + dx, p.y + p.height - 10, { steps: 8 });
    await page.mouse.up();
  };
  await drag(-3000);
  await drag(-3000);
  await expect(box).toHaveCount(0);
  await drag(3000);
  await drag(3000);
  await expect(grid).toHaveAttribute('data-painted', /^[1-9]\d*$/);
  await expect(grid).toHaveAttribute('data-detailed', 'true');
  await expect.poll(async () => (await layerPixel(grid, 42, 22))[3]).toBeGreaterThan(0);
  await screenshotsEverywhere(page, 'scale-5000');

  // On a phone, a rollout opens the pending lane below the boxes: the whole picture still fits the pane (fitting it
  // takes a zoom below the graph's usual minimum, 0.05; stopped there, the outer boxes were cut off on both sides).
  await page.setViewportSize({ width: 390, height: 844 });
  const view = page.locator('[data-cluster-canvas] .react-flow__viewport');
  await page.waitForTimeout(1500);
  const before = await view.getAttribute('style');
  // every zoom the view takes from the frame the pending lane appears: the rollout's waiting pods, all of which the
  // lane is sized for at once, and the boxes growing a few a frame refit the view once (it zoomed out at each surge)
  await page.evaluate(`(() => {
    window.__laneZooms = [];
    const tick = () => {
      const lane = document.querySelector('[data-cluster-canvas] .react-flow__node[data-id="__pending__"]');
      const zoom = /scale\\(([^)]+)\\)/.exec(document.querySelector('[data-cluster-canvas] .react-flow__viewport').style.transform)?.[1];
      const seen = window.__laneZooms;
      if ((lane || seen.length) && seen.at(-1) !== zoom) seen.push(zoom);
      if (seen.length < 10) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // Where each node box is and how big: a rollout moves none of them. Each box starts with room for the surge
  // (lib/graph/layout-hold.ts), and the pending lane opens below the rows without re-packing them.
  const boxPlaces = () =>
    page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-cluster-canvas] .react-flow__node-k8sNode')].map((n) => [n.dataset.id, `${n.style.transform} ${n.style.width} ${n.style.height}`])));
  const placesBefore = await boxPlaces();
  expect(Object.keys(placesBefore)).toHaveLength(51);
  await typeCommand(page, 'kubectl set image deployment/bench web=nginx:1.26', 'paste');
  await expect(terminalOutput(page)).toContainText('deployment.apps/bench image updated');
  const paused = page.locator('[data-clock-play][aria-pressed="false"]');
  if (await paused.count()) await paused.click();
  await expect(page.locator('.react-flow__node[data-id="__pending__"]')).toHaveCount(1, { timeout: 60_000 });
  const outsideThePane = () =>
    page.evaluate(() => {
      const pane = document.querySelector('[data-cluster-canvas] .react-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-cluster-canvas] .react-flow__node')]
        .filter((n) => { const r = n.getBoundingClientRect(); return r.left < pane.left - 1 || r.top < pane.top - 1 || r.right > pane.right + 1 || r.bottom > pane.bottom + 1; })
        .map((n) => n.getAttribute('data-id'));
    });
  // refitted for the grown picture (on the old minimum too: there it stopped at 0.05), then settled
  await expect(view).not.toHaveAttribute('style', before!);
  await page.waitForTimeout(2000);
  await expect.poll(outsideThePane, { timeout: 15_000 }).toEqual([]);
  expect(await page.locator('[data-cluster-canvas] .react-flow__node').count()).toBe(52);
  expect(await boxPlaces()).toEqual(placesBefore);
  // the zoom when the lane appeared, then the one fitting the grown picture: one refit (it was five, one per surge)
  expect(await page.evaluate('window.__laneZooms.length')).toBe(2);
  await saveScreenshot(page, test.info(), 'scale-5000-rollout-390-light');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  completions: 3
  parallelism: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5; echo done"]
`;

test('a Job shows its progress in the workload view, and a small cluster keeps its DOM tiles', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(graph(page)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('2');
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'YAML 편집기' }).fill(JOB);
  await page.getByRole('button', { name: '적용' }).click();
  await expect(page.getByRole('log', { name: 'kubectl 출력' })).toContainText('job.batch/batch created');

  // A 10-pod cluster: pods are buttons as before, no canvas.
  await expect(page.locator('[data-pod-tile][data-pod^="batch-"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-pod-grid]')).toHaveCount(0);
  await expect(page.locator('canvas[data-pod-layer]')).toHaveCount(0);
  // and its node boxes contain their paint as before (`layout style paint`, which Chromium spells `content`; a big
  // cluster's are flat)
  await expect(page.locator('[data-node-box]').first()).toHaveCSS('contain', 'content');

  await page.getByRole('tab', { name: '워크로드' }).click();
  const job = page.locator('[data-job-box="batch"]');
  await expect(job).toBeVisible();
  // Progress as kubectl prints COMPLETIONS, through the middle of the run to Complete.
  await expect(job.locator('[data-job-completions]')).toHaveText('1/3', { timeout: 90_000 });
  await expect(job.getByRole('progressbar', { name: '잡 batch 완료 진행' })).toHaveAttribute('aria-valuenow', '1');
  await saveScreenshot(page, test.info(), 'job-progress-1440-light');
  await expect(page.locator('[data-owned-pods="Job/default/batch"] [data-pod-tile][data-status="Completed"]').first()).toBeVisible();
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await expect(job).toHaveAttribute('data-job-status', 'Complete', { timeout: 90_000 });
  await expect(job.locator('[data-job-completions]')).toHaveText('3/3');
  await expect(job).toContainText('완료 (Complete)');

  // A finished pod's details: its container ended with Completed, said in Korean.
  await page.locator('[data-owned-pods="Job/default/batch"] [data-pod-tile]').first().click();
  await expect(page.getByRole('complementary', { name: '파드 자세히 보기' }).locator('[data-container-health="work"]')).toContainText('종료됨 (Completed)');
  await saveScreenshot(page, test.info(), 'job-complete-1440-light');
  await setTheme(page, 'dark');
  await saveScreenshot(page, test.info(), 'job-complete-1440-dark');

  // The cluster view at a student's size, everywhere, for comparison with the screenshots before canvas tiles.
  await page.getByRole('button', { name: '자세히 보기 닫기' }).click();
  await page.getByRole('tab', { name: '클러스터' }).click();
  await screenshotsEverywhere(page, 'small-cluster');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

/**
 * Per animation frame from the moment the graph appears: how many node boxes it has and its viewport's transform.
 * Installed before the page's scripts; stops after 120 frames with the graph.
 */
const RECORD_GRAPH_FRAMES = `(() => {
  window.__graphFrames = [];
  const tick = () => {
    const viewport = document.querySelector('[data-cluster-canvas] .react-flow__viewport');
    if (viewport) window.__graphFrames.push({ boxes: document.querySelectorAll('[data-cluster-canvas] [data-node-box]').length, transform: viewport.style.transform });
    if (window.__graphFrames.length < 120) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

test('a big cluster shows its node boxes in the first frame its graph appears, already where fitting puts them', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.addInitScript(RECORD_GRAPH_FRAMES);
  // 20 workers: past the size where off-screen boxes are culled, so React Flow renders a box only once it knows its pane.
  await page.goto('/playground?bench=1000&nodes=20');
  await expect(graph(page)).toBeVisible({ timeout: 240_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __graphFrames: unknown[] }).__graphFrames.length), { timeout: 60_000 }).toBe(120);
  const frames = await page.evaluate(() => (window as unknown as { __graphFrames: { boxes: number; transform: string }[] }).__graphFrames);
  const last = frames[frames.length - 1];
  // The whole cluster fits the 1600 × 1000 canvas: every worker and the control plane, with no frame of an empty graph
  // and no jump from a first viewport to the fitted one.
  expect(last.boxes).toBe(21);
  expect(frames[0]).toEqual(last);
});

test('a rollout on a small cluster zooms the view out as its boxes grow, never back in mid-rollout, and in once after it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground?bench=100&nodes=4');
  await expect(graph(page)).toBeVisible({ timeout: 120_000 });
  await page.waitForFunction(() => window.__graphBench?.firstRenderMs != null, null, { timeout: 120_000 });
  await page.waitForTimeout(1_500);
  // every zoom the view takes from the rollout's start, and whether the rollout was done by then
  await page.evaluate(`(() => {
    const seen = (window.__zooms = []);
    const tick = () => {
      const zoom = Number(/scale\\(([^)]+)\\)/.exec(document.querySelector('[data-cluster-canvas] .react-flow__viewport').style.transform)?.[1]);
      if (seen.at(-1)?.[0] !== zoom) seen.push([zoom, window.__graphBench.rolloutDone()]);
      requestAnimationFrame(tick);
    };
    tick();
    // 10×: the rollout's pauses between steps are well under the wait before a zoom-in (lib/graph/fit-policy.ts)
    window.__graphBench.startRollout(10);
  })()`);
  await page.waitForFunction(() => window.__graphBench?.rolloutDone(), null, { timeout: 120_000, polling: 200 });
  type Seen = [number, boolean][];
  const zooms = () => page.evaluate(() => (window as unknown as { __zooms: Seen }).__zooms);
  // the boxes grew with the surge: the view zoomed out at once (old pods going made them smaller again, for a while)
  const during = (await zooms()).filter(([, done]) => !done).map(([z]) => z);
  expect(during.length).toBeGreaterThan(1);
  for (let i = 1; i < during.length; i++) expect(during[i]).toBeLessThan(during[i - 1]);
  // once the picture has kept its size for a while, the view zooms back in to it, once
  await expect.poll(async () => (await zooms()).at(-1)![0], { timeout: 30_000 }).toBeGreaterThan(during.at(-1)!);
  await page.waitForTimeout(2_000);
  // (the last step's zoom-out can land in the first frame that already sees the rollout done: still out, not in)
  const after = (await zooms()).filter(([, done]) => done).map(([z]) => z);
  const zoomIns = after.filter((z, i) => z > (i === 0 ? during.at(-1)! : after[i - 1]));
  expect(zoomIns).toHaveLength(1);
  expect(after.at(-1)).toBe(zoomIns[0]);
});
