/**
 * The parts of the cluster configuration that need no Kubernetes client: whether a cluster is configured at
 * all, which namespaces, whether writes are on. Kept apart from cluster-config.ts because loading
 * @kubernetes/client-node (a thousand modules) takes seconds on a cold, busy machine, and /api/cluster/info
 * must answer within 3 s even then (`coldInfo`).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { LiveInfo } from '../cluster/live-protocol';
import { isDnsLabel } from './names';

export const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export type ConfigSource = 'kubeconfig-env' | 'kubeconfig-home' | 'in-cluster';

export interface EnvLike {
  [key: string]: string | undefined;
}

/** Which source loadFromDefault would use, or null when none exists. Pure apart from file-existence checks. */
export function detectConfigSource(env: EnvLike, fileExists: (p: string) => boolean = existsSync, home: string = homedir()): ConfigSource | null {
  if (env.KUBECONFIG && env.KUBECONFIG.trim() !== '') return 'kubeconfig-env';
  if (fileExists(path.join(home, '.kube', 'config'))) return 'kubeconfig-home';
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && fileExists(SERVICE_ACCOUNT_TOKEN)) return 'in-cluster';
  return null;
}

/** CLUSTER_NAMESPACES → a de-duplicated list of valid namespace names; invalid entries are ignored. */
export function parseNamespaces(raw: string | undefined): string[] {
  const names = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && isDnsLabel(s));
  const unique = [...new Set(names)];
  return unique.length > 0 ? unique : ['default'];
}

/** Host part of a server URL ("https://10.0.0.1:6443" → "10.0.0.1:6443"). */
export function serverHostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

export const NO_CLUSTER_REASON = '연결된 클러스터가 없어 시뮬레이터로 실습합니다.';

/**
 * /api/cluster/info from the environment alone, for the moments before the cluster client has loaded:
 * the right mode, namespaces and write switch, and "not confirmed yet" for reachability.
 */
export function coldInfo(env: EnvLike, fileExists?: (p: string) => boolean): LiveInfo {
  const counts = { upstreamWatches: 0, streams: 0 };
  if (!detectConfigSource(env, fileExists)) return { mode: 'sim', reachable: false, writable: false, reason: NO_CLUSTER_REASON, ...counts };
  return {
    mode: 'live',
    reachable: false,
    writable: !!env.CLUSTER_WRITE_TOKEN?.trim(),
    namespaces: parseNamespaces(env.CLUSTER_NAMESPACES),
    reason: '서버가 클러스터 연결을 준비하는 중입니다. 잠시 뒤에 다시 확인합니다.',
    ...counts,
  };
}
