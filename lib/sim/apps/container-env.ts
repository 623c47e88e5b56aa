/**
 * What a process sees inside its container: environment variables and files. Kubernetes adds HOSTNAME, the
 * `kubernetes` Service variables and the service-account files; the image adds its ENV and files; the pod adds
 * `env`. (https://kubernetes.io/docs/concepts/containers/container-environment/)
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { AppModel } from './types';
import { renderTemplate } from './render';
import { podResolvConf } from '../network/dns';

/**
 * Hook for values that come from other objects — env from ConfigMaps/Secrets (`envFrom`, `valueFrom`) and
 * files from mounted volumes (lib/sim/pod-config.ts: resolveContainerEnv / resolveContainerFiles). Until the
 * engine passes one, only literal `env[].value`s are seen and no volume files exist.
 */
export interface PodConfigResolver {
  env(pod: V1Pod, container: V1Container): Record<string, string>;
  files(pod: V1Pod, container: V1Container): Record<string, string>;
}

export const LITERAL_ENV_ONLY: PodConfigResolver = {
  env: (_pod, c) => Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined || !e.valueFrom).map((e) => [e.name, e.value ?? ''])),
  files: () => ({}),
};

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The `kubernetes` Service in default, as every container's environment carries it (ClusterIP 10.96.0.1:443). */
const KUBERNETES_SERVICE_ENV: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  KUBERNETES_SERVICE_PORT: '443',
  KUBERNETES_SERVICE_PORT_HTTPS: '443',
  KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
  KUBERNETES_PORT_443_TCP_PORT: '443',
  KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
};

/** `$(VAR)` in env values refers to earlier variables (dependent environment variables); `$$(VAR)` escapes. */
function expandDependent(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name?: string) => (m === '$$' ? '$' : name !== undefined && Object.hasOwn(env, name) ? env[name] : m));
}

export function containerEnv(pod: V1Pod, c: V1Container, model: AppModel | undefined, resolver: PodConfigResolver = LITERAL_ENV_ONLY): Record<string, string> {
  const env: Record<string, string> = { PATH, HOSTNAME: pod.metadata?.name ?? '' };
  for (const [k, v] of Object.entries(model?.env ?? {})) env[k] = renderTemplate(v, { version: model?.version ?? '' }, 0);
  Object.assign(env, KUBERNETES_SERVICE_ENV);
  for (const [k, v] of Object.entries(resolver.env(pod, c))) env[k] = expandDependent(v, env);
  env.HOME ??= '/root';
  return env;
}

export function containerFiles(pod: V1Pod, c: V1Container, model: AppModel | undefined, resolver: PodConfigResolver = LITERAL_ENV_ONLY): Record<string, string> {
  const name = pod.metadata?.name ?? '';
  const ns = pod.metadata?.namespace ?? 'default';
  const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
  const files: Record<string, string> = {
    // directories every image has (a trailing slash marks a directory with nothing listed inside)
    ...Object.fromEntries(['bin', 'dev', 'home', 'lib', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'].map((d) => [`/${d}/`, ''])),
    '/etc/hostname': `${name}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${pod.status?.podIP ?? ''}\t${name}\n`,
    '/etc/resolv.conf': podResolvConf(ns),
    [`${sa}/namespace`]: ns,
    [`${sa}/token`]: 'eyJhbGciOiJSUzI1NiIsImtpZCI6InNpbSJ9.sim-token.signature',
    [`${sa}/ca.crt`]: '-----BEGIN CERTIFICATE-----\n(simulated cluster CA)\n-----END CERTIFICATE-----\n',
    ...(model?.files ?? {}),
    ...resolver.files(pod, c),
  };
  return files;
}
