import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

/** A Service and a Deployment in one file: the help must follow the kind of the document under the cursor. */
const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const editor = (page: Page) => page.getByRole('textbox', { name: 'YAML 편집기' });
const help = (page: Page) => page.locator('.cm-tooltip .cm-field-help');
const completions = (page: Page) => page.locator('.cm-tooltip-autocomplete [role="listbox"]');
/**
 * The centre of the key `name` on the editor line that reads `line` after its indentation. Measured
 * from the text itself: the light theme does not wrap keys in their own element.
 */
async function keyAt(page: Page, line: string, name: string): Promise<{ x: number; y: number }> {
  const row = page.locator('.cm-line', { hasText: new RegExp(`^\\s*${line}$`) }).first();
  await row.scrollIntoViewIfNeeded();
  return row.evaluate((el, word) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(word);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + word.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    throw new Error(`no "${word}" on the line`);
  }, name);
}

async function hoverKey(page: Page, line: string, name: string) {
  const { x, y } = await keyAt(page, line, name);
  await page.mouse.move(x, y);
}

async function clickKey(page: Page, line: string, name: string) {
  const { x, y } = await keyAt(page, line, name);
  await page.mouse.click(x, y);
}

async function openEditor(page: Page) {
  await page.goto('/playground');
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 60_000 });
  await editor(page).fill(MANIFEST);
}

/** The cursor at the end of the `replicas: 2` line, then a new line: CodeMirror indents it under `spec`. */
async function newLineUnderSpec(page: Page) {
  await clickKey(page, 'replicas: 2', 'replicas');
  await page.mouse.move(0, 0);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `${name}-${page.viewportSize()!.width}-${theme}`);
  }
}

test('the YAML editor explains a key on hover and with Alt+I, and completes field names', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = trackConsoleErrors(page);
  await openEditor(page);

  // hover over `replicas` of the Deployment (the second document)
  await hoverKey(page, 'replicas: 2', 'replicas');
  await expect(help(page)).toBeVisible();
  await expect(help(page)).toContainText('spec.replicas');
  await expect(help(page)).toContainText('<integer>');
  await expect(help(page)).toContainText('원하는 파드 개수');
  await expect(help(page).locator('[lang="en"]')).toContainText('Number of desired pods');
  await shoot(page, testInfo, 'editor-hover');

  // the Service's `selector` is a map of labels, the Deployment's a LabelSelector: each document keeps its kind
  await page.mouse.move(0, 0);
  await hoverKey(page, 'selector:', 'selector');
  await expect(help(page)).toContainText('map[string]string');

  // the keyboard way: Alt+I at the cursor, Esc closes it
  await clickKey(page, 'replicas: 2', 'replicas');
  await page.mouse.move(0, 0);
  await page.keyboard.press('Alt+i');
  await expect(help(page)).toContainText('spec.replicas');
  await page.keyboard.press('Escape');
  await expect(help(page)).toHaveCount(0);

  // Ctrl+Space on a new line under spec lists the fields not yet written, with type and Korean description
  await newLineUnderSpec(page);
  await page.keyboard.press('Control+Space');
  await expect(completions(page)).toBeVisible();
  await expect(completions(page).getByRole('option', { name: /strategy/ })).toBeVisible();
  await expect(completions(page).getByRole('option', { name: /^replicas/ })).toHaveCount(0);
  await shoot(page, testInfo, 'editor-complete');

  // typing narrows the list; Enter writes the key and opens its nested block
  await page.keyboard.type('strat');
  await expect(completions(page).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(editor(page)).toContainText('strategy:');
  await page.keyboard.press('Control+Space');
  await expect(completions(page).getByRole('option', { name: /rollingUpdate/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(page.getByRole('status').filter({ hasText: '문제 없음' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('field help and completion fit a phone screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page);
  await hoverKey(page, 'replicas: 2', 'replicas');
  await expect(help(page)).toContainText('spec.replicas');
  await shoot(page, testInfo, 'editor-hover');
  await page.mouse.move(0, 0);
  await newLineUnderSpec(page);
  await page.keyboard.press('Control+Space');
  await expect(completions(page).getByRole('option', { name: /strategy/ })).toBeVisible();
  await shoot(page, testInfo, 'editor-complete');
});
