/**
 * What the simulator accepts, in one place. A real API server is protected by its body limit, its
 * decoders' depth limits and the ResourceQuotas an administrator sets; the simulator runs in a
 * browser tab or a small Node process, so it needs tighter, fixed bounds. Documented in README.md.
 */
import type { Limits } from './types';

/**
 * Deepest nesting of objects and arrays in a body or manifest. Upstream decoders allow 10,000
 * (encoding/json's maxNestingDepth, go-yaml's max depth); JavaScript code that recurses over a value
 * cannot, and no Kubernetes object comes near 100 (a container's env valueFrom is about 10 deep).
 */
export const MAX_NESTING_DEPTH = 100;

/** Request bodies, as the API server's limit (k8s.io/apiserver handlers/rest.go limitedReadBody, 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * YAML text (the editor, `kubectl apply -f`, YAML request bodies). YAML parsing in JavaScript costs
 * far more than JSON.parse (seconds for a few hundred KiB of adversarial input), so YAML gets a
 * smaller bound; a student's manifests are a few KiB. JSON sent as YAML is read as JSON first.
 */
export const MAX_YAML_BYTES = 128 * 1024;

/** `---` documents in one YAML text. */
export const MAX_YAML_DOCUMENTS = 1_000;

export const DEFAULT_LIMITS: Limits = { maxReplicasPerWorkload: 5_000, maxPods: 10_000 };

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
