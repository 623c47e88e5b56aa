/**
 * A student's journey through a lesson: guided "실행" steps, an auto-checked exercise with specific Korean
 * feedback, the quiz, progress that survives a reload, and a corrupt save that resets with a notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lessonOutline } from '../lib/lessons/outline';
import { PROGRESS_STORAGE_KEY, CORRUPT_PROGRESS_NOTICE } from '../lib/lessons/progress';
import { saveScreenshot, trackConsoleErrors } from './helpers';

const podsLesson = lessonOutline(fs.readFileSync(path.join(process.cwd(), 'content/lessons/03-pods.mdx'), 'utf8'));

function runButton(page: Page, cmd: string): Locator {
  return page.getByRole('button', { name: `실행: ${cmd}`, exact: true });
}

function exercise(page: Page, id: string): Locator {
  return page.locator(`[data-exercise="${id}"]`);
}

/** Press 확인하기 until the cluster has converged (pods take simulated seconds to pull and start). */
async function checkUntilPassed(card: Locator) {
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByText('통과했습니다')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

async function savedProgress(page: Page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_STORAGE_KEY);
  return raw ? JSON.parse(raw) : null;
}

/** The terminal's command input, whatever its exact label; typing there is how a student makes mistakes. */
function terminalInput(page: Page): Locator {
  return page.getByRole('textbox', { name: /명령|터미널|kubectl/ }).first();
}

/**
 * Put a value in localStorage before any app code runs, on the first page load only (a reload then sees what
 * the app saved). Each test has a fresh browser context, so storage starts empty; writing it from a page
 * that is already open would race that page's own loading.
 */
async function seedStorageOnce(page: Page, key: string, value: string) {
  await page.addInitScript(
    ([k, v]) => {
      if (location.protocol !== 'http:' || sessionStorage.getItem(`e2e-seeded:${k}`)) return;
      sessionStorage.setItem(`e2e-seeded:${k}`, '1');
      localStorage.setItem(k, v);
    },
    [key, value] as const,
  );
}

function stepDone(page: Page, cmd: string): Locator {
  return page.locator(`[data-step="${cmd}"]`).getByText('✓ 완료');
}

test('a student completes the pod lesson and the progress survives a reload', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto('/learn/pods');
  await expect(page.getByRole('heading', { level: 1, name: '파드' })).toBeVisible();

  const cmd = 'kubectl run webserver --image=nginx:latest';
  await runButton(page, cmd).click();
  await expect(page.locator(`[data-step="${cmd}"]`).getByText('✓ 완료')).toBeVisible();

  const card = exercise(page, 'webserver-pod');
  await checkUntilPassed(card);

  const quiz = podsLesson.quiz!;
  const quizSection = page.getByRole('region', { name: '확인 퀴즈' });
  for (const [i, q] of quiz.entries()) {
    const group = quizSection.getByRole('group', { name: `${i + 1}. ${q.question}` });
    await group.getByRole('radio', { name: q.choices[q.answer], exact: true }).check();
  }
  await quizSection.getByRole('button', { name: '채점하기' }).click();
  await expect(quizSection.getByText(`${quiz.length}문제 중 ${quiz.length}문제 정답`)).toBeVisible();
  await expect(quizSection.getByText(quiz[0].explanation)).toBeVisible();

  const saved = await savedProgress(page);
  expect(saved.state.lessons.pods.steps).toContain(cmd);
  expect(saved.state.lessons.pods.exercises).toEqual(['webserver-pod']);
  expect(saved.state.lessons.pods.quiz).toMatchObject({ score: quiz.length, total: quiz.length });

  await page.reload();
  await expect(exercise(page, 'webserver-pod').getByText('완료', { exact: true })).toBeVisible();
  await expect(page.locator(`[data-step="${cmd}"]`).getByText('✓ 완료')).toBeVisible();
  await expect(page.getByText(`지난번 점수: ${quiz.length}문제 중 ${quiz.length}문제 정답`)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a wrong cluster state gets specific Korean feedback', async ({ page }) => {
  // Nothing created yet: the check names the missing pod.
  await page.goto('/learn/pods');
  const card = exercise(page, 'webserver-pod');
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByRole('alert')).toContainText('파드 webserver가 없습니다', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The wrong image, typed by hand as a student would.
  const input = terminalInput(page);
  await input.fill('kubectl run webserver --image=nginx:1.14.2');
  await input.press('Enter');
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByRole('alert')).toContainText('파드 webserver의 이미지가 nginx:latest가 아닙니다', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  expect((await savedProgress(page))?.state.lessons.pods?.exercises ?? []).toEqual([]);

  // Too few replicas, made with the lesson's own button.
  await page.goto('/learn/what-is-kubernetes');
  await runButton(page, 'kubectl create deployment hello --image=nginx:1.14.2 --replicas=2').click();
  const scale = exercise(page, 'hello-three');
  await expect(async () => {
    await scale.getByRole('button', { name: '확인하기' }).click();
    await expect(scale.getByRole('alert')).toContainText('디플로이먼트 hello의 replicas가 3이 아니라 2입니다', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

/** Before, pressing 실행 for `kubectl apply -f web-svc.yaml` without "에디터에 열기" printed `the path "web-svc.yaml" does not exist`. */
test('실행 on kubectl apply -f opens the lesson file it names, and never replaces the student\'s edit', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/learn/services');
  const output = page.getByRole('log', { name: 'kubectl 출력' });
  await runButton(page, 'kubectl apply -f web-svc.yaml').click();
  await expect(output).toContainText('service/web created', { timeout: 60_000 });
  await expect(output).not.toContainText('does not exist');
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await expect(page.getByRole('textbox', { name: 'YAML 편집기' })).toContainText('targetPort: 80');

  // a file the student opened and changed is applied as changed
  await page.getByRole('button', { name: '에디터에 열기: web-nodeport.yaml' }).click();
  const editor = page.getByRole('textbox', { name: 'YAML 편집기' });
  const services = lessonOutline(fs.readFileSync(path.join(process.cwd(), 'content/lessons/07-services.mdx'), 'utf8'));
  await editor.fill(services.editorFiles['web-nodeport.yaml'].replace('nodePort: 30080', 'nodePort: 30099'));
  await expect(editor).toContainText('nodePort: 30099');
  await runButton(page, 'kubectl apply -f web-nodeport.yaml').click();
  await expect(output).toContainText('service/web-nodeport created', { timeout: 30_000 });
  await terminalInput(page).fill('kubectl get service web-nodeport');
  await terminalInput(page).press('Enter');
  await expect(output).toContainText('80:30099/TCP');
});

test('corrupt saved progress resets with a notice and the app keeps working', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await seedStorageOnce(page, PROGRESS_STORAGE_KEY, '{"version":2,"state":{"lessons":"망가진 값"');
  await page.goto('/learn/pods');

  const notice = page.getByRole('alert').filter({ hasText: CORRUPT_PROGRESS_NOTICE });
  await expect(notice).toBeVisible();
  expect((await savedProgress(page))?.state?.lessons ?? {}).toEqual({});

  const cmd = 'kubectl run webserver --image=nginx:latest';
  await runButton(page, cmd).click();
  await expect(page.locator(`[data-step="${cmd}"]`).getByText('✓ 완료')).toBeVisible();
  expect((await savedProgress(page)).state.lessons.pods.steps).toEqual([cmd]);

  await notice.getByRole('button', { name: '닫기' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByText(CORRUPT_PROGRESS_NOTICE)).toBeHidden();
  expect(errors).toEqual([]);
});

test('two tabs of one lesson keep both tabs\' progress instead of the last writer\'s', async ({ page: a, context }) => {
  const errors = trackConsoleErrors(a);
  const [step1, step2, step3] = ['kubectl run webserver --image=nginx:latest', 'kubectl get pods', 'kubectl get pods -o wide'];
  await a.goto('/learn/pods');
  await runButton(a, step1).click();
  await expect(stepDone(a, step1)).toBeVisible();

  const b = await context.newPage();
  await b.goto('/learn/pods');
  await expect(stepDone(b, step1)).toBeVisible(); // b has loaded the saved progress

  await runButton(a, step2).click();
  await expect(stepDone(a, step2)).toBeVisible();
  await expect(stepDone(b, step2)).toBeVisible(); // the storage event reached b
  await runButton(b, step3).click();
  await expect(stepDone(a, step3)).toBeVisible();

  expect((await savedProgress(a)).state.lessons.pods.steps.toSorted()).toEqual([step1, step2, step3].toSorted());
  await a.reload();
  for (const step of [step1, step2, step3]) await expect(stepDone(a, step)).toBeVisible();
  expect(errors).toEqual([]);
});

/** Clear the terminal, run a command, and wait until its output matches (the cluster may still be converging). */
async function kubectlUntil(page: Page, line: string, expected: RegExp, timeout = 60_000): Promise<string> {
  const log = page.getByRole('log', { name: 'kubectl 출력' });
  await expect(async () => {
    await terminalInput(page).press('Control+l');
    await terminalInput(page).fill(line);
    await terminalInput(page).press('Enter');
    await expect(log).toContainText(expected, { timeout: 2_000 });
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
  return log.innerText();
}

const labNotice = (page: Page) => page.locator('[data-lab-notice]');

test('a reload rebuilds the lesson\'s practice cluster exactly, and "처음부터" starts fresh', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/learn/services');
  await expect(terminalInput(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await runButton(page, 'kubectl scale deployment web --replicas=5').click();
  await terminalInput(page).fill('kubectl run extra --image=nginx');
  await terminalInput(page).press('Enter');
  const names = (text: string) => [...text.matchAll(/^pod\/(\S+)$/gm)].map((m) => m[1]).sort();
  const before = names(await kubectlUntil(page, 'kubectl get pods -o name', /pod\/extra/));
  expect(before).toHaveLength(6);

  await page.reload();
  await expect(labNotice(page)).toHaveText(/이전 실습 클러스터를 복원했어요 \(명령 2개\)/, { timeout: 60_000 });
  await saveScreenshot(page, testInfo, 'lab-restored');
  // The same seeded names: the cluster was rebuilt by replaying the commands, not made anew.
  expect(names(await kubectlUntil(page, 'kubectl get pods -o name', /pod\/extra/))).toEqual(before);
  await kubectlUntil(page, 'kubectl get deploy web', /web\s+5\/5/);

  await labNotice(page).getByRole('button', { name: '처음부터 다시 시작' }).click();
  await expect(labNotice(page)).toBeHidden();
  await kubectlUntil(page, 'kubectl get deploy web', /web\s+3\/3/);
  await kubectlUntil(page, 'kubectl get pod extra', /Error from server \(NotFound\): pods "extra" not found/);
  await page.reload();
  await expect(terminalInput(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await expect(labNotice(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test('a corrupt saved cluster starts fresh with a Korean notice and the terminal keeps working', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await seedStorageOnce(page, 'k8s-ko-lab:lesson:pods', '{"v":1,"seed":3,"entries":[{"at":"어제"');
  await page.goto('/learn/pods');
  await expect(labNotice(page)).toHaveText(/저장된 실습 클러스터 기록이 손상되어 처음 상태로 시작했어요/, { timeout: 60_000 });
  await kubectlUntil(page, 'kubectl get nodes', /worker-1\s+Ready/);
  await labNotice(page).getByRole('button', { name: '닫기' }).click();
  await expect(labNotice(page)).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('k8s-ko-lab:lesson:pods'))).toBeNull();
  expect(errors).toEqual([]);
});

test('lesson content and the glossary have no serious accessibility problems', async ({ page }) => {
  for (const [url, scope] of [
    ['/learn/pods', '.lesson-prose'],
    ['/learn/cluster-architecture', '.lesson-prose'],
    ['/glossary', 'main'],
  ] as const) {
    await page.goto(url);
    if (scope === '.lesson-prose') {
      // Answer and grade the quiz so the explanations (coloured text) are checked too.
      const quiz = page.getByRole('region', { name: '확인 퀴즈' });
      await quiz.getByRole('button', { name: '채점하기' }).click();
      await expect(quiz.getByText(/아직 고르지 않은 문제가 있어요/)).toBeVisible();
      for (const group of await quiz.getByRole('group').all()) await group.getByRole('radio').first().check();
      await quiz.getByRole('button', { name: '채점하기' }).click();
      await expect(quiz.getByText(/문제 중 \d+문제 정답/)).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).include(scope).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${url}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('the glossary links every term to its lesson', async ({ page }) => {
  await page.goto('/glossary');
  const row = page.locator('tr').filter({ has: page.getByRole('rowheader', { name: '레플리카셋', exact: true }) });
  await expect(row).toContainText('ReplicaSet');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(/\/learn\/replicasets$/);
  await expect(page.getByRole('heading', { level: 1, name: '레플리카셋' })).toBeVisible();
});
