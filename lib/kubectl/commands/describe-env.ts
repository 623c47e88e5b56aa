/**
 * The configuration part of a container block and the Volumes block in `kubectl describe`, as k8s.io/kubectl
 * pkg/describe/describe.go prints them (describeContainerEnvFrom, describeContainerEnvVars with EnvValueRetriever
 * for a pod, describeContainerVolumes, describeVolumes with printConfigMapVolumeSource / printSecretVolumeSource /
 * printEmptyDirVolumeSource). Secret values are never shown: only which key of which Secret.
 */
import type { V1Container, V1Pod, V1Volume } from '../../k8s/api-types';

/** EnvValueRetriever: a fieldRef's value for a pod (empty inside a pod template). */
function fieldValue(pod: V1Pod | undefined, path: string): string {
  if (!pod) return '';
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return fields[path] ?? '';
}

export function envLines(c: V1Container, pod?: V1Pod): string[] {
  const lines: string[] = [];
  if (c.envFrom?.length) {
    lines.push('    Environment Variables from:');
    for (const e of c.envFrom) {
      const ref = e.configMapRef ?? e.secretRef;
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
      const optional = ref?.optional === true;
      lines.push(`      ${ref?.name ?? ''}\t${from}${e.prefix ? ` with prefix '${e.prefix}'` : ''}\tOptional: ${optional}`);
    }
  }
  const env = c.env ?? [];
  lines.push(env.length ? '    Environment:' : '    Environment:\t<none>');
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => lines.push(i === 0 ? `      ${e.name}:\t${s}` : `      \t${s}`));
    } else if (from.fieldRef) lines.push(`      ${e.name}:\t${fieldValue(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    else if (from.resourceFieldRef) lines.push(`      ${e.name}:\t (${from.resourceFieldRef.resource})`);
    else if (from.secretKeyRef) lines.push(`      ${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}`);
    else if (from.configMapKeyRef) lines.push(`      ${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}`);
  }
  return lines;
}

/** describeContainerVolumes: `/etc/app from cfg (ro)`, sorted by mount path. */
export function mountLines(c: V1Container): string[] {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  if (mounts.length === 0) return ['    Mounts:\t<none>'];
  return ['    Mounts:', ...mounts.map((m) => `      ${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',')})`)];
}

/** describeVolumes; `space` is "" for a pod and "  " inside a pod template. */
export function volumeLines(volumes: V1Volume[] | undefined, space: string): string[] {
  if (!volumes?.length) return [`${space}Volumes:\t<none>`];
  const lines = [`${space}Volumes:`];
  for (const v of volumes) {
    lines.push(`  ${space ? ' ' : ''}${v.name}:`);
    if (v.configMap) lines.push('    Type:\tConfigMap (a volume populated by a ConfigMap)', `    Name:\t${v.configMap.name ?? ''}`, `    Optional:\t${v.configMap.optional === true}`);
    else if (v.secret) lines.push('    Type:\tSecret (a volume populated by a Secret)', `    SecretName:\t${v.secret.secretName ?? ''}`, `    Optional:\t${v.secret.optional === true}`);
    else if (v.emptyDir) lines.push("    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)", `    Medium:\t${v.emptyDir.medium ?? ''}`, `    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}`);
  }
  return lines;
}
