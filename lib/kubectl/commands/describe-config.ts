/**
 * `kubectl describe configmap|secret` as k8s.io/kubectl pkg/describe/describe.go (ConfigMapDescriber,
 * describeSecret) prints them. A Secret's values are never shown: only `key:  N bytes`.
 */
import type { V1ConfigMap, V1Secret } from '../../k8s/api-types';
import { base64ToBytes } from '../../k8s/base64';
import { annotationLines, mapLines } from './describe-format';

const sortedKeys = (m: Record<string, string> | undefined) => Object.keys(m ?? {}).sort();

function headerLines(obj: V1ConfigMap | V1Secret): string[] {
  return [`Name:\t${obj.metadata?.name ?? ''}`, `Namespace:\t${obj.metadata?.namespace ?? ''}`, ...mapLines('Labels', obj.metadata?.labels), ...annotationLines(obj.metadata?.annotations)];
}

/** Every data value under its key and a `----` rule; binary values by size. Events follow (the caller adds them). */
export function configMapLines(cm: V1ConfigMap): string[] {
  const lines = [...headerLines(cm), '', 'Data', '===='];
  for (const k of sortedKeys(cm.data)) lines.push(`${k}:`, '----', cm.data![k], '');
  lines.push('', 'BinaryData', '====');
  for (const k of sortedKeys(cm.binaryData)) lines.push(`${k}: ${base64ToBytes(cm.binaryData![k]).length} bytes`);
  lines.push('');
  return lines;
}

/** Type and each key's decoded size; describe shows no events for a Secret. */
export function secretLines(s: V1Secret): string[] {
  const lines = [...headerLines(s), '', `Type:\t${s.type ?? ''}`, '', 'Data', '===='];
  for (const k of sortedKeys(s.data)) lines.push(`${k}:\t${base64ToBytes(s.data![k]).length} bytes`);
  return lines;
}
