/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs the command in the
 * container through the cluster (pods/NAME/exec); `-it … -- sh` opens an interactive shell in the terminal.
 * Messages as staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go: a non-zero exit prints "command terminated with
 * exit code N" and kubectl exits with N.
 */
import type { V1Pod } from '../../k8s/api-types';
import { isStatusError } from '../../k8s/types';
import { KubectlError, err, namespaceOf, str, type KubectlContext } from '../context';
import { statusMessage } from '../errors';
import type { ParsedCommand } from '../parse';
import type { ShellHandle } from '../../cluster/types';
import { podsFor } from './logs-targets';

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);

function execHint(message: string): string {
  if (message.includes('completed pod')) return '힌트: 이미 끝난 파드에는 들어갈 수 없어요. kubectl logs로 남긴 출력을 보세요.';
  if (message.includes('container not found')) return "힌트: 컨테이너가 실행 중일 때만 exec할 수 있어요. 'kubectl get pod'로 STATUS를 확인해 보세요.";
  return "힌트: 'kubectl describe pod'로 파드와 컨테이너 이름을 확인해 보세요.";
}

/** A StatusError from the cluster, printed as kubectl prints it with a Korean hint. */
async function cluster<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isStatusError(e)) throw new KubectlError(statusMessage(e.status), execHint(e.status.message ?? ''));
    throw e;
  }
}

function containerOf(cmd: ParsedCommand, ctx: KubectlContext, pod: V1Pod): string | undefined {
  const wanted = str(cmd.flags, 'container');
  if (wanted) return wanted;
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return annotated;
  if (names.length > 1) err(ctx, `Defaulted container "${names[0]}" out of: ${names.join(', ')}`);
  return names[0];
}

export async function runExec(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  if (!ctx.client.exec) throw new KubectlError('error: exec is not available in this cluster mode', '힌트: 이 모드에서는 아직 컨테이너 안에서 명령을 실행할 수 없어요. 시뮬레이터 모드에서 해 보세요.');
  if (cmd.args.length > 1) throw new KubectlError('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', `힌트: 명령 앞에 --를 넣으세요. 예) kubectl exec ${cmd.args[0]} -- ${cmd.args.slice(1).join(' ')}`);
  if (cmd.args.length === 0) throw new KubectlError('error: pod, type/name or --filename must be specified', '힌트: 예) kubectl exec web -- ls /');
  if (cmd.trailing.length === 0) throw new KubectlError('error: you must specify at least one command for the container', '힌트: 예) kubectl exec web -- ls /  또는  kubectl exec -it web -- sh');
  const namespace = namespaceOf(cmd.flags);
  const [pod] = await podsFor(cmd, ctx, namespace);
  const name = pod.metadata!.name!;
  const container = containerOf(cmd, ctx, pod);
  const interactive = cmd.flags.stdin === true && cmd.trailing.length === 1 && SHELLS.has(cmd.trailing[0]);
  if (interactive && ctx.readLine && ctx.client.execShell) return shell(ctx, await cluster(ctx.client.execShell(name, namespace, container)));
  if (interactive && !ctx.readLine) throw new KubectlError('error: Unable to use a TTY - input is not a terminal or the right kind of file', '힌트: 대화형 셸은 터미널에서만 열 수 있어요. kubectl exec POD -- 명령 형식으로 실행해 보세요.');
  const r = await cluster(ctx.client.exec(name, namespace, container, cmd.trailing));
  if (r.stdout) ctx.write(r.stdout, 'stdout');
  if (r.stderr) ctx.write(r.stderr, 'stderr');
  if (r.exitCode !== 0) {
    err(ctx, `command terminated with exit code ${r.exitCode}`);
    return r.exitCode;
  }
  return 0;
}

/** The interactive session: prompt, run each line, until `exit`, Ctrl+D or Ctrl+C. */
async function shell(ctx: KubectlContext, session: ShellHandle): Promise<number> {
  for (;;) {
    if (ctx.signal?.aborted) return 130;
    const line = await ctx.readLine!(session.prompt());
    if (line === null) return 0;
    const r = await session.run(line);
    if (r.stdout) ctx.write(r.stdout, 'stdout');
    if (r.stderr) ctx.write(r.stderr, 'stderr');
    if (r.exited !== undefined) {
      if (r.exited !== 0) err(ctx, `command terminated with exit code ${r.exited}`);
      return r.exited;
    }
  }
}
