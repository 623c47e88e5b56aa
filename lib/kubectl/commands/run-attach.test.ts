/**
 * `kubectl run … -i/-t/--rm` in the browser terminal. Steps and messages from k8s.io/kubectl pkg/cmd/run/run.go
 * (Validate's errors, the deferred delete with --rm, "pod NS/NAME terminated (REASON)" and the exit code with
 * --restart=Never) and pkg/cmd/attach/attach.go at v1.34 (the recording notice, "If you don't see a command prompt,
 * try pressing enter.", "Session ended, resume using 'kubectl attach NAME -c NAME -i -t' command when the pod is
 * running" for restartPolicy Always only). The pod is deleted as pkg/cmd/delete/delete.go prints it from v1.34 (`pod "tmp" deleted from default namespace`, as this terminal's
 * `kubectl delete` does).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import { SimClient } from '../../cluster/sim-client';
import { executeKubectl } from '../index';
import { kubectl } from '../testing/run';

let client: SimClient;

beforeEach(async () => {
  client = new SimClient({ seed: 21, autoplay: false });
  await client.ready;
  await kubectl(client, 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
  await kubectl(client, 'kubectl expose deployment web --port=80');
  client.advance(60_000);
});

const NOTICE =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n";

/** Runs `line` as the terminal does, typing `typed` at each prompt, with the cluster clock running meanwhile. */
async function attached(line: string, typed: (string | null)[], opts: { abortAtPrompt?: number; abortAfterTurns?: number; stepMs?: number } = {}) {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const podsSeenAtPrompt: string[][] = [];
  const abort = new AbortController();
  let finished = false;
  const done = executeKubectl(line, {
    client,
    files: new Map(),
    now: () => client.time.now(),
    signal: abort.signal,
    write: (t, s) => void (s === 'stdout' ? (stdout += t) : (stderr += t)),
    readLine: async (prompt) => {
      prompts.push(prompt);
      podsSeenAtPrompt.push([...client.cached().keys()].filter((k) => k.startsWith('Pod/')));
      if (opts.abortAtPrompt === prompts.length) {
        abort.abort();
        return null;
      }
      return typed.shift() ?? null;
    },
  }).finally(() => (finished = true));
  // the clock of a playing Playground: half a second of cluster time per turn of the event loop
  for (let i = 0; i < 400 && !finished; i++) {
    await new Promise((r) => setTimeout(r, 0));
    client.advance(opts.stepMs ?? 500);
    // Ctrl+C while kubectl streams a log
    if (opts.abortAfterTurns === i) abort.abort();
  }
  const { exitCode } = await done;
  return { stdout, stderr, exitCode, prompts, podsSeenAtPrompt };
}

const pod = (name: string) => client.cached().get(`Pod/default/${name}`) as V1Pod | undefined;

describe('kubectl run -it (attach)', () => {
  it('--rm -it curlimages/curl -- sh: waits for the pod, attaches its shell, curl reaches the Service, exit deletes the pod', async () => {
    const r = await attached('kubectl run tmp --rm -it --image=curlimages/curl -- sh', ['hostname', 'curl -s http://web | grep title', 'exit']);
    expect(r.stderr).toBe(NOTICE);
    expect(r.prompts).toEqual(['/ # ', '/ # ', '/ # ']);
    // the pod exists (Running) while the shell is attached
    expect(r.podsSeenAtPrompt[0]).toContain('Pod/default/tmp');
    expect(r.stdout).toBe(
      'tmp\n<title>Welcome to nginx!</title>\n' +
        "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n" +
        'pod "tmp" deleted from default namespace\n',
    );
    expect(r.exitCode).toBe(0);
    // the deferred delete ran: the pod terminates and is gone
    for (let i = 0; i < 80 && pod('tmp'); i++) client.advance(500);
    expect(pod('tmp')).toBeUndefined();
    expect((await kubectl(client, 'kubectl get pods')).stdout).not.toContain('tmp');
  });

  it('the pod it creates has stdin, stdinOnce and tty, restartPolicy Always by default (the flag default in run.go)', async () => {
    const seen: V1Pod[] = [];
    const unsubscribe = client.subscribe(() => {
      const p = pod('spec');
      if (p) seen.push(p);
    });
    await attached('kubectl run spec -it --image=busybox', ['exit']);
    unsubscribe();
    expect(seen[0].spec!.containers[0]).toMatchObject({ name: 'spec', image: 'busybox', stdin: true, stdinOnce: true, tty: true });
    expect(seen[0].spec!.restartPolicy).toBe('Always');
    // without --rm the pod stays; its shell exited and the kubelet restarted it (stdin reopens on restart)
    client.advance(30_000);
    expect(pod('spec')!.status!.containerStatuses![0].restartCount).toBe(1);
  });

  it('--restart=Never: `exit 3` ends the container, kubectl reports it and exits 3 after deleting the pod', async () => {
    const r = await attached('kubectl run tmp --rm -i -t --restart=Never --image=busybox -- sh', ['exit 3']);
    // no "Session ended …" line: attach.go prints it only for restartPolicy Always
    expect(r.stdout).toBe('pod "tmp" deleted from default namespace\n');
    expect(r.stderr).toContain('pod default/tmp terminated (Error)\n');
    expect(r.stderr).not.toContain('error: pod');
    expect(r.exitCode).toBe(3);
  });

  it('--stdin --tty without --rm, and Ctrl+D ends the shell like `exit` (exit 0, pod Succeeded with Never)', async () => {
    const r = await attached('kubectl run keep --stdin --tty --restart=Never --image=busybox -- sh', ['echo hi', null]);
    expect(r.stdout).toContain('hi\n');
    expect(r.stdout).not.toContain('deleted');
    expect(r.exitCode).toBe(0);
    expect(pod('keep')!.status!.phase).toBe('Succeeded');
  });

  it('Ctrl+C detaches: the command ends, and --rm still deletes the pod', async () => {
    const r = await attached('kubectl run tmp --rm -it --image=busybox -- sh', [], { abortAtPrompt: 1 });
    expect(r.stdout).toContain('pod "tmp" deleted from default namespace\n');
    expect(r.exitCode).toBe(130);
  });

  it('a one-shot command (-- sh -c …) with --restart=Never: its output, then the pod is deleted; no prompt', async () => {
    const r = await attached("kubectl run tmp --rm -it --restart=Never --image=busybox -- sh -c 'hostname; echo done'", []);
    expect(r.stdout).toBe('tmp\ndone\npod "tmp" deleted from default namespace\n');
    expect(r.prompts).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('a one-shot command under the default restartPolicy Always: its output once, though the container restarts', async () => {
    const r = await attached('kubectl run tmp --rm -it --image=busybox -- echo hello', []);
    expect(r.stdout).toBe('hello\npod "tmp" deleted from default namespace\n');
  });

  it('an image whose main process reads no terminal: kubectl warns and streams its log until Ctrl+C, then --rm deletes', async () => {
    // run.go handleAttachPod: a failed attach falls back to the container's log
    const r = await attached('kubectl run srv --rm -it --image=nginx:1.25', [], { abortAfterTurns: 60 });
    expect(r.stderr).toMatch(/warning: couldn't attach to pod\/srv, falling back to streaming logs: .*does not read a terminal/);
    expect(r.stdout).toContain('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
    expect(r.stdout).toContain('pod "srv" deleted from default namespace');
  });

  it('curl as the main command (-i, no shell): prints the Service\'s answer, then deletes the pod, exit 0', async () => {
    const r = await attached('kubectl run tmp --rm -i --image=curlimages/curl --restart=Never -- curl -s http://web', []);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(r.stdout.endsWith('</html>\npod "tmp" deleted from default namespace\n')).toBe(true);
    expect(r.stdout).not.toContain('kubectl exec');
    expect(r.prompts).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('a short command still running when kubectl falls back to its log: its output is streamed, not lost', async () => {
    // the clock in small steps, as a Playground plays it: the pod is Ready while curl's request is still in flight
    const r = await attached('kubectl run tmp --rm -i --image=curlimages/curl --restart=Never -- curl -s http://web', [], { stepMs: 20 });
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(r.stdout.endsWith('</html>\npod "tmp" deleted from default namespace\n')).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  it("Validate's errors, before anything is created", async () => {
    // run.go Validate
    expect((await kubectl(client, 'kubectl run tmp --rm --image=busybox')).stderr).toContain('error: --rm should only be used for attached containers');
    expect((await kubectl(client, 'kubectl run tmp -t --image=busybox')).stderr).toContain('error: -i/--stdin is required for containers with -t/--tty=true');
    expect((await kubectl(client, 'kubectl run tmp -it --image=busybox --dry-run=client')).stderr).toContain("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    // no terminal to type into (a lesson check): refused up front
    expect((await kubectl(client, 'kubectl run tmp -it --image=busybox -- sh')).stderr).toContain('error: Unable to use a TTY - input is not a terminal or the right kind of file');
    expect(pod('tmp')).toBeUndefined();
  });
});
