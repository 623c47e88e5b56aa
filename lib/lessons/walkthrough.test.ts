/**
 * Every exercise is solvable: start each lesson's seeded cluster in the simulator (setup commands included),
 * confirm the checks fail at the start, replay the exercise's solution through the real kubectl executor and
 * confirm the checks pass once simulated time has let the controllers converge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { executeKubectl } from '../kubectl';
import { evaluateChecks } from './check';
import { allLessons } from './content';
import { lessonOutline } from './outline';
import { solutionSteps } from './exercise-spec';

const SETTLE_MS = 60_000;
const STEP_MS = 5_000;

let clients: SimClient[] = [];
afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

async function kubectl(client: SimClient, files: Map<string, string>, line: string): Promise<string> {
  let output = '';
  const { exitCode } = await executeKubectl(line, { client, files, write: (t) => void (output += t), now: () => client.time.now() });
  if (exitCode !== 0) throw new Error(`${line} → exit ${exitCode}\n${output}`);
  return output;
}

/** Let simulated time pass in small steps so each controller round sees the previous one's writes. */
function settle(client: SimClient, ms: number) {
  for (let t = 0; t < ms; t += STEP_MS) client.time.step(STEP_MS);
}

// lessons that start from bare machines replay through the machine shells: walkthrough-machines.test.ts
const cases = allLessons().filter((lesson) => !lesson.machines).flatMap((lesson) => {
  const outline = lessonOutline(lesson.body);
  return outline.exercises.map((exercise) => ({ name: `${lesson.slug} / ${exercise.id}`, lesson, outline, exercise }));
});

describe.each(cases)('exercise $name', ({ lesson, outline, exercise }) => {
  it('fails on the starting cluster and passes after its solution', async () => {
    const files = new Map(Object.entries(outline.editorFiles));
    const client = new SimClient({ seed: lesson.seed ?? lesson.order, autoplay: false });
    clients.push(client);
    await client.ready;
    for (const line of lesson.setup ?? []) await kubectl(client, files, line);
    settle(client, SETTLE_MS);

    const before = await evaluateChecks(client, exercise.checks);
    expect(before.ok).toBe(false);

    for (const { run: line } of solutionSteps(exercise)) {
      await kubectl(client, files, line);
      settle(client, STEP_MS * 2);
    }
    settle(client, SETTLE_MS * 2);
    const after = await evaluateChecks(client, exercise.checks);
    expect(after.failures).toEqual([]);
  });
});
