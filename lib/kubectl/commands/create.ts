/** `kubectl run` and `kubectl create deployment|namespace|job|configmap|secret` (with --dry-run=client -o yaml). */
import { createPodDisruptionBudget } from './create-pdb';
import { createCronJob, createJobFromCronJob } from './create-cronjob';
import type { V1Container, V1Deployment, V1Job, V1Pod } from '../../k8s/api-types';
import { API_VERSION, type Kind, type KubeObject } from '../../k8s/types';
import { parseLabelSelector } from '../../k8s/selectors';
import { KubectlError, namespaceOf, num, out, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { nameLine, toJson, toYaml, withTypeMeta } from '../print';
import { qualifiedSingular } from '../resources';
import { dryRunMode, dryRunSuffix, runCreateFromFiles } from './apply';
import { outputFormat } from './get';
import { runCreateConfigMap, runCreateSecret } from './create-config';
import { attachOptions, attachToRun, requireAttachable } from './run-attach';

function requireImage(cmd: ParsedCommand): string {
  const image = str(cmd.flags, 'image');
  if (!image) {
    throw new KubectlError('error: required flag(s) "image" not set', `힌트: 이미지를 지정해 주세요. 예) kubectl ${cmd.verb} ${cmd.sub ? `${cmd.sub} ` : ''}web --image=nginx`);
  }
  return image;
}

function requireName(cmd: ParsedCommand, what: string): string {
  const name = cmd.args[0];
  if (!name) throw new KubectlError(`error: NAME is required for ${what}`, `힌트: 이름을 넣어 주세요. 예) kubectl ${what === 'run' ? 'run web --image=nginx' : `create ${what} web --image=nginx`}`);
  if (cmd.args.length > 1) throw new KubectlError(`error: exactly one NAME is required, got ${cmd.args.length}`, '힌트: 이름은 하나만 쓸 수 있어요.');
  return name;
}

/** `nginx:1.25`, `docker.io/library/nginx@sha256:…` → `nginx` (kubectl names containers after the image). */
export function containerNameFromImage(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0].split(':')[0].toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'container';
}

function labelsFlag(value: string | undefined, fallback: Record<string, string>): Record<string, string> {
  if (!value) return fallback;
  const labels: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [k, ...v] = pair.split('=');
    if (!k || v.length === 0) throw new KubectlError(`error: invalid label spec: ${pair}`, '힌트: 레이블은 key=value 형식으로, 여러 개면 쉼표로 이어 주세요. 예) --labels=app=web,tier=fe');
    labels[k.trim()] = v.join('=').trim();
  }
  parseLabelSelector(Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','));
  return labels;
}

function portNumber(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new KubectlError(`error: invalid port: ${value}`, '힌트: 포트는 1에서 65535 사이의 숫자예요.');
  }
  return n;
}


/** Create (or, with --dry-run=client, just print) an object the way run/create do. */
export async function createOrPrint(cmd: ParsedCommand, ctx: KubectlContext, kind: Kind, obj: KubeObject): Promise<number> {
  const mode = dryRunMode(cmd);
  const format = outputFormat(cmd.flags, ['yaml', 'json', 'name']);
  const typed = { apiVersion: API_VERSION[kind], kind, ...obj } as KubeObject;
  let result = typed;
  if (mode !== 'client') result = await ctx.client.create(typed, { dryRun: mode === 'server' });
  if (format === 'yaml' || format === 'json') {
    const printable = mode === 'client' ? withClientDefaults(kind, obj, str(cmd.flags, 'namespace') !== undefined) : withTypeMeta(kind, result);
    out(ctx, format === 'yaml' ? toYaml(printable) : toJson(printable));
  } else if (format === 'name') out(ctx, nameLine(kind, result));
  else out(ctx, `${qualifiedSingular(kind)}/${result.metadata?.name} created${dryRunSuffix(mode)}`);
  return 0;
}

/** What kubectl prints for a client-side dry run: no server fields, `creationTimestamp: null`, `status: {}`. */
function withClientDefaults(kind: Kind, obj: KubeObject, explicitNamespace: boolean): Record<string, unknown> {
  const printable = withTypeMeta(kind, obj);
  const metadata = printable.metadata as Record<string, unknown>;
  metadata.creationTimestamp = null;
  if (!explicitNamespace) delete metadata.namespace;
  if (kind === 'ConfigMap' || kind === 'Secret') return printable; // no status field
  printable.status = {};
  if (kind === 'Namespace') printable.spec = {};
  if (kind === 'Deployment') {
    const spec = printable.spec as { strategy?: unknown; template: { metadata: Record<string, unknown> } };
    spec.strategy = {};
    spec.template.metadata.creationTimestamp = null;
  }
  if (kind === 'Job') (printable.spec as { template: Record<string, unknown> }).template.metadata = { creationTimestamp: null };
  return printable;
}

export async function runRun(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const name = requireName(cmd, 'run');
  const image = requireImage(cmd);
  const attach = attachOptions(cmd.flags, dryRunMode(cmd) !== 'none');
  if (attach.attach) requireAttachable(ctx);
  const port = portNumber(str(cmd.flags, 'port'));
  const env = Array.isArray(cmd.flags.env) ? cmd.flags.env : [];
  const container: V1Container = { image, name };
  if (cmd.trailing.length > 0) container.args = cmd.trailing;
  if (env.length > 0) container.env = env.map((e) => ({ name: e.split('=')[0], value: e.split('=').slice(1).join('=') }));
  if (port) container.ports = [{ containerPort: port }];
  container.resources = {};
  // run.go createPod: stdin kept open for -i (closed after the first attach), a TTY for -t
  if (attach.stdin) Object.assign(container, { stdin: true, stdinOnce: true });
  if (attach.tty) container.tty = true;
  const restart = attach.restart;
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    throw new KubectlError(`error: invalid restart policy: ${restart}`, '힌트: --restart는 Always, OnFailure, Never 중 하나예요.');
  }
  const pod: V1Pod = {
    metadata: { name, namespace: namespaceOf(cmd.flags), labels: labelsFlag(str(cmd.flags, 'labels'), { run: name }) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
  };
  if (!attach.attach) return createOrPrint(cmd, ctx, 'Pod', pod);
  // attached, kubectl prints no "pod/NAME created": the session (or the container's output) follows instead
  const created = (await ctx.client.create({ apiVersion: 'v1', kind: 'Pod', ...pod } as KubeObject)) as V1Pod;
  return attachToRun(ctx, created, attach);
}

export async function runCreate(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  if (!cmd.sub) {
    if (Array.isArray(cmd.flags.filename) && cmd.flags.filename.length > 0) return runCreateFromFiles(cmd, ctx);
    throw new KubectlError(
      cmd.args.length > 0 ? `error: unknown command "${cmd.args[0]}" for "kubectl create"` : 'error: must specify one of -f and -k',
      '힌트: 예) kubectl create deployment web --image=nginx 또는 kubectl create -f deployment.yaml',
    );
  }
  if (cmd.sub === 'configmap') return runCreateConfigMap(cmd, ctx);
  if (cmd.sub === 'secret') return runCreateSecret(cmd, ctx);
  if (cmd.sub === 'namespace') {
    const name = requireName(cmd, 'namespace');
    return createOrPrint(cmd, ctx, 'Namespace', { metadata: { name } } as KubeObject);
  }
  if (cmd.sub === 'job') return createJob(cmd, ctx);
  if (cmd.sub === 'poddisruptionbudget') return createPodDisruptionBudget(cmd, ctx);
  if (cmd.sub === 'cronjob') return createCronJob(cmd, ctx);
  const name = requireName(cmd, 'deployment');
  const image = requireImage(cmd);
  const replicas = num(cmd.flags, 'replicas') ?? 1;
  if (replicas < 0) throw new KubectlError('error: --replicas must be a non-negative number', '힌트: 레플리카 수는 0 이상이어야 해요.');
  const port = portNumber(str(cmd.flags, 'port'));
  const container: V1Container = { image, name: containerNameFromImage(image) };
  if (port) container.ports = [{ containerPort: port }];
  container.resources = {};
  const labels = { app: name };
  const deployment: V1Deployment = {
    metadata: { name, namespace: namespaceOf(cmd.flags), labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container] } },
    },
  };
  return createOrPrint(cmd, ctx, 'Deployment', deployment);
}

/**
 * `kubectl create job NAME --image=IMG [-- COMMAND [ARG...]]` as k8s.io/kubectl pkg/cmd/create/create_job.go builds
 * it: one container named after the Job running the words after `--` as its command, restartPolicy Never.
 */
async function createJob(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const from = str(cmd.flags, 'from');
  if (from !== undefined && str(cmd.flags, 'image') === undefined) return createJobFromCronJob(cmd, ctx, from);
  if (from !== undefined) throw new KubectlError('error: either --image or --from must be specified', '힌트: --image와 --from 중 하나만 쓰세요.');
  const name = requireName(cmd, 'job');
  const image = requireImage(cmd);
  const container: V1Container = { name, image };
  if (cmd.trailing.length > 0) container.command = cmd.trailing;
  container.resources = {};
  const job: V1Job = {
    metadata: { name, namespace: namespaceOf(cmd.flags) },
    spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } },
  };
  return createOrPrint(cmd, ctx, 'Job', job);
}
