/**
 * Every lesson's guided "실행" steps run cleanly, in order, on that lesson's starting cluster, with the
 * lesson's editor files loaded as "에디터에 열기" would load them. A step that errors would leave a student
 * staring at a red terminal in the middle of a lesson.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { executeKubectl } from '../kubectl';
import { allLessons } from './content';
import { lessonOutline } from './outline';

let clients: SimClient[] = [];
afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

/** Run one line while stepping simulated time, so waiting commands (rollout status) can finish. */
async function runWithTime(client: SimClient, files: Map<string, string>, line: string) {
  let output = '';
  let done = false;
  const result = executeKubectl(line, { client, files, write: (t) => void (output += t), now: () => client.time.now() }).finally(() => (done = true));
  for (let i = 0; i < 600 && !done; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!done) client.time.step(1_000);
  }
  const { exitCode } = await result;
  return { exitCode, output };
}

/**
 * Steps whose non-zero exit is the lesson's point, explained in its text: busybox nslookup exits 1 when any reply is an
 * error (networking/nslookup.c, busybox ≥ 1.30), and a short name's other search domains answer NXDOMAIN.
 */
const EXPLAINED_EXIT: Record<string, { code: number; output: RegExp }> = {
  'kubectl exec client -- nslookup web': { code: 1, output: /Name:\tweb\.default\.svc\.cluster\.local\n[\s\S]*command terminated with exit code 1\n$/ },
};

// lessons that start from bare machines run their steps in the machine shells: walkthrough-machines.test.ts
describe.each(allLessons().filter((l) => !l.machines).map((l) => [l.slug, l] as const))('guided steps of %s', (_slug, lesson) => {
  it('all succeed in order', async () => {
    const outline = lessonOutline(lesson.body);
    const files = new Map(Object.entries(outline.editorFiles));
    const client = new SimClient({ seed: lesson.seed ?? lesson.order, autoplay: false });
    clients.push(client);
    await client.ready;
    for (const line of [...(lesson.setup ?? []), ...outline.runCommands]) {
      const { exitCode, output } = await runWithTime(client, files, line);
      const explained = EXPLAINED_EXIT[line];
      if (explained) expect({ exitCode, explained: explained.output.test(output) }).toEqual({ exitCode: explained.code, explained: true });
      else expect(exitCode === 0 ? 'ok' : `${line}\n${output}`).toBe('ok');
      client.time.step(5_000);
    }
  });
});
