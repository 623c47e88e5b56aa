/**
 * A student's path through a lesson: every "실행" command in the order the text gives it, on ONE cluster, and at each
 * exercise the check a student presses. walkthrough.test.ts proves each exercise solvable on a fresh cluster; this
 * proves the lesson's own steps don't trip a later exercise (e.g. an earlier manifest's labels landing in a later
 * Service's selector) and that every suggested command succeeds. At the end no container the lesson started may
 * have logged the simulator's "not modelled" notice: a manifest the text explains must run here as the text says
 * (lesson 03's helper once looped `wget localhost:80`, which the simulator refuses, every five seconds).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '../k8s/api-types';
import { SimClient } from '../cluster/sim-client';
import { executeKubectl } from '../kubectl';
import { evaluateChecks } from './check';
import { allLessons } from './content';
import { lessonOutline } from './outline';
import { solutionSteps } from './exercise-spec';

const STEP_MS = 5_000;
/** Commands the lesson runs knowing they exit non-zero, with the sentence that tells the student why. */
const EXPECTED_NONZERO = new Map([['kubectl exec client -- nslookup web', 'command terminated with exit code 1']]);

let clients: SimClient[] = [];
afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

type Stop = { at: number; run: string } | { at: number; exercise: number };

/** Run tags and exercise blocks in the order they appear in the text. */
function studentPath(body: string): Stop[] {
  const runs = [...body.matchAll(/<Run\s+cmd="([^"]+)"/g)].map((m) => ({ at: m.index, run: m[1] }));
  const exercises = [...body.matchAll(/^```exercise\s*$/gm)].map((m, i) => ({ at: m.index, exercise: i }));
  return [...runs, ...exercises].sort((a, b) => a.at - b.at);
}

function settle(client: SimClient, ms: number) {
  for (let t = 0; t < ms; t += STEP_MS) client.time.step(STEP_MS);
}

/** What a simulated tool prints when a lesson asks for something the simulator does not model (lib/sim/network/tools/common.ts). */
const NOT_MODELLED = '이 시뮬레이터에서는';

const lessons = allLessons().filter((l) => !l.machines);

describe.each(lessons.map((lesson) => ({ slug: lesson.slug, lesson })))('lesson $slug in order', ({ lesson }) => {
  it('runs every step without an error and each exercise passes where the text puts it', async () => {
    const outline = lessonOutline(lesson.body);
    const files = new Map(Object.entries(outline.editorFiles));
    const client = new SimClient({ seed: lesson.seed ?? lesson.order, autoplay: false });
    clients.push(client);
    await client.ready;
    const kubectl = async (line: string) => {
      let output = '';
      const { exitCode } = await executeKubectl(line, { client, files, write: (t) => void (output += t), now: () => client.time.now() });
      return { exitCode, output };
    };
    for (const line of lesson.setup ?? []) await kubectl(line);
    settle(client, 60_000);

    const problems: string[] = [];
    const flagged = new Set<string>();
    /** Every container running now: has it logged the simulator's "not modelled" notice? */
    const checkLogs = async () => {
      for (const pod of (await client.list('Pod', 'default')) as V1Pod[])
        for (const c of pod.spec?.containers ?? []) {
          const where = `pod ${pod.metadata?.name} container ${c.name}`;
          if (flagged.has(where)) continue;
          const { output } = await kubectl(`kubectl logs ${pod.metadata?.name} -c ${c.name}`);
          if (!output.includes(NOT_MODELLED)) continue;
          flagged.add(where);
          problems.push(`${where} logs: ${output.split('\n').find((l) => l.includes(NOT_MODELLED))}`);
        }
    };
    for (const stop of studentPath(lesson.body)) {
      if ('run' in stop) {
        const { exitCode, output } = await kubectl(stop.run);
        const allowed = EXPECTED_NONZERO.get(stop.run);
        if (exitCode !== 0 && !(allowed && output.includes(allowed))) problems.push(`${stop.run} → exit ${exitCode}: ${output.trim()}`);
        settle(client, 30_000);
        await checkLogs();
        continue;
      }
      const exercise = outline.exercises[stop.exercise];
      // a student who followed the text and waited may already be done; otherwise they do what the exercise asks
      settle(client, 120_000);
      if (!(await evaluateChecks(client, exercise.checks)).ok) {
        for (const { run } of solutionSteps(exercise)) {
          await kubectl(run);
          settle(client, STEP_MS * 2);
        }
        settle(client, 120_000);
      }
      const result = await evaluateChecks(client, exercise.checks);
      if (!result.ok) problems.push(`exercise ${exercise.id}: ${result.failures.join(' / ')}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
