import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { saveScreenshot, setTheme } from './helpers';
import { graphShare, lineCount, settleGraph, smallestNodeTextPx, smallestPodNamePx } from './layout-measure';

/**
 * Classroom and device layouts (issue #19): sizes are measured as they reach the screen — computed font size ×
 * every transform above it (React Flow's zoom) — not as the CSS says.
 */

// A cluster-view step with a spotlight (the rolling-update image step switches to the workload view).
const PRESENTER_URL = '/instructor?seed=7&scenario=self-healing&step=1&present=1';

async function openPresenter(page: Page) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(PRESENTER_URL);
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  await settleGraph(page);
}

test('presenter mode at 1920×1080 is legible from the back of the room', async ({ page }, testInfo) => {
  await openPresenter(page);
  const podPx = await smallestPodNamePx(page);
  const nodePx = await smallestNodeTextPx(page);
  const share = await graphShare(page);
  console.log(`measured presenter 1920×1080: ${JSON.stringify({ podPx, nodePx, ...share })}`);
  expect(podPx, '파드 이름 글자 크기(px, 화면 기준)').toBeGreaterThanOrEqual(20);
  expect(nodePx, '노드 글자 크기(px, 화면 기준)').toBeGreaterThanOrEqual(18);
  expect(share.area, '그래프가 화면에서 차지하는 비율').toBeGreaterThanOrEqual(0.6);

  // Empty areas fold away: no pod waits for a node, and nobody typed in the terminal.
  await expect(page.locator('[data-pending-lane]')).toHaveCount(0);
  const bottom = await page.getByRole('tablist', { name: '터미널, 에디터, 이벤트' }).evaluate((el) => el.parentElement!.parentElement!.getBoundingClientRect().height);
  expect(bottom, '접힌 아래 패널의 높이').toBeLessThanOrEqual(64);

  // The share link is readable in full, wrapped inside the panel, for students to copy off the screen.
  const link = await page.getByLabel('공유 링크').inputValue();
  const shown = page.locator('[data-share-link-text]');
  await expect(shown).toBeVisible();
  await expect(shown).toHaveText(link);
  const fits = await shown.evaluate((el) => {
    const panel = el.closest('[data-instructor-tools]')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { inside: box.left >= panel.left - 0.5 && box.right <= panel.right + 0.5, whole: el.scrollWidth <= el.clientWidth + 1 };
  });
  expect(fits).toEqual({ inside: true, whole: true });

  // Spotlight outlines of neighbouring pods never overlap.
  const overlaps = await page.locator('[data-pod-tile][data-namespace="default"]').evaluateAll((tiles) => {
    const boxes = tiles.map((t) => {
      const s = getComputedStyle(t);
      const out = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
      const scale = t.getBoundingClientRect().width / (t as HTMLElement).offsetWidth;
      const r = t.getBoundingClientRect();
      const grow = Math.max(0, out * scale);
      return { l: r.left - grow, r: r.right + grow, t: r.top - grow, b: r.bottom + grow, lit: out > 0 };
    });
    let n = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if ((a.lit || b.lit) && a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) n++;
      }
    return { n, lit: boxes.filter((b) => b.lit).length };
  });
  expect(overlaps.lit, '스포트라이트된 파드').toBeGreaterThan(0);
  expect(overlaps.n, '겹치는 스포트라이트 테두리').toBe(0);
  await saveScreenshot(page, testInfo, 'presenter-1920-dark');
});

/** The animation a newly created pod tile would play, read from a probe element with the tile's classes. */
function newTileAnimation(page: Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'pod-tile pod-enter';
    document.body.append(probe);
    const name = getComputedStyle(probe).animationName;
    probe.remove();
    return name;
  });
}

test('presenter mode offers less motion for slow projector PCs and honours the system setting', async ({ page }) => {
  await openPresenter(page);
  const motion = page.getByRole('button', { name: /애니메이션 줄이기/ });
  await expect(motion).toHaveAttribute('aria-pressed', 'false');
  await motion.click();
  await expect(motion).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-reduce-motion');
  expect(await newTileAnimation(page)).toBe('none');
  // The system setting alone does the same.
  await motion.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-reduce-motion');
  expect(await newTileAnimation(page)).toBe('pod-tile-in');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await newTileAnimation(page)).toBe('none');
});

test('pod tiles keep the distinguishing suffix and show the full name on keyboard focus', async ({ page }, testInfo) => {
  await page.goto('/learn/services');
  const tiles = page.locator('[data-pod-tile][data-pod^="web-"]');
  await expect(tiles).toHaveCount(3, { timeout: 60_000 });
  await settleGraph(page);
  // Deployment pods are <deployment>-<hash>-<suffix>: the tile shows the Deployment's name and the whole suffix, unclipped.
  const lines = await tiles.evaluateAll((els) =>
    els.map((el) => {
      const line = el.querySelector<HTMLElement>('.pod-line')!;
      return { name: el.getAttribute('data-pod')!, text: line.textContent!, clipped: line.scrollWidth > line.clientWidth };
    }),
  );
  for (const l of lines) {
    expect(l.text, l.name).toMatch(/^web-/);
    expect(l.text.endsWith(l.name.slice(l.name.lastIndexOf('-'))), `${l.text} ← ${l.name}`).toBe(true);
    expect(l.clipped, l.name).toBe(false);
  }
  // Keyboard: Tab reaches a tile; the tooltip names the pod in full, at a readable size, and Escape closes it.
  const tile = tiles.first();
  const name = (await tile.getAttribute('data-pod'))!;
  await tile.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText(name);
  const tipPx = await tip.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(tipPx).toBeGreaterThanOrEqual(12);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  // And on hover.
  await tiles.last().hover();
  await expect(tip).toContainText((await tiles.last().getAttribute('data-pod'))!);
  await saveScreenshot(page, testInfo, 'pod-tooltip');
  await page.getByRole('tab', { name: '워크로드' }).click();
  await expect(page.locator('[data-replicaset-box]')).toHaveCount(1);
  await settleGraph(page);
  await saveScreenshot(page, testInfo, 'workload-1440');
});

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

test('a phone shows single-line navigation, a whole title and no sideways scrolling', async ({ page }) => {
  // five pages, each with an axe pass of 9–16 s on the shared 2-core machine: 90 s was the sum, not a margin
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  for (const path of ['/', '/learn/pods', '/playground', '/instructor', '/glossary']) {
    await page.goto(path);
    await expect(page.getByTestId('data-source-badge')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path}: 가로 스크롤`).toBeLessThanOrEqual(0);
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    // Four links beside the title do not fit a phone: a menu button may hold them.
    const menu = nav.getByRole('button', { name: '메뉴' });
    if (await menu.isVisible()) await menu.click();
    await expect(nav.getByRole('link')).toHaveCount(4);
    for (const link of await nav.getByRole('link').all()) {
      await expect(link).toBeVisible();
      expect(await lineCount(link), `${path}: "${await link.textContent()}" 한 줄`).toBe(1);
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, `${path}: 메뉴가 화면 안에`).toBeLessThanOrEqual(PHONE.width);
    }
    const title = page.getByRole('link', { name: /쿠버네티스 실습실/ });
    expect(await lineCount(title), `${path}: 제목 한 줄`).toBe(1);
    const clipped = await title.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth);
    expect(clipped, `${path}: 제목이 잘림`).toBe(false);
    expect(await lineCount(page.getByTestId('data-source-badge')), `${path}: 배지 한 줄`).toBe(1);
    // The open menu and the phone layout stay accessible.
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
  }
});

test('on a phone, pressing 실행 on the 학습 tab says so and leads to the result', async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.goto('/learn/pods');
  const learn = page.getByRole('tab', { name: /학습/ });
  const lab = page.getByRole('tab', { name: /실습/ });
  for (const t of [learn, lab]) expect(await lineCount(t)).toBe(1);
  await page.getByRole('button', { name: '실행: kubectl get pods' }).first().click();
  const notice = page.getByRole('status').filter({ hasText: '실행됨' });
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expect(lab).toHaveAttribute('data-attention', '1');
  await saveScreenshot(page, testInfo, 'phone-run-notice');
  await notice.getByRole('button', { name: /실습 탭에서 결과 보기/ }).click();
  await expect(lab).toHaveAttribute('aria-selected', 'true');
  await expect(lab).not.toHaveAttribute('data-attention', '1');
  await expect(page.getByRole('log', { name: 'kubectl 출력' })).toContainText('kubectl get pods');
});

test('the graph is readable on a phone and a tablet', async ({ page }, testInfo) => {
  for (const size of [PHONE, TABLET]) {
    await page.setViewportSize(size);
    await page.goto('/learn/services');
    await page.getByRole('tab', { name: /실습/ }).click();
    await expect(page.locator('[data-pod-tile][data-namespace="default"]').first()).toBeVisible({ timeout: 60_000 });
    await settleGraph(page);
    const podPx = await smallestPodNamePx(page);
    const nodePx = await smallestNodeTextPx(page);
    const share = await graphShare(page);
    console.log(`measured lab ${size.width}: ${JSON.stringify({ podPx, nodePx, ...share })}`);
    expect(podPx, `${size.width}px: 파드 이름`).toBeGreaterThanOrEqual(12);
    expect(nodePx, `${size.width}px: 노드 글자`).toBeGreaterThanOrEqual(10);
    expect(share.height, `${size.width}px: 그래프 높이 비율`).toBeGreaterThanOrEqual(0.35);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, testInfo, `lab-${size.width}`);
  }
});

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];
const PAGES = [
  { name: 'home', path: '/', ready: '[data-testid="data-source-badge"]' },
  { name: 'lesson', path: '/learn/services', ready: '[data-pod-tile]' },
  { name: 'playground', path: '/playground', ready: '[data-node-box]' },
  { name: 'presenter', path: PRESENTER_URL, ready: '[data-scenario-phase="stepDone"]' },
];

test('every page at every size: no sideways scrolling (screenshots in light and dark)', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const p of PAGES) {
      await page.goto(p.path);
      // On narrow lesson pages the graph sits behind the 실습 tab; the lesson text is what shows first.
      const graphShown = p.name !== 'home' && !(p.name === 'lesson' && size.width < 1280);
      if (p.name === 'home' || graphShown) await expect(page.locator(p.ready).first()).toBeVisible({ timeout: 60_000 });
      if (graphShown) await settleGraph(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${p.name} @ ${size.width}`).toBeLessThanOrEqual(0);
      for (const theme of ['light', 'dark'] as const) {
        if (p.name === 'presenter' && theme === 'light') continue; // presenter mode is always dark
        await setTheme(page, theme);
        await saveScreenshot(page, testInfo, `${p.name}-${size.width}-${theme}`);
      }
      if (p.name === 'lesson' && size.width < 1280) {
        await page.getByRole('tab', { name: /실습/ }).click();
        await expect(page.locator('[data-pod-tile]').first()).toBeVisible({ timeout: 60_000 });
        await settleGraph(page);
        await saveScreenshot(page, testInfo, `lesson-lab-${size.width}-dark`);
      }
    }
  }
});
