/**
 * Live classroom: an instructor opens a class from 강사 모드, three students join in their own browser contexts,
 * progress reaches the instructor's grid live, a student failing one exercise three times is flagged, and a
 * browser without the instructor key sees nothing of the class.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { trackConsoleErrors } from './helpers';

// The embedded database is created on the first classroom request (several seconds on a fresh data dir):
// open it once here so the timed steps below measure the class, not initdb.
test.beforeAll(async ({ request }) => {
  const res = await request.post('/api/class', { data: {}, timeout: 120_000 });
  expect(res.status()).toBe(400);
});

async function studentJoins(browser: Browser, code: string, nickname: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(`/class?code=${code}`);
  const form = page.getByRole('form', { name: '수업 참여하기' });
  await expect(form.getByLabel('참여 코드', { exact: true })).toHaveValue(code);
  await form.getByLabel('닉네임').fill(nickname);
  await form.getByRole('button', { name: '참여하기' }).click();
  await expect(page.locator('[data-class-joined]')).toContainText(`${nickname}(으)로 참여 중`);
  return page;
}

test('instructor and three students: join by code, live progress, a stuck student is flagged', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/instructor');
  await page.getByRole('link', { name: /실시간 수업 열기/ }).click();
  await page.getByLabel('수업 이름').fill('월요일 입문반');
  await page.getByRole('button', { name: '수업 열기' }).click();
  const code = (await page.locator('[data-join-code]').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  await expect(page.getByRole('img', { name: /참여 링크 QR 코드/ })).toBeVisible();
  const key = (await page.locator('[data-instructor-key]').textContent())!.trim();
  await page.getByRole('link', { name: '수업 현황 열기' }).click();
  await expect(page.getByText('아직 참여한 학생이 없습니다')).toBeVisible();

  const [a, b, c] = [await studentJoins(browser, code, '하늘'), await studentJoins(browser, code, '바다'), await studentJoins(browser, code, '별')];
  const grid = page.locator('[data-progress-grid]');
  for (const name of ['하늘', '바다', '별']) await expect(grid.locator(`[data-student="${name}"]`)).toBeVisible();

  // 하늘 runs a guided step in the pod lesson; the instructor's cell for 파드 shows it.
  await a.goto('/learn/pods');
  await a.getByRole('button', { name: '실행: kubectl run webserver --image=nginx:latest', exact: true }).click();
  await expect(grid.locator('[data-student="하늘"] [data-cell="pods"]')).toContainText('단계 1/', { timeout: 5_000 });

  // 바다 checks the exercise three times with no pod: flagged as stuck, with the reason in words.
  await b.goto('/learn/pods');
  const card = b.locator('[data-exercise="webserver-pod"]');
  // Wait for the in-browser cluster first: a check before it is ready is not a real failure and isn't reported.
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByRole('alert')).toContainText('파드 webserver가 없습니다', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  for (let i = 0; i < 2; i++) {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByRole('alert')).toContainText('파드 webserver가 없습니다');
  }
  await expect(grid.locator('[data-student="바다"]')).toHaveAttribute('data-stuck', 'failing', { timeout: 5_000 });
  await expect(page.locator('[data-stuck-list]')).toContainText(/바다 — 과제 webserver-pod를 \d번 연속 실패/);
  await expect(page.getByRole('region', { name: '자주 나오는 실수' })).toContainText(/과제 pods\/webserver-pod 실패 · \d회/);
  await expect(grid.locator('[data-student="별"]')).not.toHaveAttribute('data-stuck', /.+/);

  // A student's browser opening the class page gets only the key form: no names, no progress.
  await c.goto(`/class/${code}`);
  await expect(c.getByRole('heading', { name: '강사 키가 필요합니다' })).toBeVisible();
  await expect(c.locator('body')).not.toContainText('하늘');
  expect(await c.content()).not.toContain(key);
  await c.getByLabel('강사 키', { exact: true }).fill('틀린-키');
  await c.getByRole('button', { name: '확인' }).click();
  await expect(c.getByText('강사 키 형식이 아닙니다', { exact: false })).toBeVisible();
  await c.getByLabel('강사 키', { exact: true }).fill('wrong-key-but-well-formed');
  await c.getByRole('button', { name: '확인' }).click();
  await expect(c.getByText(/수업을 찾을 수 없습니다/)).toBeVisible();
  await expect(c.locator('body')).not.toContainText('하늘');
  expect(errors).toEqual([]);
});

test('a student rejoins on another device with the rejoin code', async ({ browser, page }) => {
  await page.goto('/class/new');
  await page.getByLabel('수업 이름').fill('재참여 확인반');
  await page.getByRole('button', { name: '수업 열기' }).click();
  const code = (await page.locator('[data-join-code]').textContent())!.trim();
  const first = await studentJoins(browser, code, '구름');
  const rejoin = (await first.locator('[data-rejoin-code]').textContent())!.trim();

  const other = await (await browser.newContext()).newPage();
  await other.goto('/class');
  const form = other.getByRole('form', { name: '다른 기기에서 이어 하기' });
  await form.getByLabel('참여 코드', { exact: true }).fill(code.toLowerCase());
  await form.getByLabel('재참여 코드').fill('AAAAAAAAAAAA');
  await form.getByRole('button', { name: '이어 하기' }).click();
  await expect(form.getByRole('alert')).toContainText('재참여 코드가 맞지 않습니다');
  await form.getByLabel('재참여 코드').fill(rejoin);
  await form.getByRole('button', { name: '이어 하기' }).click();
  await expect(other.locator('[data-class-joined]')).toContainText('구름(으)로 참여 중');
});
