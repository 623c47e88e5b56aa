/**
 * `kubectl logs`: the simulator runs no processes, so a running container's log is a few
 * plausible start-up lines derived from its image; a container that has not started gets the
 * API server's 400 "waiting to start" error.
 */
import type { V1Pod, KubeObject } from '../k8s/types';
import { badRequest } from '../k8s/status';

export function podLog(obj: KubeObject, containerName?: string): string {
  const pod = obj as V1Pod;
  const podName = pod.metadata?.name ?? '';
  const containers = pod.spec?.containers ?? [];
  if (!containerName && containers.length > 1) {
    throw badRequest(
      `a container name must be specified for pod ${podName}, choose one of: [${containers.map((c) => c.name).join(' ')}]`);
  }
  const container = containers.find((c) => !containerName || c.name === containerName);
  if (!container) throw badRequest(`container ${containerName} is not valid for pod ${podName}`);
  const state = pod.status?.containerStatuses?.find((s) => s.name === container.name)?.state;
  if (!state?.running && !state?.terminated) {
    const reason = state?.waiting?.reason ?? 'ContainerCreating';
    throw badRequest(`container "${container.name}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  const startedAt = state.running?.startedAt ?? state.terminated?.startedAt;
  const image = container.image ?? '';
  if (image.startsWith('nginx')) {
    // nginx stamps its error log as 2026/01/15 10:00:00
    const started = startedAt ? new Date(startedAt).toISOString().replace(/-/g, '/').replace('T', ' ').replace(/\.\d+Z$/, '') : '';
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${started} [notice] 1#1: using the "epoll" event method`,
      `${started} [notice] 1#1: start worker processes`,
      '',
    ].join('\n');
  }
  return `${startedAt ? new Date(startedAt).toISOString() : ''} container ${container.name} (${image}) started\n`;
}
