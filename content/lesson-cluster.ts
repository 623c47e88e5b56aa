/**
 * A lesson's starting cluster for the claims tests: the seeded simulator with the lesson's setup run and its
 * editor files loaded, and a kubectl runner that steps simulated time while a command waits.
 */
import { SimClient } from '@/lib/cluster/sim-client';
import { allLessons } from '@/lib/lessons/content';
import { lessonOutline } from '@/lib/lessons/outline';
import { kubectl } from '@/lib/kubectl/testing/run';

/** Every cluster a test started; `disposeLessonClusters` in afterEach stops them. */
export const clients: SimClient[] = [];
export function disposeLessonClusters() {
  for (const c of clients.splice(0)) c.dispose();
}

export const lesson = (slug: string) => allLessons().find((l) => l.slug === slug)!;

/** The lesson's starting cluster, and a runner that lets `rollout status` finish by stepping simulated time. */
export async function start(slug: string) {
  const l = lesson(slug);
  const files = new Map(Object.entries(lessonOutline(l.body).editorFiles));
  const client = new SimClient({ seed: l.seed ?? l.order, autoplay: false });
  clients.push(client);
  await client.ready;
  const run = async (line: string) => {
    let finished = false;
    // a signal, as the terminal gives one: without it `rollout status` prints one line and returns
    const result = kubectl(client, line, { files, signal: new AbortController().signal }).finally(() => (finished = true));
    for (let i = 0; i < 600 && !finished; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (!finished) client.time.step(1_000);
    }
    return result;
  };
  for (const line of l.setup ?? []) await run(line);
  client.time.step(30_000);
  return { client, run, body: l.body };
}

/** Applies `content` as file `name` (a lesson file edited the way a student might). */
export async function executeWith(client: SimClient, line: string, content: string) {
  const { executeKubectl } = await import('@/lib/kubectl');
  const name = / -f (\S+)/.exec(line)![1];
  let stderr = '';
  const { exitCode } = await executeKubectl(line, { client, files: new Map([[name, content]]), write: (t, s) => void (s === 'stderr' && (stderr += t)), now: () => client.time.now() });
  if (exitCode !== 0) throw new Error(stderr);
}
