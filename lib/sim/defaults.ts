/**
 * API defaulting (what the API server fills in before storing), per kind. Pure: returns new objects.
 * Mirrors pkg/apis/{core,apps}/v1/defaults.go for the fields students see in `-o yaml`.
 */
import type { V1Container, V1DaemonSet, V1Probe, V1Deployment, V1PodSpec, V1PodTemplateSpec, V1ReplicaSet, V1Service, V1Namespace, V1Pod, V1Job } from '../k8s/api-types';
import type { Kind, KubeObject } from '../k8s/types';
import { parseImageRef } from './images';
import { defaultJob } from './job-strategy';
import { kindOf } from '../k8s/kinds';
import { withFields } from './json';

/** SetDefaults_Probe and SetDefaults_HTTPGetAction (pkg/apis/core/v1/defaults.go): what `describe` prints. */
function defaultProbe(p: V1Probe): V1Probe {
  const out: V1Probe = { ...p, timeoutSeconds: p.timeoutSeconds || 1, periodSeconds: p.periodSeconds || 10, successThreshold: p.successThreshold || 1, failureThreshold: p.failureThreshold || 3 };
  if (p.httpGet) out.httpGet = { ...p.httpGet, path: p.httpGet.path || '/', scheme: p.httpGet.scheme || 'HTTP' };
  return out;
}

function defaultContainer(c: V1Container): V1Container {
  const tag = parseImageRef(c.image ?? '').tag;
  const out: V1Container = {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? (tag === 'latest' ? 'Always' : 'IfNotPresent'),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  };
  if (c.ports) out.ports = c.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) if (c[probe]) out[probe] = defaultProbe(c[probe]);
  // SetDefaults_ObjectFieldSelector: a downward-API fieldRef names apiVersion v1
  if (c.env?.some((e) => e.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion))
    out.env = c.env.map((e) => (e.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion ? { ...e, valueFrom: { ...e.valueFrom, fieldRef: { apiVersion: 'v1', ...e.valueFrom.fieldRef } } } : e));
  return out;
}

/** SetDefaults_ConfigMapVolumeSource / SetDefaults_SecretVolumeSource: defaultMode 0644 (420). */
function defaultVolumes(volumes: V1PodSpec['volumes']): V1PodSpec['volumes'] {
  return volumes?.map((v) =>
    v.configMap ? { ...v, configMap: { defaultMode: 420, ...v.configMap } } : v.secret ? { ...v, secret: { defaultMode: 420, ...v.secret } } : v,
  );
}

/** Defaults shared by pods and pod templates. */
export function defaultPodSpec(spec: V1PodSpec): V1PodSpec {
  // withFields, not a spread: a spread adding keys makes a hidden class per pod spec (json.ts)
  return withFields(spec, {
    containers: (spec.containers ?? []).map(defaultContainer),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(defaultContainer) } : {}),
    ...(spec.volumes ? { volumes: defaultVolumes(spec.volumes) } : {}),
    restartPolicy: spec.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    securityContext: spec.securityContext ?? {},
  });
}

function defaultTemplate(t: V1PodTemplateSpec | undefined): V1PodTemplateSpec {
  return { ...(t ?? {}), metadata: { ...(t?.metadata ?? {}) }, spec: defaultPodSpec(t?.spec ?? ({ containers: [] } as V1PodSpec)) };
}

/**
 * Admission plugins that run for every new pod: ServiceAccount, Priority and DefaultTolerationSeconds
 * (not-ready/unreachable NoExecute tolerations — the reason evictions wait `podEvictionTimeout`).
 */
export function admitPod(pod: V1Pod, podEvictionTimeoutMs: number): V1Pod {
  const spec = defaultPodSpec(pod.spec!);
  const tolerations = [...(spec.tolerations ?? [])];
  const seconds = Math.round(podEvictionTimeoutMs / 1000);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  return {
    ...pod,
    spec: withFields(spec, {
      serviceAccountName: spec.serviceAccountName ?? 'default',
      serviceAccount: spec.serviceAccountName ?? 'default',
      enableServiceLinks: spec.enableServiceLinks ?? true,
      priority: spec.priority ?? 0,
      preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
      tolerations,
    }),
    status: pod.status ?? { phase: 'Pending', qosClass: qosClass(spec) },
  };
}

/** Pod QoS class from requests/limits (Guaranteed, Burstable, BestEffort). */
export function qosClass(spec: V1PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of spec.containers ?? []) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || q !== l) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Applies the kind's defaults. `timings` give the defaults lessons may shorten. */
export function applyDefaults(kind: Kind, obj: KubeObject, progressDeadlineSeconds: number): KubeObject {
  switch (kind) {
    case 'Deployment': {
      const d = obj as V1Deployment;
      const spec = d.spec ?? ({} as NonNullable<V1Deployment['spec']>);
      const type = spec.strategy?.type ?? 'RollingUpdate';
      const strategy =
        type === 'RollingUpdate'
          ? { type, rollingUpdate: { maxUnavailable: spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%', maxSurge: spec.strategy?.rollingUpdate?.maxSurge ?? '25%' } }
          : { ...spec.strategy, type };
      return {
        ...d,
        spec: {
          ...spec,
          replicas: spec.replicas ?? 1,
          revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
          progressDeadlineSeconds: spec.progressDeadlineSeconds ?? progressDeadlineSeconds,
          strategy,
          template: defaultTemplate(spec.template),
        },
      } as KubeObject;
    }
    case 'DaemonSet': {
      // pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet
      const ds = obj as V1DaemonSet;
      const spec = ds.spec ?? ({} as NonNullable<V1DaemonSet['spec']>);
      const type = spec.updateStrategy?.type ?? 'RollingUpdate';
      const updateStrategy =
        type === 'RollingUpdate' ? { type, rollingUpdate: { maxUnavailable: spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, maxSurge: spec.updateStrategy?.rollingUpdate?.maxSurge ?? 0 } } : { type };
      return { ...ds, spec: { ...spec, revisionHistoryLimit: spec.revisionHistoryLimit ?? 10, updateStrategy, template: defaultTemplate(spec.template) } } as KubeObject;
    }
    case 'ReplicaSet': {
      const rs = obj as V1ReplicaSet;
      const spec = rs.spec ?? ({} as NonNullable<V1ReplicaSet['spec']>);
      return { ...rs, spec: { ...spec, replicas: spec.replicas ?? 1, template: defaultTemplate(spec.template) } } as KubeObject;
    }
    case 'Job':
      return defaultJob(obj as V1Job, defaultTemplate) as KubeObject;
    case 'Pod': {
      const p = obj as V1Pod;
      return { ...p, spec: defaultPodSpec(p.spec ?? ({ containers: [] } as V1PodSpec)) } as KubeObject;
    }
    case 'Service': {
      const s = obj as V1Service;
      const spec = s.spec ?? {};
      const type = spec.type ?? 'ClusterIP';
      return {
        ...s,
        spec: {
          ...spec,
          type,
          sessionAffinity: spec.sessionAffinity ?? 'None',
          ports: spec.ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port })),
          ipFamilies: spec.ipFamilies ?? ['IPv4'],
          ipFamilyPolicy: spec.ipFamilyPolicy ?? 'SingleStack',
          internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
          ...(type === 'NodePort' || type === 'LoadBalancer' ? { externalTrafficPolicy: spec.externalTrafficPolicy ?? 'Cluster' } : {}),
        },
        status: s.status ?? { loadBalancer: {} },
      } as KubeObject;
    }
    case 'Namespace': {
      const n = obj as V1Namespace;
      return {
        ...n,
        metadata: { ...n.metadata, labels: { ...(n.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': n.metadata!.name! } },
        spec: { finalizers: ['kubernetes'], ...(n.spec ?? {}) },
        status: { phase: 'Active' },
      } as KubeObject;
    }
    default: {
      // kinds whose defaulting is a plain function of the object carry it in the registry (lib/k8s/kinds)
      const prepare = kindOf(kind).strategy?.prepare;
      return prepare ? (prepare(obj as never) as KubeObject) : obj;
    }
  }
}
