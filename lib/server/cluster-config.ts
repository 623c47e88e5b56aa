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
import { KubeConfig } from '@kubernetes/client-node';
import { detectConfigSource, parseNamespaces, serverHostOf, type ConfigSource, type EnvLike } from './cluster-env';

export { SERVICE_ACCOUNT_TOKEN, detectConfigSource, parseNamespaces, serverHostOf, type ConfigSource, type EnvLike } from './cluster-env';

export interface ClusterSettings {
  kubeConfig: KubeConfig;
  source: ConfigSource;
  /** Host (and port) of the API server, for display; never the credentials. */
  serverHost: string;
  namespaces: string[];
  writeToken: string | null;
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
