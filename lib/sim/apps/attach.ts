/**
 * pods/NAME/attach (`kubectl run -it`, `kubectl attach -it`): the terminal joins the stdin and stdout of the
 * container's main process instead of starting a new one as exec does. Here that process is a shell waiting on its
 * stdin (run-container.ts waitsOnStdin); each line runs in it, and `exit N` (or end of input) ends PID 1 itself, so
 * the container terminates with N and the kubelet applies the pod's restartPolicy (kubelet-containers.ts).
 * A stdin closed after that first session (stdinOnce) opens again when the container restarts
 * (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container "stdinOnce").
 */
import type { V1Pod } from '../../k8s/api-types';
import { badRequest } from '../../k8s/status';
import type { NetworkClient, ShellInput } from '../shell';
import { execContainerName } from './exec';
import { processArgv, runContainer, waitsOnStdin } from './run-container';
import type { PodConfigResolver } from './container-env';

export interface AttachTarget {
  container: string;
  input: ShellInput;
  shell: 'sh' | 'bash';
}

/**
 * The shell an attach joins, or a StatusError 400: a finished pod (the message kubectl's attach.go gives), a container
 * not running, or a main process that reads no terminal (an image's own server, a command that exits by itself).
 */
export function attachTarget(pod: V1Pod, container: string | undefined, now: number, resolver?: PodConfigResolver, net?: NetworkClient): AttachTarget {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const name = execContainerName(pod, container);
  const c = pod.spec!.containers.find((x) => x.name === name)!;
  const status = pod.status?.containerStatuses?.find((s) => s.name === name);
  if (!status?.state?.running) throw badRequest(`container ${name} is not running`);
  const proc = runContainer(pod, c, now, resolver);
  if (!proc?.model?.shell || !waitsOnStdin(c, processArgv(c, proc.model))) {
    throw badRequest(`the main process of container ${name} (${(proc?.argv ?? []).join(' ') || c.image}) does not read a terminal`);
  }
  const shell = proc.argv[0]?.endsWith('bash') ? 'bash' : proc.model.shell;
  return { container: name, input: net ? { ...proc.shellInput, net } : proc.shellInput, shell };
}
