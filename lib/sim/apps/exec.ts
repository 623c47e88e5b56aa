/**
 * `kubectl exec`: a new process in a running container, with the container's environment, files and hostname
 * (https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/). Errors as the API
 * server and kubelet give them for a finished pod, an unknown or not-running container, a missing executable.
 */
import type { V1Pod } from '../../k8s/api-types';
import { badRequest } from '../../k8s/status';
import { runArgv, type NetworkClient, type ShellResult } from '../shell';
import { isShellCommand } from '../shell/commands';
import { runContainer } from './run-container';
import type { PodConfigResolver } from './container-env';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** simulated ms the command ran (`sleep 2` → 2000) */
  durationMs: number;
}

/** The container `exec` runs in: -c, else the default-container annotation, else the first. */
export function execContainerName(pod: V1Pod, container?: string): string {
  const podName = pod.metadata?.name ?? '';
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  if (!container) return pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0] ?? '';
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${podName}`);
  return container;
}

/** Validates that `container` of `pod` can run a command now; returns the process context. */
function runningContainer(pod: V1Pod, container: string | undefined, now: number, resolver?: PodConfigResolver) {
  const podName = pod.metadata?.name ?? '';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const name = execContainerName(pod, container);
  const c = pod.spec!.containers.find((x) => x.name === name)!;
  const status = pod.status?.containerStatuses?.find((s) => s.name === name);
  if (!status?.state?.running) throw badRequest(`unable to upgrade connection: container not found ("${name}")`);
  const proc = runContainer(pod, c, now, resolver);
  if (!proc) throw badRequest(`unable to upgrade connection: container not found ("${name}")`);
  return proc;
}

/**
 * Runs `command` in the container at `now`. A container with no shell/binary of that name answers as runc does.
 * `net` is the cluster network as the container sees it (curl, wget and nslookup send through it).
 */
export function execInContainer(pod: V1Pod, container: string | undefined, command: readonly string[], now: number, resolver?: PodConfigResolver, net?: NetworkClient): ExecResult {
  const proc = runningContainer(pod, container, now, resolver);
  const prog = (command[0] ?? '').split('/').pop() ?? '';
  if (!command.length) throw badRequest('you must specify at least one command for the container');
  if (!proc.model?.shell || !isShellCommand(prog, proc.shellInput)) {
    return { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown\n`, exitCode: 126, durationMs: 0 };
  }
  return execResult(runArgv(command, net ? { ...proc.shellInput, net } : proc.shellInput, prog === 'bash' ? 'bash' : (proc.model.shell ?? 'sh')));
}

function execResult(r: ShellResult): ExecResult {
  const join = (stream?: 'stderr') => r.lines.filter((l) => l.stream === stream).map((l) => `${l.text}\n`).join('');
  // an exec'd command that never ends (sleep infinity) is cut when the caller's deadline passes; here: at once
  return { stdout: join(), stderr: join('stderr'), exitCode: r.exitCode, durationMs: r.exitAtMs === Infinity ? 0 : r.exitAtMs };
}

/** The shell environment for an interactive `kubectl exec -it POD -- sh` session. */
export function execShellInput(pod: V1Pod, container: string | undefined, now: number, resolver?: PodConfigResolver, net?: NetworkClient) {
  const proc = runningContainer(pod, container, now, resolver);
  return { input: net ? { ...proc.shellInput, net } : proc.shellInput, shell: proc.model?.shell };
}
