import { expect, test, type Page, type Request } from '@playwright/test';
import { trackConsoleErrors } from './helpers';

/** Next's RSC requests (navigations and prefetches) for a path other than `except`. */
function rscRequests(page: Page, except: string): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.searchParams.has('_rsc') && u.pathname !== except) seen.push(r);
  });
  return seen;
}

// The header's links prefetch on intent (components/shell/intent-link.tsx), not when they appear: Next's default
// prefetch of links in view (https://nextjs.org/docs/app/guides/prefetching) made every page load ask the server
// to render /, /glossary and /instructor, twice each.
test('loading a page asks the server for no other page; a header link reached for is prefetched and opens', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = trackConsoleErrors(page);
  const rsc = rscRequests(page, '/playground');
  await page.goto('/playground');
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
  // Next starts its viewport prefetches once the page is idle; give it the time it took on the old build and more
  await page.waitForTimeout(3_000);
  expect(rsc.map((r) => r.url())).toEqual([]);

  const glossary = page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '용어집' });
  const prefetched = page.waitForRequest((r) => new URL(r.url()).pathname === '/glossary' && new URL(r.url()).searchParams.has('_rsc'));
  await glossary.hover();
  await prefetched;

  // the keyboard reaches for a link the same way
  const home = page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '커리큘럼' });
  const homePrefetched = page.waitForRequest((r) => new URL(r.url()).pathname === '/' && new URL(r.url()).searchParams.has('_rsc'));
  await home.focus();
  await homePrefetched;

  await glossary.click();
  await expect(page).toHaveURL(/\/glossary$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('용어집');
  expect(errors).toEqual([]);
});
