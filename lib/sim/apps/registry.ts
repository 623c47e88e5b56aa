/**
 * The built-in image registry: which repositories and tags exist (anything else → ErrImagePull with the
 * registry's message), their sizes, and each image's application model with its tag's overrides applied.
 */
import type { AppModel, ImageFamily } from './types';
import { WEB_SERVER_IMAGES } from './web-servers';
import { BASE_IMAGES } from './base-images';
import { DATABASE_IMAGES } from './databases';
import { SYSTEM_IMAGES } from './system-images';
import { KUBELAB_IMAGES } from './kubelab-images';
import { PROXY_CHAIN_IMAGES } from './proxy-chain-images';
import { INGRESS_IMAGES } from './ingress-images';

export const IMAGE_FAMILIES: readonly ImageFamily[] = [...WEB_SERVER_IMAGES, ...BASE_IMAGES, ...DATABASE_IMAGES, ...SYSTEM_IMAGES, ...KUBELAB_IMAGES, ...PROXY_CHAIN_IMAGES, ...INGRESS_IMAGES];

const BY_REPOSITORY = new Map(IMAGE_FAMILIES.map((i) => [i.repository, i]));

export interface ImageRef {
  /** canonical reference, e.g. docker.io/library/nginx:1.25 */
  full: string;
  repository: string;
  tag: string;
}

/** Normalises `nginx`, `nginx:1.25`, `library/nginx`, `docker.io/nginx@sha256:…` like containerd does. */
export function parseImageRef(image: string): ImageRef {
  let hit = parsedRefs.get(image);
  if (hit === undefined) {
    // every kubelet step asks about the same few images: parse each once (bounded, for odd input)
    if (parsedRefs.size >= MAX_PARSED_REFS) parsedRefs.clear();
    parsedRefs.set(image, (hit = Object.freeze(parseImageRefUncached(image))));
  }
  return hit;
}
const parsedRefs = new Map<string, Readonly<ImageRef>>();
const MAX_PARSED_REFS = 1024;

function parseImageRefUncached(image: string): ImageRef {
  let ref = image.trim();
  let tag = 'latest';
  const at = ref.indexOf('@');
  if (at >= 0) {
    tag = ref.slice(at + 1);
    ref = ref.slice(0, at);
  } else {
    const colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/')) {
      tag = ref.slice(colon + 1);
      ref = ref.slice(0, colon);
    }
  }
  const first = ref.split('/')[0];
  const hasRegistry = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? ref : `docker.io/${ref}`;
  if (!hasRegistry && !ref.includes('/')) repository = `docker.io/library/${ref}`;
  return { full: `${repository}${tag.startsWith('sha256:') ? '@' : ':'}${tag}`, repository, tag };
}

/** The registry entry when the image exists, else undefined (→ ErrImagePull). */
export function lookupImage(image: string): ImageFamily | undefined {
  const ref = parseImageRef(image);
  const entry = BY_REPOSITORY.get(ref.repository);
  if (!entry) return undefined;
  if (ref.tag.startsWith('sha256:')) return entry;
  return entry.tags.includes(ref.tag) ? entry : undefined;
}

const modelCache = new Map<string, AppModel | undefined>();

/** The application model of an image (tag overrides applied, {version} resolved), or undefined if it doesn't exist. */
export function appModelFor(image: string): AppModel | undefined {
  if (modelCache.has(image)) return modelCache.get(image);
  const entry = lookupImage(image);
  let model: AppModel | undefined;
  if (entry) {
    const { tag } = parseImageRef(image);
    const over = entry.byTag?.[tag] ?? {};
    const base = { ...entry.app, ...over };
    // the tag's own release when the family names one (nginx:1.25 → 1.25.5); else a numeric tag is the version
    // (nginx:1.25.3 → 1.25.3); others use the version the model names
    model = { ...base, version: over.version ?? (/^v?\d/.test(tag) ? tag : (base.version ?? tag)) };
  }
  if (modelCache.size > 1_000) modelCache.clear();
  modelCache.set(image, model);
  return model;
}

/** The containerd error text for a missing image, as `kubectl describe pod` shows it. */
export function pullErrorMessage(image: string): string {
  const ref = parseImageRef(image);
  if (!BY_REPOSITORY.has(ref.repository))
    return `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found`;
}
