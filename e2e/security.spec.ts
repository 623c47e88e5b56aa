import { expect, test, type Page } from '@playwright/test';
import { trackConsoleErrors } from './helpers';

/** Records every Content-Security-Policy violation the page reports (the init script runs outside the CSP). */
async function trackCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => window.__csp ?? []);
}

const PAGES = ['/', '/learn/cluster-architecture', '/playground', '/glossary', '/instructor', '/class', '/class/new'];

test('every page is served with a nonce CSP and hydrates without a single CSP or console error', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  const violations = await trackCspViolations(page);
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const res = await page.goto(path);
    const headers = res!.headers();
    const csp = headers['content-security-policy'];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    // Hydrated: the header's theme toggle is a working React button.
    await expect(page.getByRole('navigation', { name: '주 메뉴' })).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }
  expect(nonces.size).toBe(PAGES.length); // a fresh nonce per response

  // The inline theme script runs (it carries the nonce): a saved dark theme applies before hydration.
  await page.evaluate(() => localStorage.setItem('k8s-ko-theme', 'dark'));
  await page.goto('/playground');
  await expect(page.locator('html')).toHaveClass(/dark/);

  // React Flow draws the cluster and CodeMirror edits, both styled inline, with the CSP in force.
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  await page.locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type('# csp');
  await expect(page.locator('.cm-content')).toContainText('# csp');
  await page.getByRole('tab', { name: '터미널' }).click();
  const prompt = page.getByRole('textbox', { name: 'kubectl 명령 입력' });
  await prompt.fill('kubectl get nodes');
  await prompt.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl 출력' })).toContainText(/Ready/);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('an over-long address gets a Korean answer with a body, never a blank page', async ({ request }) => {
  const page414 = await request.get(`/playground?q=${'a'.repeat(10_000)}`);
  expect(page414.status()).toBe(414);
  expect(await page414.text()).toMatch(/주소\(URL\)가 너무 깁니다/);

  const api414 = await request.get(`/api/cluster/stream?namespace=${'a'.repeat(10_000)}`);
  expect(api414.status()).toBe(414);
  expect(((await api414.json()) as { message: string }).message).toMatch(/너무 깁니다/);

  // Past Node's 16 KB header limit the request never reaches Next.js; the server still explains itself.
  const huge = await request.get(`/api/cluster/stream?namespace=${'a'.repeat(20_000)}`);
  expect(huge.status()).toBe(431);
  const body = await huge.text();
  expect(body).toMatch(/너무 큽니다/);
  expect(body.length).toBeLessThan(500);
});

test('API answers carry a deny-all CSP and nosniff', async ({ request }) => {
  const res = await request.get('/api/cluster/info');
  expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});
