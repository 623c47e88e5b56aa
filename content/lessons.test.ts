/**
 * Content test: every lesson's frontmatter, every exercise check and quiz well formed, every "실행" and setup
 * command parses in lib/kubectl, every JSX tag and diagram exists, and the MDX compiles.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { allLessons, frontmatterProblems } from '@/lib/lessons/content';
import { lessonOutline } from '@/lib/lessons/outline';
import { solutionSteps } from '@/lib/lessons/exercise-spec';
import { isTerminalProgram, parseKubectl } from '@/lib/kubectl';
import { VERBS } from '@/lib/kubectl/commands-spec';
import { lessonComponents } from '@/components/lesson/mdx-components';
import { DIAGRAMS } from '@/components/lesson/diagram';
import { loadScenarios } from '@/lib/scenarios/catalog';
import { K8S_VERSION } from '@/lib/sim';

const EXPECTED_ORDER = [
  'what-is-kubernetes',
  'cluster-architecture',
  'pods',
  'replicasets',
  'deployments',
  'relationships',
  'services',
  'best-practices',
  'cluster-setup',
];

const lessons = allLessons();

/** Lesson text without fenced blocks and inline code, where MDX reads tags and expressions. */
function proseOf(body: string): string {
  return body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

describe('curriculum', () => {
  it('has the nine lessons of the bootcamp day, in order, numbered 1..9', () => {
    expect(lessons.map((l) => l.slug)).toEqual(EXPECTED_ORDER);
    expect(lessons.map((l) => l.order)).toEqual(EXPECTED_ORDER.map((_, i) => i + 1));
    expect(lessons.map((l) => l.file.slice(0, 2))).toEqual(EXPECTED_ORDER.map((_, i) => String(i + 1).padStart(2, '0')));
  });
});

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (_slug, lesson) => {
  const outline = lessonOutline(lesson.body);

  it('has complete frontmatter', () => {
    expect(frontmatterProblems(lesson as unknown as Record<string, unknown>)).toEqual([]);
    expect(lesson.objectives.length).toBeGreaterThanOrEqual(3);
    expect(lesson.duration).toMatch(/^\d+분$/);
    expect(Number.isInteger(lesson.seed)).toBe(true);
  });

  it('has well-formed exercise and quiz blocks', () => {
    expect(outline.problems).toEqual([]);
    expect(outline.exercises.length).toBeGreaterThanOrEqual(1);
    const ids = outline.exercises.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(outline.quiz?.length ?? 0).toBeGreaterThanOrEqual(3);
    // Every exercise carries a solution, so the walkthrough test can prove it is solvable.
    for (const e of outline.exercises) expect(e.solution?.length ?? 0).toBeGreaterThan(0);
    // Files a solution applies must be ones the lesson opens in the editor (a machines lesson's are on the machines).
    for (const line of lesson.machines ? [] : outline.exercises.flatMap(solutionSteps).map((s) => s.run)) {
      const file = / -f (\S+)/.exec(line)?.[1];
      if (file) expect(Object.keys(outline.editorFiles)).toContain(file);
    }
  });

  it('has guided steps whose commands all parse', () => {
    expect(outline.runCommands.length).toBeGreaterThanOrEqual(2);
    // a machine's shell runs any line (the machines walkthrough replays them); its kubectl lines still must parse
    const steps = [...outline.runSteps.map((s) => ({ on: s.machine ?? null, run: s.cmd })), ...outline.exercises.flatMap(solutionSteps)];
    const kubectlLines = steps.filter((s) => s.on === null || /^kubectl\s/.test(s.run)).map((s) => s.run);
    // only a lesson that starts from bare machines has machines to run on
    if (!lesson.machines) expect(steps.filter((s) => s.on !== null)).toEqual([]);
    for (const cmd of [...kubectlLines, ...(lesson.setup ?? [])]) {
      // curl and traffic are programs beside kubectl; the guided-steps and walkthrough tests run them for real
      if (isTerminalProgram(cmd)) continue;
      const parsed = parseKubectl(cmd);
      expect(parsed.ok ? 'ok' : `${cmd} → ${parsed.error}`).toBe('ok');
      // Parsing is not enough: the practice terminal must actually run the verb.
      if (parsed.ok) expect(VERBS[parsed.command.verb]?.unsupported ? `${cmd} → 연습 터미널 미지원` : 'ok').toBe('ok');
    }
  });

  it('uses only registered components and diagrams', () => {
    const tags = new Set([...proseOf(lesson.body).matchAll(/<([A-Z][A-Za-z]*)/g)].map((m) => m[1]));
    for (const tag of tags) expect(Object.keys(lessonComponents)).toContain(tag);
    for (const [, name] of lesson.body.matchAll(/<Diagram\s+name="([^"]+)"/g)) expect(Object.keys(DIAGRAMS)).toContain(name);
  });

  it('starts only scenarios that exist', () => {
    const ids = loadScenarios().map((s) => s.id);
    for (const [, id] of lesson.body.matchAll(/<StartScenarioButton\s+id="([^"]+)"/g)) expect(ids).toContain(id);
  });

  it('compiles as MDX without JavaScript expressions', async () => {
    await expect(compile(lesson.body, { remarkPlugins: [remarkGfm] })).resolves.toBeTruthy();
    // next-mdx-remote blocks JS by default: data must live in fences and string attributes only.
    expect(proseOf(lesson.body)).not.toMatch(/[{}]/);
  });
});

describe('quizzes are not answerable by a pattern', () => {
  const quizzes = lessons.map((l) => ({ slug: l.slug, quiz: lessonOutline(l.body).quiz ?? [] }));
  const all = quizzes.flatMap((q) => q.quiz);
  const longest = (q: { choices: string[]; answer: number }) => q.choices.every((c, i) => i === q.answer || c.length < q.choices[q.answer].length);

  it('spreads the authored answer positions: no position holds more than 40% of all answers', () => {
    const counts = new Map<number, number>();
    for (const q of all) counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1);
    for (const [position, n] of counts) expect(`${position}: ${n}/${all.length}`).toBe(n / all.length <= 0.4 ? `${position}: ${n}/${all.length}` : 'over 40%');
  });

  it.each(quizzes.map((q) => [q.slug, q.quiz] as const))('%s: no fixed position and no "pick the longest" answers more than half', (_slug, quiz) => {
    for (let position = 0; position < 5; position++) expect(quiz.filter((q) => q.answer === position).length).toBeLessThanOrEqual(Math.floor(quiz.length / 2));
    expect(quiz.filter(longest).length).toBeLessThanOrEqual(Math.floor(quiz.length / 2));
  });

  it('the right answer is the longest choice in at most 25% of all questions', () => {
    expect(all.filter(longest).length / all.length).toBeLessThanOrEqual(0.25);
  });
});

describe('lessons speak to any learner, about things that exist', () => {
  const shipped = new Set(lessons.flatMap((l) => Object.keys(lessonOutline(l.body).editorFiles)));

  it.each(lessons.map((l) => [l.slug, l.body] as const))('%s assumes no particular course or team', (_slug, body) => {
    expect(body.match(/부트캠프|조장|조원|우리 조/g) ?? []).toEqual([]);
  });

  it.each(lessons.map((l) => [l.slug, l.body] as const))('%s names only manifest files a lesson ships (or downloads by URL)', (_slug, body) => {
    // a file name not preceded by "/" (URLs and paths are downloads or server files, not editor files)
    const named = [...body.matchAll(/(?<![\w/.-])([\w.-]+\.ya?ml)\b/g)].map((m) => m[1]);
    const downloaded = new Set([...body.matchAll(/https?:\/\/\S+\/([\w.-]+\.ya?ml)/g)].map((m) => m[1]));
    expect(named.filter((f) => !shipped.has(f) && !downloaded.has(f))).toEqual([]);
  });

  it('the cluster-setup lesson installs the Kubernetes minor version the practice cluster runs', () => {
    const body = lessons.find((l) => l.slug === 'cluster-setup')!.body;
    const minor = K8S_VERSION.replace(/^(v\d+\.\d+).*/, '$1');
    const repos = [...body.matchAll(/pkgs\.k8s\.io\/core:\/stable:\/(v\d+\.\d+)\//g)].map((m) => m[1]);
    expect(repos.length).toBeGreaterThan(0);
    expect(new Set(repos)).toEqual(new Set([minor]));
  });
});

describe('corrected claims stay corrected', () => {
  const body = (slug: string) => lessons.find((l) => l.slug === slug)!.body;

  it('cluster-architecture names the container runtime as a worker component, and the pod as what runs on workers', () => {
    const section = body('cluster-architecture').split('## 워커 노드의 구성 요소')[1].split('\n## ')[0];
    const components = [...section.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    expect(components).toEqual(['kubelet', '컨테이너 런타임', 'kube-proxy']);
    expect(section).toMatch(/containerd/);
    expect(section).toMatch(/CRI/);
  });

  it('no lesson says a new pod is always ready before an old one goes (false whenever maxUnavailable > 0)', () => {
    for (const l of lessons) {
      for (const sentence of l.body.replace(/\*\*/g, '').split(/(?<=[.다])\s/)) {
        if (/준비(된|가 되)[^.]*(다음에야|뒤에야|되면)[^.]*옛[^.]*(지우|지운|사라지)/.test(sentence)) expect(`${l.slug}: ${sentence}`).toMatch(/maxUnavailable이 0/);
      }
    }
  });
});
