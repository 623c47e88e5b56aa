/**
 * Content test: every lesson's frontmatter, every exercise check and quiz well formed, every "실행" and setup
 * command parses in lib/kubectl, every JSX tag and diagram exists, and the MDX compiles.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { allLessons, frontmatterProblems } from '@/lib/lessons/content';
import { lessonOutline } from '@/lib/lessons/outline';
import { parseKubectl } from '@/lib/kubectl';
import { VERBS } from '@/lib/kubectl/commands-spec';
import { lessonComponents } from '@/components/lesson/mdx-components';
import { DIAGRAMS } from '@/components/lesson/diagram';
import { loadScenarios } from '@/lib/scenarios/catalog';

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
    // Files a solution applies must be ones the lesson opens in the editor.
    for (const line of outline.exercises.flatMap((e) => e.solution ?? [])) {
      const file = / -f (\S+)/.exec(line)?.[1];
      if (file) expect(Object.keys(outline.editorFiles)).toContain(file);
    }
  });

  it('has guided steps whose commands all parse', () => {
    expect(outline.runCommands.length).toBeGreaterThanOrEqual(2);
    const solutions = outline.exercises.flatMap((e) => e.solution ?? []);
    for (const cmd of [...outline.runCommands, ...(lesson.setup ?? []), ...solutions]) {
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
