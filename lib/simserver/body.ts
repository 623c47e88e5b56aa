/**
 * Request bodies: read (at most MAX_BODY_BYTES, counted in bytes), then decode by Content-Type
 * (JSON, YAML, Kubernetes protobuf) within the simulator's bounds (lib/sim/limits.ts), and map patch
 * media types onto the engine's PatchType. Whatever the bytes, the result is a value or a 4xx
 * StatusError — never a crash: nesting is measured before any parser or recursion sees it.
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { PatchType } from '../sim/types';
import type { StatusError } from '../k8s/types';
import { MAX_BODY_BYTES, MAX_NESTING_DEPTH, MAX_YAML_BYTES, MAX_YAML_DOCUMENTS } from '../sim/limits';
import { findUnsafeInput } from '../sim/json';
import { jsonNestingDepth, yamlShape } from '../yaml/nesting';
import { YAML_DEPTH_BOUND } from '../yaml/limits';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './protobuf/decode';
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from '../k8s/status';

/** After a 413, this much more of the body is read and dropped (so the client sees the answer), then the connection closes. */
const DISCARD_AFTER_LIMIT = 1024 * 1024;

/**
 * The body, or a 413 StatusError as soon as it is known to be too big: from Content-Length before
 * reading anything, or from the bytes read so far. Nothing past the limit is kept.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.reject(tooLarge(req));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      done();
      reject(tooLarge(req));
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/**
 * The 413, and what happens to the rest of the body. The answer goes out with `Connection: close`
 * (the handler sets it); closing at once would reset a connection the client is still writing to,
 * and a reset can destroy the answer before the client reads it. So, like Go's net/http, the
 * server only half-closes after answering (node calls socket.end() when destroySoon is absent)
 * and drops what still arrives, up to DISCARD_AFTER_LIMIT bytes or a second, then closes.
 */
function tooLarge(req: IncomingMessage): StatusError {
  const socket = req.socket as typeof req.socket | null;
  if (socket) {
    // destroySoon is node's internal, untyped: shadow it so that node falls back to socket.end()
    Reflect.set(socket, 'destroySoon', undefined);
    let dropped = 0;
    const close = () => socket.destroy();
    socket.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DISCARD_AFTER_LIMIT) close();
    });
    setTimeout(close, 1_000).unref();
  }
  req.resume();
  return requestEntityTooLarge(MAX_BODY_BYTES);
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
  const type = mediaType(contentType);
  const t = Object.hasOwn(PATCH_TYPES, type) ? PATCH_TYPES[type] : undefined;
  if (!t) throw unsupportedMediaType();
  return t;
}

const undecodable = (why: string) => badRequest(`the body of the request could not be decoded: ${why}`);
const tooDeep = () => undecodable(`exceeded max depth of ${MAX_NESTING_DEPTH}`);

function decodeJson(text: string): unknown {
  if (jsonNestingDepth(text, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) throw tooDeep();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw undecodable((e as Error).message);
  }
}

function decodeYaml(text: string): unknown {
  // kubectl sends JSON even as apply-patch+yaml; JSON.parse is far cheaper than a YAML parser
  if (/^\s*[[{]/.test(text)) {
    try {
      return decodeJson(text);
    } catch (e) {
      if (jsonNestingDepth(text, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) throw e;
    }
  }
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) throw requestEntityTooLarge(MAX_YAML_BYTES, ' for YAML (JSON bodies may be larger)');
  const shape = yamlShape(text, YAML_DEPTH_BOUND);
  if (shape.overAt !== undefined) throw tooDeep();
  if (shape.documentStarts > MAX_YAML_DOCUMENTS) throw undecodable(`more than ${MAX_YAML_DOCUMENTS} YAML documents`);
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw undecodable((e as Error).message);
  }
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
      throw unsupportedMediaType();
    }
  }
  const text = body.toString('utf8');
  const value = mediaType(contentType).includes('yaml') ? decodeYaml(text) : decodeJson(text);
  // YAML aliases can nest deeper than the text does
  if (findUnsafeInput(value, MAX_NESTING_DEPTH)?.problem === 'depth') throw tooDeep();
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
    if (Object.hasOwn(obj, 'creationTimestamp') && obj.creationTimestamp === null) delete obj.creationTimestamp;
    for (const v of Object.values(obj)) dropNullTimestamps(v);
  }
  return value;
}
