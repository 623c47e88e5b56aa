/**
 * `kubectl exec` in the browser terminal: the command runs in the container's environment. Messages as
 * staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go ("exec [POD] [COMMAND] is not supported anymore…", "you must
 * specify at least one command for the container") and client-go tools/remotecommand's exit status
 * ("command terminated with exit code N").
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { executeKubectl } from '../index';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string) => kubectl(client, line);

beforeEach(async () => {
  client = new SimClient({ seed: 12, autoplay: false });
  await client.ready;
  await run('kubectl run web --image=nginx --env=GREETING=hello');
  client.advance(60_000);
});

describe('kubectl exec', () => {
  it('runs a command with the pod hostname and env; exit code comes back', async () => {
    expect(await run("kubectl exec web -- sh -c 'echo $HOSTNAME; echo $GREETING'")).toEqual({ stdout: 'web\nhello\n', stderr: '', exitCode: 0 });
    expect(await run("kubectl exec web -- sh -c 'echo out; echo err >&2; exit 3'")).toEqual({ stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', exitCode: 3 });
    expect((await run('kubectl exec web -- cat /usr/share/nginx/html/index.html')).stdout).toContain('<title>Welcome to nginx!</title>');
    expect((await run('kubectl exec web -- nosuch')).stdout).toBe('');
  });

  it('usage errors as kubectl prints them', async () => {
    expect((await run('kubectl exec web ls')).stderr).toContain('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    expect((await run('kubectl exec web')).stderr).toContain('error: you must specify at least one command for the container');
    expect((await run('kubectl exec nope -- ls')).stderr).toContain('Error from server (NotFound): pods "nope" not found');
  });

  it('a pod that has not started, or has finished, refuses', async () => {
    await run('kubectl run done --restart=Never --image=busybox -- echo hi');
    await run('kubectl run fresh --image=nginx');
    client.advance(30_000);
    expect((await run('kubectl exec done -- ls')).stderr).toContain('cannot exec into a container in a completed pod; current phase is Succeeded');
    await run('kubectl run fresh2 --image=nginx');
    expect((await run('kubectl exec fresh2 -- ls')).stderr).toContain('unable to upgrade connection: container not found ("fresh2")');
  });

  it('-it … -- sh: an interactive shell that keeps cd/export until exit', async () => {
    const typed = ['cd /etc', 'pwd', 'export X=1', 'echo $X', 'exit'];
    const prompts: string[] = [];
    let stdout = '';
    const { exitCode } = await executeKubectl('kubectl exec -it web -- sh', {
      client,
      files: new Map(),
      now: () => client.time.now(),
      write: (t, s) => void (s === 'stdout' ? (stdout += t) : undefined),
      readLine: async (prompt) => (prompts.push(prompt), typed.shift() ?? null),
    });
    expect(exitCode).toBe(0);
    expect(prompts).toEqual(['/ # ', '/etc # ', '/etc # ', '/etc # ', '/etc # ']);
    expect(stdout).toBe('/etc\n1\n');
  });
});
