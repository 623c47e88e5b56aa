/**
 * Which cluster (if any) this server shows, read once from the environment.
 *
 *   KUBECONFIG          kubeconfig path(s); otherwise ~/.kube/config; otherwise the in-cluster service account
 *                       (the order of client-node's loadFromDefault)
 *   CLUSTER_NAMESPACES  comma list of namespaces the app may show (default `default`; nodes are always shown)
 *   CLUSTER_WRITE_TOKEN writes through /api/cluster/actions are off unless this is set
 *
 * loadFromDefault never fails: with nothing configured it invents a localhost:8080 cluster. So "no cluster"
 * is decided here first — no KUBECONFIG, no ~/.kube/config, not in a pod — and the app stays on the simulator.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { isDnsLabel } from './names';

export const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export type ConfigSource = 'kubeconfig-env' | 'kubeconfig-home' | 'in-cluster';

export interface ClusterSettings {
  kubeConfig: KubeConfig;
  source: ConfigSource;
  /** Host (and port) of the API server, for display; never the credentials. */
  serverHost: string;
  namespaces: string[];
  writeToken: string | null;
}

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

/** Reads the environment; null means "no cluster: stay on the simulator". Throws only on a broken kubeconfig. */
export function loadClusterSettings(env: EnvLike = process.env): ClusterSettings | null {
  const source = detectConfigSource(env);
  if (!source) return null;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromDefault();
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) return null;
  const token = env.CLUSTER_WRITE_TOKEN?.trim();
  return {
    kubeConfig,
    source,
    serverHost: serverHostOf(cluster.server),
    namespaces: parseNamespaces(env.CLUSTER_NAMESPACES),
    writeToken: token ? token : null,
  };
}
