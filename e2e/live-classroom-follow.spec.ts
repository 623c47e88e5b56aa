/**
 * Live classroom, follow me (따라오기): the instructor broadcasts their lesson cluster, a joined student (own
 * browser context) follows and sees the instructor's pods in their own graph — live as the instructor adds more —
 * cannot change it, and leaving gives back the student's own cluster as it was. The student's kubectl mistakes
 * reach the instructor's "자주 나오는 실수" as a class in Korean, and "이 레슨으로 안내" is a notice with a button.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

test.beforeAll(async ({ request }) => {
  // Opens the embedded database once (several seconds on a fresh data dir) before the timed steps.
  const res = await request.post('/api/class', { data: {}, timeout: 120_000 });
  expect(res.status()).toBe(400);
});

const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl 명령 입력' });
const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });
const tile = (page: Page, name: string) => page.locator(`[data-pod-tile][data-namespace="default"][data-pod="${name}"]`);

async function kubectl(page: Page, command: string): Promise<void> {
  await page.getByRole('tab', { name: '터미널' }).click();
  await prompt(page).click();
  await prompt(page).fill(command);
  await prompt(page).press('Enter');
}

async function openClass(page: Page, name: string): Promise<string> {
  await page.goto('/class/new');
  await page.getByLabel('수업 이름').fill(name);
  await page.getByRole('button', { name: '수업 열기' }).click();
  return (await page.locator('[data-join-code]').textContent())!.trim();
}

async function studentJoins(browser: Browser, code: string, nickname: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
  await page.goto(`/class?code=${code}`);
  const form = page.getByRole('form', { name: '수업 참여하기' });
  await form.getByLabel('닉네임').fill(nickname);
  await form.getByRole('button', { name: '참여하기' }).click();
  await expect(page.locator('[data-class-joined]')).toContainText(`${nickname}(으)로 참여 중`);
  return page;
}

/** The instructor on the pod lesson, broadcasting, with one pod of their own. */
async function broadcastingInstructor(page: Page): Promise<void> {
  await page.goto('/learn/pods');
  await expect(prompt(page)).toBeVisible({ timeout: 60_000 });
  const bar = page.locator('[data-follow-bar="instructor"]');
  await bar.getByRole('button', { name: '내 클러스터 방송하기' }).click();
  await expect(bar).toContainText('방송 중');
  await kubectl(page, 'kubectl run teacher-demo --image=nginx:1.25');
  await expect(output(page)).toContainText('pod/teacher-demo created');
}

test('follow me: a student sees the instructor’s pods live, cannot change them, and gets their own cluster back', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  const code = await openClass(page, '따라오기 반');
  const student = await studentJoins(browser, code, '하늘');
  const studentErrors = trackConsoleErrors(student);
  await broadcastingInstructor(page);

  await student.goto('/learn/pods');
  await expect(prompt(student)).toBeVisible({ timeout: 60_000 });
  await kubectl(student, 'kubectl run my-own --image=nginx:1.25');
  await expect(tile(student, 'my-own')).toBeVisible({ timeout: 30_000 });

  const bar = student.locator('[data-follow-bar="student"]');
  await expect(bar).toContainText('강사가 클러스터를 방송하고 있어요', { timeout: 10_000 });
  await bar.getByRole('button', { name: '강사 클러스터 따라가기' }).click();
  await expect(bar).toHaveAttribute('data-following', 'yes', { timeout: 30_000 });
  await expect(tile(student, 'teacher-demo')).toBeVisible({ timeout: 10_000 });
  await expect(tile(student, 'my-own')).toHaveCount(0);

  // Live: a pod the instructor adds now appears in the student's graph.
  await kubectl(page, 'kubectl run teacher-live --image=nginx:1.25');
  await expect(output(page)).toContainText('pod/teacher-live created');
  await expect(tile(student, 'teacher-live')).toBeVisible({ timeout: 5_000 });
  // …and the instructor's command and what it printed appear in the student's terminal, marked as the instructor's.
  await expect(output(student)).toContainText('강사$ kubectl run teacher-live --image=nginx:1.25', { timeout: 10_000 });
  await expect(output(student)).toContainText('pod/teacher-live created');
  // The student's terminal reads the instructor's cluster but cannot change it.
  await kubectl(student, 'kubectl get pods');
  await expect(output(student)).toContainText('teacher-live');
  await kubectl(student, 'kubectl delete pod teacher-demo');
  await expect(output(student)).toContainText('따라오기 중에는 강사의 클러스터를 바꿀 수 없습니다');

  await bar.getByRole('button', { name: '내 클러스터로 돌아가기' }).click();
  await expect(tile(student, 'my-own')).toBeVisible();
  await expect(student.locator('[data-pod-tile][data-pod^="teacher-"]')).toHaveCount(0);
  await kubectl(student, 'kubectl get pods');
  await expect(output(student)).toContainText(/my-own\s+\d\/1/);

  // A kubectl mistake in the student's own cluster reaches the instructor as a class, in Korean.
  await kubectl(student, 'kubectl get pod nope');
  await expect(output(student)).toContainText('Error from server (NotFound)');
  const dashboard = await page.context().newPage();
  await dashboard.goto(`/class/${code}`);
  await expect(dashboard.getByRole('region', { name: '자주 나오는 실수' })).toContainText('kubectl: 없는 이름을 가리킴 (NotFound)', { timeout: 10_000 });

  // "이 레슨으로 안내": the student elsewhere gets a notice with a button — the page does not move by itself.
  await student.goto('/learn/replicasets');
  await page.locator('[data-follow-bar="instructor"]').getByRole('button', { name: '학생들을 이 레슨으로 안내' }).click();
  const notice = student.locator('[data-class-nav]');
  await expect(notice).toContainText('레슨으로 안내했어요', { timeout: 10_000 });
  expect(new URL(student.url()).pathname).toBe('/learn/replicasets');
  await notice.getByRole('link', { name: '이동하기' }).click();
  await expect(student).toHaveURL(/\/learn\/pods/);
  expect(errors).toEqual([]);
  expect(studentErrors).toEqual([]);
});

test('screenshots: the instructor’s class page and a following student', async ({ browser, page }, testInfo) => {
  test.setTimeout(300_000);
  const code = await openClass(page, '화면 확인반');
  const student = await studentJoins(browser, code, '바다');
  await studentJoins(browser, code, '별');
  await broadcastingInstructor(page);
  await student.goto('/learn/pods');
  await expect(prompt(student)).toBeVisible({ timeout: 60_000 });
  await kubectl(student, 'kubectl get pod nope');
  const bar = student.locator('[data-follow-bar="student"]');
  await bar.getByRole('button', { name: '강사 클러스터 따라가기' }).click();
  await expect(bar).toHaveAttribute('data-following', 'yes', { timeout: 30_000 });
  const dashboard = await page.context().newPage();
  await dashboard.goto(`/class/${code}`);
  await expect(dashboard.locator('[data-student="별"]')).toBeVisible();

  for (const theme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1920, 1080],
      [1440, 900],
      [390, 844],
    ] as const) {
      for (const p of [dashboard, student, page]) {
        await p.setViewportSize({ width, height });
        await setTheme(p, theme);
      }
      await saveScreenshot(dashboard, testInfo, `class-page-${width}-${theme}`);
      if (width < 768) await student.getByRole('tab', { name: '실습' }).click();
      await expect(bar).toBeVisible();
      await saveScreenshot(student, testInfo, `following-student-${width}-${theme}`);
      if (width < 768) await page.getByRole('tab', { name: '실습' }).click();
      await saveScreenshot(page, testInfo, `broadcasting-instructor-${width}-${theme}`);
    }
  }
  // The "go to this lesson" notice on a phone, over another lesson (viewport and theme from the last round).
  await student.goto('/learn/replicasets');
  await setTheme(student, 'dark');
  await page.locator('[data-follow-bar="instructor"]').getByRole('button', { name: '학생들을 이 레슨으로 안내' }).click();
  await expect(student.locator('[data-class-nav]')).toBeVisible({ timeout: 10_000 });
  await saveScreenshot(student, testInfo, 'nav-notice-390-dark');
});
