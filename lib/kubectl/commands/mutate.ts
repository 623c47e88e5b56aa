/** Commands that change existing objects: delete, scale, set image, label, expose. */
import type { V1Container } from '../../k8s/api-types';
import { validateLabelKey, validateLabelValue } from '../../k8s/selectors';
import { API_VERSION, type Kind, type KubeObject, type V1Deployment, type V1Pod, type V1Service } from '../../k8s/types';
import { objectKey } from '../../cluster/types';
import { KubectlError, err, namespaceOf, num, out, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { deletedLine, qualifiedSingular, resourceOf } from '../resources';
import { noResourcesMessage, parseTargets, scopedNamespace, singleTarget } from '../targets';
import { runDeleteFromFiles } from './apply';
import { warnIfDeprecated } from '../deprecation';

/** Objects named by TYPE NAME…, TYPE -l SELECTOR or TYPE --all. */
export async function selectObjects(cmd: ParsedCommand, ctx: KubectlContext, verb: string): Promise<{ kind: Kind; obj: KubeObject }[]> {
  const targets = parseTargets(cmd.args, verb);
  const namespace = cmd.flags['all-namespaces'] === true ? undefined : namespaceOf(cmd.flags);
  const selector = str(cmd.flags, 'selector');
  const found: { kind: Kind; obj: KubeObject }[] = [];
  for (const t of targets) {
    const ns = scopedNamespace(t.type.kind, namespace);
    warnIfDeprecated(ctx, t.type.kind);
    if (t.names.length > 0) {
      for (const name of t.names) found.push({ kind: t.type.kind, obj: await ctx.client.get(t.type.kind, name, ns ?? (t.type.namespaced ? 'default' : undefined)) });
    } else if (selector !== undefined || cmd.flags.all === true) {
      const list = await ctx.client.list(t.type.kind, ns, { labelSelector: selector });
      for (const obj of list) found.push({ kind: t.type.kind, obj });
    } else {
      throw new KubectlError(
        'error: resource(s) were provided, but no name was specified',
        `힌트: 이름을 함께 쓰거나 -l 셀렉터, --all을 붙여 주세요. 예) kubectl ${verb} ${cmd.args[0]} web`,
      );
    }
  }
  return found;
}

export async function runDelete(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  if (Array.isArray(cmd.flags.filename) && cmd.flags.filename.length > 0) return runDeleteFromFiles(cmd, ctx);
  const found = await selectObjects(cmd, ctx, 'delete');
  if (found.length === 0) {
    err(ctx, noResourcesMessage(cmd.flags['all-namespaces'] === true ? undefined : namespaceOf(cmd.flags)));
    return 0;
  }
  const grace = cmd.flags.now === true ? 1 : num(cmd.flags, 'grace-period');
  const keys: string[] = [];
  for (const { kind, obj } of found) {
    await ctx.client.delete(kind, obj.metadata!.name!, obj.metadata?.namespace, grace === undefined ? undefined : { gracePeriodSeconds: grace });
    out(ctx, deletedLine(kind, obj.metadata!.name!, obj.metadata?.namespace));
    keys.push(objectKey(kind, obj.metadata!.name!, obj.metadata?.namespace));
  }
  // like kubectl's default --wait=true: return once the objects are really gone (pods terminate gracefully)
  if (cmd.flags.wait !== false) await untilGone(ctx, keys);
  return 0;
}

/** Resolve when none of the keys is in the client's cache any more, or on Ctrl+C. No-op without a signal. */
function untilGone(ctx: KubectlContext, keys: string[]): Promise<void> {
  const signal = ctx.signal;
  const cache = ctx.client.cached();
  if (!signal || signal.aborted || keys.every((k) => !cache.has(k))) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      resolve();
    };
    const unsubscribe = ctx.client.subscribe(() => {
      if (keys.every((k) => !ctx.client.cached().has(k))) done();
    });
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function runScale(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const replicas = num(cmd.flags, 'replicas');
  if (replicas === undefined) {
    throw new KubectlError('error: required flag(s) "replicas" not set', '힌트: 원하는 개수를 --replicas로 알려 주세요. 예) kubectl scale deploy/web --replicas=5');
  }
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', '힌트: 레플리카 수는 0 이상이어야 해요.');
  // like kubectl scale: TYPE NAME..., TYPE/NAME..., or TYPE with -l/--all, each object scaled in turn (scale.go)
  const found = await selectObjects(cmd, ctx, 'scale');
  for (const { kind } of found) {
    if (kind !== 'Deployment' && kind !== 'ReplicaSet') {
      const type = resourceOf(kind);
      throw new KubectlError(`error: no scaler has been implemented for {"${type.group}" "${type.kind}"}`, '힌트: 스케일은 디플로이먼트나 레플리카셋에 해요. 예) kubectl scale deploy/web --replicas=5');
    }
  }
  if (found.length === 0) throw new KubectlError('error: no objects passed to scale', '힌트: 셀렉터에 맞는 오브젝트가 없어요. kubectl get으로 레이블을 확인해 보세요(--show-labels).');
  for (const { kind, obj } of found) {
    await ctx.client.patch(kind, obj.metadata!.name!, obj.metadata?.namespace, { spec: { replicas } }, 'merge');
    out(ctx, `${qualifiedSingular(kind)}/${obj.metadata!.name!} scaled`);
  }
  return 0;
}

/** Containers of a pod or a workload's pod template. */
function podSpecOf(kind: Kind, obj: KubeObject): { containers: V1Container[]; initContainers?: V1Container[] } | undefined {
  if (kind === 'Pod') return (obj as V1Pod).spec;
  if (kind === 'Deployment' || kind === 'ReplicaSet') return (obj as V1Deployment).spec?.template?.spec;
  return undefined;
}

export async function runSetImage(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  if (cmd.sub !== 'image') {
    throw new KubectlError(`error: unknown command "${cmd.args[0] ?? ''}" for "kubectl set"`, '힌트: 이 터미널은 set image를 지원해요. 예) kubectl set image deploy/web web=nginx:1.25');
  }
  // as kubectl's GetResourcesAndPairs: any argument with "=" is a container=image pair, so images with a
  // registry or repository path (kubelab/hello:2.0, registry.k8s.io/pause:3.10) are pairs too
  const pairs = cmd.args.filter((a) => a.includes('=') && a !== '=');
  const resourceArgs = cmd.args.filter((a) => !pairs.includes(a));
  if (pairs.length === 0) {
    throw new KubectlError('error: at least one image update is required', '힌트: 컨테이너이름=이미지 형식으로 써 주세요. 예) kubectl set image deploy/web web=nginx:1.25');
  }
  const { type, name } = singleTarget(resourceArgs, 'set image');
  const namespace = namespaceOf(cmd.flags);
  const obj = await ctx.client.get(type.kind, name, namespace);
  const spec = podSpecOf(type.kind, obj);
  if (!spec) throw new KubectlError(`error: ${qualifiedSingular(type.kind)}/${name} has no containers`, '힌트: set image는 파드, 디플로이먼트, 레플리카셋에 쓸 수 있어요.');
  const containers = spec.containers.map((c) => ({ ...c }));
  for (const pair of pairs) {
    const [containerName, image] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    const matches = containers.filter((c) => containerName === '*' || c.name === containerName);
    if (matches.length === 0) {
      const names = containers.map((c) => c.name).join(', ');
      throw new KubectlError(`error: unable to find container named "${containerName}"`, `힌트: 이 리소스의 컨테이너 이름은 ${names}이에요. 예) kubectl set image ${type.singular}/${name} ${containers[0]?.name ?? 'web'}=${image}`);
    }
    for (const c of matches) c.image = image;
  }
  const patch = type.kind === 'Pod' ? { spec: { containers } } : { spec: { template: { spec: { containers } } } };
  await ctx.client.patch(type.kind, name, namespace, patch, 'merge');
  out(ctx, `${qualifiedSingular(type.kind)}/${name} image updated`);
  return 0;
}

export async function runLabel(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const changes = cmd.args.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const resourceArgs = cmd.args.filter((a) => !changes.includes(a));
  if (changes.length === 0) throw new KubectlError('error: at least one label update is required', '힌트: 예) kubectl label pod web env=prod (지우려면 env-)');
  const updates: Record<string, string | null> = {};
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) updates[c.slice(0, -1)] = null;
    else {
      const [k, ...v] = c.split('=');
      const problems = [...validateLabelKey(k), ...validateLabelValue(v.join('='))];
      if (problems.length > 0) throw new KubectlError(`error: invalid label value: "${c}": ${problems[0]}`, '힌트: 레이블은 key=value 형식이고, 영문자·숫자·-·_·.만 쓸 수 있어요.');
      updates[k] = v.join('=');
    }
  }
  const found = await selectObjects({ ...cmd, args: resourceArgs }, ctx, 'label');
  for (const { kind, obj } of found) {
    const current = obj.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(updates)) {
      if (v !== null && k in current && current[k] !== v && cmd.flags.overwrite !== true) {
        throw new KubectlError(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`, `힌트: 값을 바꾸려면 --overwrite를 붙여 주세요.`);
      }
    }
    const changed = Object.entries(updates).some(([k, v]) => (v === null ? k in current : current[k] !== v));
    if (changed) await ctx.client.patch(kind, obj.metadata!.name!, obj.metadata?.namespace, { metadata: { labels: updates } }, 'merge');
    const verb = !changed ? 'not labeled' : Object.values(updates).every((v) => v === null) ? 'unlabeled' : 'labeled';
    out(ctx, `${qualifiedSingular(kind)}/${obj.metadata?.name} ${verb}`);
  }
  return 0;
}

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'];

export async function runExpose(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const { type, name } = singleTarget(cmd.args, 'expose');
  const namespace = namespaceOf(cmd.flags);
  const obj = await ctx.client.get(type.kind, name, namespace);
  let selector: Record<string, string> | undefined;
  if (type.kind === 'Pod') selector = obj.metadata?.labels;
  else if (type.kind === 'Deployment' || type.kind === 'ReplicaSet') selector = (obj as V1Deployment).spec?.selector?.matchLabels;
  else if (type.kind === 'Service') selector = (obj as { spec?: { selector?: Record<string, string> } }).spec?.selector;
  else throw new KubectlError(`error: cannot expose a ${type.kind}`, '힌트: 디플로이먼트, 레플리카셋, 파드, 서비스를 노출할 수 있어요.');
  const flagSelector = str(cmd.flags, 'selector');
  if (flagSelector) selector = Object.fromEntries(flagSelector.split(',').map((p) => p.split('=') as [string, string]));
  if (!selector || Object.keys(selector).length === 0) {
    throw new KubectlError("error: couldn't retrieve selectors via --selector flag or introspection", '힌트: --selector=app=web처럼 셀렉터를 직접 알려 주세요.');
  }
  const containerPort = podSpecOf(type.kind, obj)?.containers?.flatMap((c) => c.ports ?? [])[0]?.containerPort;
  const portText = str(cmd.flags, 'port') ?? (containerPort !== undefined ? String(containerPort) : undefined);
  if (!portText) throw new KubectlError("error: couldn't find port via --port flag or introspection", '힌트: --port로 서비스 포트를 알려 주세요. 예) --port=80');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new KubectlError(`error: invalid port: ${portText}`, '힌트: 포트는 1에서 65535 사이의 숫자예요.');
  const targetText = str(cmd.flags, 'target-port');
  const targetPort = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const serviceType = str(cmd.flags, 'type') ?? 'ClusterIP';
  if (!SERVICE_TYPES.includes(serviceType)) {
    throw new KubectlError(`error: Unsupported service type: ${serviceType}`, `힌트: --type은 ${SERVICE_TYPES.join(', ')} 중 하나예요.`);
  }
  const serviceName = str(cmd.flags, 'name') ?? name;
  const service: V1Service = {
    apiVersion: API_VERSION.Service,
    kind: 'Service',
    metadata: { name: serviceName, namespace, ...(obj.metadata?.labels ? { labels: obj.metadata.labels } : {}) },
    spec: { ports: [{ port, protocol: str(cmd.flags, 'protocol') ?? 'TCP', targetPort }], selector, type: serviceType },
  };
  await ctx.client.create(service);
  out(ctx, `${qualifiedSingular('Service')}/${serviceName} exposed`);
  return 0;
}
