/**
 * The built-in image registry: which repositories and tags "exist" (anything else → ErrImagePull),
 * their sizes (for the Pulled event) and what a container does when it starts.
 */
import type { V1Container } from '@kubernetes/client-node';

export type ImageBehaviour =
  /** a server: runs until stopped */
  | 'serve'
  /** a shell/base image: runs its command (echo → exits at once, sleep N → N s, sleep infinity → forever) */
  | 'command'
  /** a database that exits with code 1 unless one of `requiresEnv` is set */
  | 'database';

export interface CatalogueImage {
  repository: string; // normalised: docker.io/library/nginx
  tags: string[];
  sizeBytes: number;
  behaviour: ImageBehaviour;
  requiresEnv?: string[];
  /** overrides SIGTERM_BY_BEHAVIOUR for this image */
  handlesSigterm?: boolean;
}

const lib = (name: string) => `docker.io/library/${name}`;

export const IMAGE_CATALOGUE: CatalogueImage[] = [
  { repository: lib('nginx'), tags: ['1.14.2', '1.16.1', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.25.3', '1.26', '1.27', '1.27.3', 'alpine', 'stable', 'latest'], sizeBytes: 72_950_530, behaviour: 'serve' },
  { repository: lib('httpd'), tags: ['2.4', '2.4.62', 'alpine', 'latest'], sizeBytes: 58_432_118, behaviour: 'serve' },
  { repository: lib('busybox'), tags: ['1.35', '1.36', '1.37', 'latest'], sizeBytes: 2_155_244, behaviour: 'command' },
  { repository: lib('alpine'), tags: ['3.18', '3.19', '3.20', 'latest'], sizeBytes: 3_623_807, behaviour: 'command' },
  { repository: lib('ubuntu'), tags: ['22.04', '24.04', 'latest'], sizeBytes: 29_754_422, behaviour: 'command' },
  { repository: lib('php'), tags: ['8.2-apache', '8.3-apache', 'apache', 'latest'], sizeBytes: 186_541_733, behaviour: 'serve' },
  { repository: lib('redis'), tags: ['6', '7', '7.2', '7.4', 'alpine', 'latest'], sizeBytes: 45_035_108, behaviour: 'serve' },
  { repository: lib('mysql'), tags: ['5.7', '8.0', '8', 'latest'], sizeBytes: 170_652_814, behaviour: 'database', requiresEnv: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'] },
  { repository: lib('postgres'), tags: ['15', '16', '17', 'latest'], sizeBytes: 158_392_112, behaviour: 'database', requiresEnv: ['POSTGRES_PASSWORD'] },
  { repository: lib('node'), tags: ['18', '20', '22', 'latest'], sizeBytes: 395_662_041, behaviour: 'command' },
  { repository: lib('python'), tags: ['3.11', '3.12', '3.13', 'latest'], sizeBytes: 372_124_554, behaviour: 'command' },
  { repository: lib('tomcat'), tags: ['9', '10', 'latest'], sizeBytes: 160_412_977, behaviour: 'serve' },
  { repository: 'docker.io/hashicorp/http-echo', tags: ['0.2.3', '1.0', 'latest'], sizeBytes: 3_492_184, behaviour: 'serve' },
  { repository: 'gcr.io/google-samples/hello-app', tags: ['1.0', '2.0'], sizeBytes: 4_713_651, behaviour: 'serve' },
  { repository: 'registry.k8s.io/echoserver', tags: ['1.10'], sizeBytes: 46_314_129, behaviour: 'serve' },
  { repository: 'registry.k8s.io/hpa-example', tags: ['latest'], sizeBytes: 183_412_080, behaviour: 'serve' },
  { repository: 'registry.k8s.io/pause', tags: ['3.9', '3.10', '3.10.1'], sizeBytes: 321_520, behaviour: 'serve' },
  { repository: 'registry.k8s.io/etcd', tags: ['3.5.15-0', '3.6.4-0'], sizeBytes: 56_909_194, behaviour: 'serve' },
  { repository: 'registry.k8s.io/kube-apiserver', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 28_063_421, behaviour: 'serve' },
  { repository: 'registry.k8s.io/kube-controller-manager', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 26_240_868, behaviour: 'serve' },
  { repository: 'registry.k8s.io/kube-scheduler', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 20_196_722, behaviour: 'serve' },
  { repository: 'registry.k8s.io/kube-proxy', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 30_207_900, behaviour: 'serve' },
  { repository: 'registry.k8s.io/coredns/coredns', tags: ['v1.11.1', 'v1.11.3', 'v1.12.1'], sizeBytes: 18_562_039, behaviour: 'serve' },
  { repository: 'docker.io/calico/node', tags: ['v3.28.0', 'v3.30.3'], sizeBytes: 115_238_612, behaviour: 'serve' },
];

const BY_REPOSITORY = new Map(IMAGE_CATALOGUE.map((i) => [i.repository, i]));

export interface ImageRef {
  /** canonical reference, e.g. docker.io/library/nginx:1.25 */
  full: string;
  repository: string;
  tag: string;
}

/** Normalises `nginx`, `nginx:1.25`, `library/nginx`, `docker.io/nginx@sha256:…` like containerd does. */
export function parseImageRef(image: string): ImageRef {
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

/** The catalogue entry when the image exists, else undefined (→ ErrImagePull). */
export function lookupImage(image: string): CatalogueImage | undefined {
  const ref = parseImageRef(image);
  const entry = BY_REPOSITORY.get(ref.repository);
  if (!entry) return undefined;
  if (ref.tag.startsWith('sha256:')) return entry;
  return entry.tags.includes(ref.tag) ? entry : undefined;
}

/** The containerd error text for a missing image, as `kubectl describe pod` shows it. */
export function pullErrorMessage(image: string): string {
  const ref = parseImageRef(image);
  if (!BY_REPOSITORY.has(ref.repository))
    return `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found`;
}

export interface ContainerPlan {
  /** ms the container runs before exiting; Infinity = until stopped */
  runMs: number;
  exitCode: number;
}

const planCache = new WeakMap<object, ContainerPlan>();

/** What a started container does: derived from the image behaviour, command/args and env. Cached per container spec. */
export function planContainer(c: V1Container): ContainerPlan {
  let plan = planCache.get(c);
  if (!plan) planCache.set(c, (plan = computePlan(c)));
  return plan;
}

const ENDS_WITH_FALSE = /(^|[\s;&|])false\s*$/;

function computePlan(c: V1Container): ContainerPlan {
  const entry = lookupImage(c.image ?? '');
  const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  if (cmd) {
    if (/sleep\s+(infinity|inf)\b|while\s+true|tail\s+-f|sleep\s+\d{6,}/.test(cmd)) return { runMs: Infinity, exitCode: 0 };
    const exit = /exit\s+(\d+)/.exec(cmd);
    const sleep = /sleep\s+(\d+)/.exec(cmd);
    const runMs = sleep ? Number(sleep[1]) * 1000 : 500;
    if (exit) return { runMs, exitCode: Number(exit[1]) };
    // a command ending in `false` exits with its status, 1 (the full shell interpreter comes later)
    if (ENDS_WITH_FALSE.test(cmd)) return { runMs, exitCode: 1 };
    if (sleep || entry?.behaviour === 'command') return { runMs, exitCode: 0 };
  }
  if (!entry || entry.behaviour === 'serve') return { runMs: Infinity, exitCode: 0 };
  if (entry.behaviour === 'database') {
    const env = new Set((c.env ?? []).map((e) => e.name));
    return entry.requiresEnv!.some((n) => env.has(n)) ? { runMs: Infinity, exitCode: 0 } : { runMs: 2_000, exitCode: 1 };
  }
  return { runMs: 500, exitCode: 0 }; // a shell image with no command exits at once
}

/**
 * Whether PID 1 exits when the kubelet sends SIGTERM, per behaviour. Servers and databases install a
 * handler and shut down promptly. A shell image runs its command as PID 1 (sh, sleep, node, python):
 * the kernel gives PID 1 no default signal actions, so an unhandled SIGTERM is ignored and the kubelet
 * waits the whole grace period before SIGKILL (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 */
const SIGTERM_BY_BEHAVIOUR: Record<ImageBehaviour, boolean> = { serve: true, database: true, command: false };

/** A command that is a shell loop or sleep: PID 1 is sh/sleep whatever image runs it. */
const SHELL_COMMAND = /(^|[\s/])(sh|bash|ash|sleep|tail)(\s|$)|while\s+true/;
/** `trap '…' TERM` in a shell command: the script handles SIGTERM itself. */
const TRAPS_TERM = /\btrap\b.*\b(TERM|SIGTERM|15)\b/;

/** Whether the container's main process stops on SIGTERM (else it runs until SIGKILL at the end of the grace period). */
export function stopsOnSigterm(c: V1Container): boolean {
  const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  if (cmd && TRAPS_TERM.test(cmd)) return true;
  if (cmd && SHELL_COMMAND.test(cmd)) return false;
  const entry = lookupImage(c.image ?? '');
  if (!entry) return true;
  return entry.handlesSigterm ?? SIGTERM_BY_BEHAVIOUR[entry.behaviour];
}
