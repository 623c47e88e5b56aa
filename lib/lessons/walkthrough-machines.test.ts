/**
 * Lessons that start from bare machines (frontmatter `machines: true`) are replayed through the machine shells, as a
 * student's "실행" clicks and typing reach them:
 * - each exercise, in order, fails on the lab as the exercises before it left it and passes after its own solution;
 * - following only the lesson's "실행" steps in document order, every exercise passes where it stands in the text.
 */
import { describe, expect, it } from 'vitest';
import { machinesLab } from '../machines/testing';
import { machineFacts } from '../machines/lesson-facts';
import { evaluateChecks } from './check';
import { allLessons } from './content';
import { solutionSteps, type ExerciseSpec } from './exercise-spec';
import { lessonOutline, type RunStep } from './outline';
import { EXERCISE_FENCE } from './outline';

/** Simulated time after each line and before a check: the kubelet, controllers and Calico need it. */
const LINE_MS = 5_000;
const SETTLE_MS = 120_000;

function startLab(seed: number) {
  const lab = machinesLab(seed);
  const step = async (machine: string, line: string, mayFail = false) => {
    const r = await lab.on(machine, line);
    if (r.exitCode !== 0 && !mayFail) throw new Error(`${machine}$ ${line} → exit ${r.exitCode}\n${r.stdout}${r.stderr}`);
    lab.sim.advance(LINE_MS);
    return r;
  };
  const check = async (exercise: ExerciseSpec, settle = true) => {
    if (settle) for (let t = 0; t < SETTLE_MS; t += LINE_MS) lab.sim.advance(LINE_MS);
    return evaluateChecks(lab.client, exercise.checks, machineFacts(lab.world));
  };
  return { ...lab, step, check };
}

/** The lesson's "실행" steps and exercise ids in the order the text has them. */
function documentOrder(body: string, exercises: ExerciseSpec[]): ({ run: RunStep } | { exercise: ExerciseSpec })[] {
  const pattern = new RegExp(`<Run\\s+cmd="([^"]+)"(?:\\s+machine="([^"]+)")?|^\`\`\`${EXERCISE_FENCE}\\n(?:[\\s\\S]*?)^id:\\s*(\\S+)`, 'gm');
  return [...body.matchAll(pattern)].map((m) => (m[3] ? { exercise: exercises.find((e) => e.id === m[3])! } : { run: { cmd: m[1], machine: m[2] } }));
}

const lessons = allLessons().filter((l) => l.machines);

/**
 * The "실행" steps a lesson runs to show a failure (the text explains each): systemctl status of a kubelet that is
 * not running exits 3 (systemd's LSB code), kubectl without a kubeconfig exits 1. Any other failing step is a bug.
 */
const SHOWN_FAILURES: Record<string, string[]> = {
  'cluster-setup': ['master: systemctl status kubelet', 'master: kubectl get nodes'],
};

describe.each(lessons.map((l) => [l.slug, l] as const))('machines lesson %s', (_slug, lesson) => {
  const outline = lessonOutline(lesson.body);
  const seed = lesson.seed ?? lesson.order;

  it('has exercises, each with a solution', () => {
    expect(outline.exercises.length).toBeGreaterThanOrEqual(3);
    for (const e of outline.exercises) expect(solutionSteps(e).length).toBeGreaterThan(0);
  });

  it('each exercise fails where the previous ones left the lab and passes after its solution', async () => {
    const lab = startLab(seed);
    for (const exercise of outline.exercises) {
      const before = await lab.check(exercise, false);
      expect(before.ok ? `${exercise.id}: passed before its solution` : 'failed first').toBe('failed first');
      for (const s of solutionSteps(exercise)) await lab.step(s.on ?? 'master', s.run);
      const after = await lab.check(exercise);
      expect({ id: exercise.id, failures: after.failures }).toEqual({ id: exercise.id, failures: [] });
    }
  });

  it('following the "실행" steps in order passes every exercise where the text puts it', async () => {
    const lab = startLab(seed);
    const order = documentOrder(lesson.body, outline.exercises);
    expect(order.filter((o) => 'exercise' in o).length).toBe(outline.exercises.length);
    const failed: string[] = [];
    for (const item of order) {
      if ('run' in item) {
        const machine = item.run.machine ?? 'master';
        const r = await lab.step(machine, item.run.cmd, true);
        if (r.exitCode !== 0) failed.push(`${machine}: ${item.run.cmd}`);
      } else {
        const outcome = await lab.check(item.exercise);
        expect({ id: item.exercise.id, failures: outcome.failures }).toEqual({ id: item.exercise.id, failures: [] });
      }
    }
    expect(failed).toEqual(SHOWN_FAILURES[lesson.slug] ?? []);
  });
});
