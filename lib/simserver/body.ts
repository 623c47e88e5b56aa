/**
 * Request bodies: read, then decode by Content-Type (JSON, YAML, Kubernetes protobuf), and map
 * patch media types onto the engine's PatchType.
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { PatchType } from '../sim/types';
import { StatusError } from '../k8s/types';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './protobuf/decode';
import { badRequest, unsupportedMediaType } from './status';

/** Bodies above this size are refused; kubectl never sends anything near it. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new StatusError(badRequest('request entity too large'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/json-patch+json': 'json',
  'application/apply-patch+yaml': 'apply',
};

/** The bare media type, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** PatchType for a PATCH request's Content-Type; throws 415 for anything else. */
export function patchTypeOf(contentType: string | undefined): PatchType {
  const t = PATCH_TYPES[mediaType(contentType)];
  if (!t) throw new StatusError(unsupportedMediaType(contentType ?? ''));
  return t;
}

/**
 * Decode a body into a value. Protobuf is recognised by its magic prefix whatever the declared
 * type (kubectl 1.32's wire log shows protobuf bodies); YAML covers apply-patch+yaml and JSON.
 * An empty body decodes to undefined.
 */
export function decodeBody(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) return undefined;
  if (isKubernetesProtobuf(body)) {
    try {
      return decodeKubernetesProtobuf(body);
    } catch (e) {
      throw new StatusError(unsupportedMediaType(`application/vnd.kubernetes.protobuf: ${(e as Error).message}`));
    }
  }
  const type = mediaType(contentType);
  const text = body.toString('utf8');
  let value: unknown;
  try {
    value = type.includes('yaml') ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new StatusError(badRequest(`the body of the request could not be decoded: ${(e as Error).message}`));
  }
  return dropNullTimestamps(value);
}

/**
 * kubectl serialises Go's zero metav1.Time as `"creationTimestamp": null` (in templates too, e.g.
 * the template `rollout undo` copies back). The API server decodes null and absent alike; drop it
 * so a template compares and hashes the same as the one it was copied from. O(size of the body).
 */
export function dropNullTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) {
    value.forEach(dropNullTimestamps);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (obj.creationTimestamp === null) delete obj.creationTimestamp;
    for (const v of Object.values(obj)) dropNullTimestamps(v);
  }
  return value;
}
