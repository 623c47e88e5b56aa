/**
 * What a container sees of its configuration: its environment and the files of the ConfigMap and Secret volumes
 * it mounts, computed as the kubelet does — pkg/kubelet/kubelet_pods.go makeEnvironmentVariables (envFrom first,
 * then env, later definitions overriding earlier ones, `$(VAR)` expanded against what is defined so far and the
 * service variables; fieldRef from podFieldSelectorRuntimeValue; service links from getServiceEnvVarMap and
 * pkg/kubelet/envvars), and pkg/volume/configmap + pkg/volume/secret (items, defaultMode, optional).
 *
 * Pure: the caller passes a getter for objects. The kubelet (controllers/kubelet-config.ts) uses it to decide
 * whether a container can start; the application model uses it for `exec env` and `cat`. Cost: O(keys + env).
 */
import type { V1ConfigMap, V1Container, V1EnvVar, V1Pod, V1Secret, V1Service, V1Volume } from '../k8s/api-types';
import { decodeBase64 } from '../k8s/base64';

/** Where objects come from: the engine's store in the simulator, anything in tests. */
export interface ConfigSource {
  configMap(namespace: string, name: string): V1ConfigMap | undefined;
  secret(namespace: string, name: string): V1Secret | undefined;
  /** Services whose variables the container gets (service links); none when omitted. */
  services?(namespace: string): Iterable<V1Service>;
}

/** A resolution that may fail as the kubelet's does: `error` is the kubelet's message (`configmap "x" not found`). */
export type ConfigResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

export interface EnvEntry {
  name: string;
  value: string;
}

/** A file a volume puts in the container: its content (decoded) and mode bits (0644 unless defaultMode/mode say). */
export interface ConfigFile {
  content: string;
  mode: number;
}

/** The not-found error the kubelet's object managers return (resource named in the singular). */
export const notFoundMessage = (kind: 'configmap' | 'secret', name: string) => `${kind} "${name}" not found`;

/** k8s.io/apimachinery IsEnvVarName: what envFrom keys must look like. */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * third_party/forked/golang/expansion Expand: `$(NAME)` becomes the value when NAME is defined and stays as written
 * when not; `$$` is a literal `$`; anything else after `$` is kept.
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') out += '$';
    else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) out += '$(';
      else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else out += `$${next}`;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** pkg/kubelet/envvars FromServices: `WEB_SERVICE_HOST`, `WEB_PORT_80_TCP_ADDR`…, for services with a cluster IP. */
export function serviceEnvVars(services: Iterable<V1Service>): EnvEntry[] {
  const out: EnvEntry[] = [];
  const sorted = [...services].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
  for (const svc of sorted) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const prefix = svc.metadata!.name!.toUpperCase().replace(/-/g, '_');
    const ports = svc.spec?.ports ?? [];
    if (ports.length === 0) continue;
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip }, { name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const p of ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, value: String(p.port) });
    const first = ports[0];
    out.push({ name: `${prefix}_PORT`, value: `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}` });
    for (const p of ports) {
      const protocol = p.protocol ?? 'TCP';
      const base = `${prefix}_PORT_${p.port}_${protocol}`;
      out.push(
        { name: base, value: `${protocol.toLowerCase()}://${ip}:${p.port}` },
        { name: `${base}_PROTO`, value: protocol.toLowerCase() },
        { name: `${base}_PORT`, value: String(p.port) },
        { name: `${base}_ADDR`, value: ip },
      );
    }
  }
  return out;
}

/** podFieldSelectorRuntimeValue: the fields a downward-API env var may name. */
function fieldValue(pod: V1Pod, path: string): string | undefined {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return (label[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[label[2]] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata?.name ?? '';
    case 'metadata.namespace': return pod.metadata?.namespace ?? '';
    case 'metadata.uid': return pod.metadata?.uid ?? '';
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((i) => i.ip).join(',');
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return (pod.status?.podIPs ?? []).map((i) => i.ip).join(',');
    default: return undefined;
  }
}

const secretText = (s: V1Secret, key: string) => decodeBase64(s.data![key]);

/**
 * getServiceEnvVarMap: the namespace's services when service links are on, and always the API server's
 * `kubernetes` service from `default` (unless the namespace has its own service of that name).
 */
function linkedServices(source: ConfigSource, ns: string, links: boolean): V1Service[] {
  const byName = new Map<string, V1Service>();
  for (const svc of source.services?.('default') ?? []) if (svc.metadata?.name === 'kubernetes') byName.set('kubernetes', svc);
  if (links) for (const svc of source.services?.(ns) ?? []) byName.set(svc.metadata!.name!, svc);
  return [...byName.values()];
}

/** One env var's value from its source; undefined when an optional source is missing (the var is skipped). */
function valueFrom(source: ConfigSource, pod: V1Pod, v: V1EnvVar): { value?: string; error?: string } {
  const ns = pod.metadata?.namespace ?? 'default';
  const from = v.valueFrom!;
  if (from.fieldRef) {
    const value = fieldValue(pod, from.fieldRef.fieldPath);
    return value === undefined ? { error: `unsupported fieldPath: ${from.fieldRef.fieldPath}` } : { value };
  }
  if (from.configMapKeyRef) {
    const { name = '', key, optional } = from.configMapKeyRef;
    const cm = source.configMap(ns, name);
    if (!cm) return optional ? {} : { error: notFoundMessage('configmap', name) };
    if (cm.data && Object.hasOwn(cm.data, key)) return { value: cm.data[key] };
    return optional ? {} : { error: `couldn't find key ${key} in ConfigMap ${ns}/${name}` };
  }
  if (from.secretKeyRef) {
    const { name = '', key, optional } = from.secretKeyRef;
    const s = source.secret(ns, name);
    if (!s) return optional ? {} : { error: notFoundMessage('secret', name) };
    if (s.data && Object.hasOwn(s.data, key)) return { value: secretText(s, key) };
    return optional ? {} : { error: `couldn't find key ${key} in Secret ${ns}/${name}` };
  }
  return { value: '' }; // resourceFieldRef and others: not simulated, an empty value
}

/**
 * The container's environment in a stable order: envFrom sources (each source's keys sorted), then env in
 * declaration order, then service variables not defined otherwise. A later definition replaces an earlier one's
 * value in place (the kubelet keeps one map; Go leaves its order unspecified, so this order is the simulator's).
 * Warnings are the `InvalidEnvironmentVariableNames` event messages for skipped envFrom keys.
 */
export function resolveContainerEnv(source: ConfigSource, pod: V1Pod, container: V1Container): ConfigResult<EnvEntry[]> {
  const ns = pod.metadata?.namespace ?? 'default';
  const env = new Map<string, string>();
  const warnings: string[] = [];
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configMap' : 'secret';
    const obj = from.configMapRef ? source.configMap(ns, ref.name ?? '') : source.secret(ns, ref.name ?? '');
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, error: notFoundMessage(kind === 'configMap' ? 'configmap' : 'secret', ref.name ?? '') };
    }
    const invalid: string[] = [];
    for (const key of Object.keys(obj.data ?? {}).sort()) {
      const name = (from.prefix ?? '') + key;
      if (!ENV_NAME.test(name)) invalid.push(name);
      else env.set(name, kind === 'secret' ? secretText(obj as V1Secret, key) : (obj as V1ConfigMap).data![key]);
    }
    if (invalid.length)
      warnings.push(`Keys [${invalid.sort().join(', ')}] from the EnvFrom ${kind} ${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`);
  }
  const serviceVars = serviceEnvVars(linkedServices(source, ns, pod.spec?.enableServiceLinks !== false));
  const serviceMap = new Map(serviceVars.map((v) => [v.name, v.value]));
  for (const v of container.env ?? []) {
    if (v.value) {
      env.set(v.name, expandVars(v.value, (name) => env.get(name) ?? serviceMap.get(name)));
      continue;
    }
    if (!v.valueFrom) {
      env.set(v.name, '');
      continue;
    }
    const { value, error } = valueFrom(source, pod, v);
    if (error) return { ok: false, error };
    if (value !== undefined) env.set(v.name, value);
  }
  for (const s of serviceVars) if (!env.has(s.name)) env.set(s.name, s.value);
  return { ok: true, value: [...env].map(([name, value]) => ({ name, value })), warnings };
}

/**
 * The first reason the pod's ConfigMap and Secret volumes cannot be set up, as the kubelet's FailedMount event
 * words it (`MountVolume.SetUp failed for volume "cfg" : configmap "app" not found`), or undefined when all can.
 */
export function volumeSetupError(source: ConfigSource, pod: V1Pod): string | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const files = volumeFiles(source, pod, v);
    if (!files.ok) return `MountVolume.SetUp failed for volume "${v.name}" : ${files.error}`;
  }
  return undefined;
}

/** pkg/volume/configmap and pkg/volume/secret: file name → file for one volume (items pick and rename keys). */
function volumeFiles(source: ConfigSource, pod: V1Pod, volume: V1Volume): ConfigResult<Map<string, ConfigFile>> {
  const ns = pod.metadata?.namespace ?? 'default';
  const spec = volume.configMap ?? volume.secret;
  if (!spec) return { ok: true, value: new Map(), warnings: [] };
  const isSecret = !volume.configMap;
  const name = (volume.configMap ? volume.configMap.name : volume.secret!.secretName) ?? '';
  const defaultMode = spec.defaultMode ?? 0o644;
  const obj = isSecret ? source.secret(ns, name) : source.configMap(ns, name);
  if (!obj) {
    if (spec.optional) return { ok: true, value: new Map(), warnings: [] };
    return { ok: false, error: notFoundMessage(isSecret ? 'secret' : 'configmap', name) };
  }
  const text = (key: string): string | undefined => {
    if (isSecret) return (obj as V1Secret).data && Object.hasOwn((obj as V1Secret).data!, key) ? secretText(obj as V1Secret, key) : undefined;
    const cm = obj as V1ConfigMap;
    if (cm.data && Object.hasOwn(cm.data, key)) return cm.data[key];
    return cm.binaryData && Object.hasOwn(cm.binaryData, key) ? decodeBase64(cm.binaryData[key]) : undefined;
  };
  const files = new Map<string, ConfigFile>();
  if (spec.items?.length) {
    for (const item of spec.items) {
      const content = text(item.key);
      if (content === undefined) {
        if (spec.optional) continue;
        return { ok: false, error: isSecret ? `secret references non-existent secret key: ${item.key}` : `configmap references non-existent config key: ${item.key}` };
      }
      files.set(item.path, { content, mode: item.mode ?? defaultMode });
    }
  } else {
    const keys = isSecret ? Object.keys((obj as V1Secret).data ?? {}) : [...Object.keys((obj as V1ConfigMap).data ?? {}), ...Object.keys((obj as V1ConfigMap).binaryData ?? {})];
    for (const key of keys.sort()) files.set(key, { content: text(key)!, mode: defaultMode });
  }
  return { ok: true, value: files, warnings: [] };
}

/**
 * Absolute path → file for every ConfigMap and Secret volume the container mounts (`subPath` mounts one file at
 * mountPath). The real layout keeps each file behind `..data` symlinks so updates swap atomically; here they are
 * plain files. Fails like the kubelet when a non-optional source or key is missing.
 */
export function resolveContainerFiles(source: ConfigSource, pod: V1Pod, container: V1Container): ConfigResult<Map<string, ConfigFile>> {
  const out = new Map<string, ConfigFile>();
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === mount.name);
    if (!volume || (!volume.configMap && !volume.secret)) continue;
    const files = volumeFiles(source, pod, volume);
    if (!files.ok) return files;
    const root = mount.mountPath.replace(/\/+$/, '');
    if (mount.subPath) {
      const file = files.value.get(mount.subPath);
      if (file) out.set(root, file);
      continue;
    }
    for (const [rel, file] of files.value) out.set(`${root}/${rel}`, file);
  }
  return { ok: true, value: out, warnings: [] };
}

/** A ConfigSource over anything that can get an object by kind and `namespace/name` key (the engine's store). */
export function configSourceOf(get: (kind: 'ConfigMap' | 'Secret' | 'Service', key: string) => unknown, services?: (ns: string) => Iterable<V1Service>): ConfigSource {
  return {
    // methods, not arrow properties: tsx's keepNames names arrow properties at creation, and this runs per container
    configMap(ns, name) {
      return get('ConfigMap', `${ns}/${name}`) as V1ConfigMap | undefined;
    },
    secret(ns, name) {
      return get('Secret', `${ns}/${name}`) as V1Secret | undefined;
    },
    services,
  };
}
