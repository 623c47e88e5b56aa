/**
 * Server-side validation with the API server's messages. Returns field errors; the caller wraps them
 * into a 422 Invalid Status. Strict decoding (unknown fields) is a separate 400 (lib/k8s/kinds/fields.ts, checked in apiserver.ts).
 */
import type { V1Container, V1DaemonSet, V1Deployment, V1LabelSelector, V1ObjectMeta, V1Pod, V1PodSpec, V1PodTemplateSpec, V1ReplicaSet, V1Service, V1Job } from '../k8s/api-types';
import type { Kind, KubeObject } from '../k8s/types';
import { labelSelectorObjectMatches, validateLabelKey, validateLabelValue } from '../k8s/selectors';
import { validateDNS1035Label, validateDNS1123Label, validateDNS1123Subdomain } from '../k8s/names';
import { isQuantity } from '../k8s/quantity';
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../k8s/field-errors';
import { scaledValue } from './rollout-math';
import { canonicalJson } from './json';
import { validateJobSpec } from './job-strategy';
import { kindOf } from '../k8s/kinds';

const NAME_VALIDATOR: Partial<Record<Kind, (n: string) => string[]>> = {
  Namespace: validateDNS1123Label,
  Service: validateDNS1035Label,
};

export function validateMeta(kind: Kind, meta: V1ObjectMeta | undefined, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  const name = meta?.name;
  if (path === 'metadata') {
    if (!name) errs.push(fieldRequired('metadata.name', 'name or generateName is required'));
    else for (const m of (NAME_VALIDATOR[kind] ?? validateDNS1123Subdomain)(name)) errs.push(fieldInvalid('metadata.name', name, m));
  }
  for (const [k, v] of Object.entries(meta?.labels ?? {})) {
    for (const m of validateLabelKey(k)) errs.push(fieldInvalid(`${path}.labels`, k, m));
    if (typeof v !== 'string') errs.push(fieldInvalid(`${path}.labels`, v, 'label values must be strings'));
    else for (const m of validateLabelValue(v)) errs.push(fieldInvalid(`${path}.labels`, v, m));
  }
  return errs;
}

function validateContainer(c: V1Container, path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(fieldRequired(`${path}.name`));
  else {
    for (const m of validateDNS1123Label(c.name)) errs.push(fieldInvalid(`${path}.name`, c.name, m));
    if (seen.has(c.name)) errs.push({ field: `${path}.name`, type: 'FieldValueDuplicate', message: `Duplicate value: ${JSON.stringify(c.name)}` });
    seen.add(c.name);
  }
  if (!c.image || !String(c.image).trim()) errs.push(fieldRequired(`${path}.image`));
  (c.ports ?? []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (p.containerPort === undefined) errs.push(fieldRequired(`${pp}.containerPort`));
    else if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535)
      errs.push(fieldInvalid(`${pp}.containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'));
    if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(fieldNotSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  for (const kind of ['requests', 'limits'] as const)
    for (const [r, q] of Object.entries(c.resources?.[kind] ?? {}))
      if (!isQuantity(String(q))) errs.push(fieldInvalid(`${path}.resources.${kind}[${r}]`, q, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy))
    errs.push(fieldNotSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
  return errs;
}

export function validatePodSpec(spec: V1PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const containers = spec?.containers ?? [];
  if (containers.length === 0) errs.push(fieldRequired(`${path}.containers`));
  const seen = new Set<string>();
  containers.forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, seen)));
  (spec?.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, seen)));
  const rp = spec?.restartPolicy;
  if (rp && !['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(fieldNotSupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) {
    for (const m of validateLabelKey(k)) errs.push(fieldInvalid(`${path}.nodeSelector`, k, m));
    for (const m of validateLabelValue(String(v))) errs.push(fieldInvalid(`${path}.nodeSelector`, v, m));
  }
  (spec?.tolerations ?? []).forEach((t, i) => {
    if (t.operator && !['Exists', 'Equal'].includes(t.operator)) errs.push(fieldNotSupported(`${path}.tolerations[${i}].operator`, t.operator, ['Equal', 'Exists']));
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect))
      errs.push(fieldNotSupported(`${path}.tolerations[${i}].effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
  });
  return errs;
}

function validateSelectorAndTemplate(selector: V1LabelSelector | undefined, template: V1PodTemplateSpec | undefined, kind: Kind): FieldError[] {
  const errs: FieldError[] = [];
  const empty = !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
  if (!selector) errs.push(fieldRequired('spec.selector'));
  else if (empty) errs.push(fieldInvalid('spec.selector', selector, 'empty selector is invalid for deployment'));
  errs.push(...validateMeta(kind, template?.metadata, 'spec.template.metadata'));
  const labels = template?.metadata?.labels ?? {};
  if (selector && !empty && !labelSelectorObjectMatches(selector, labels))
    errs.push(fieldInvalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  errs.push(...validatePodSpec(template?.spec, 'spec.template.spec'));
  const rp = template?.spec?.restartPolicy;
  if (rp && rp !== 'Always') errs.push(fieldNotSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  return errs;
}

function validateReplicas(v: unknown, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v !== 'number' || !Number.isInteger(v)) return [fieldInvalid(path, v, 'must be an integer')];
  return v < 0 ? [fieldInvalid(path, v, 'must be greater than or equal to 0')] : [];
}

function validateIntOrPercent(v: number | string | undefined, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'string' && !/^\d+%$/.test(v))
    return [fieldInvalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  const n = scaledValue(v, 100, false) ?? 0;
  if (n < 0) return [fieldInvalid(path, v, 'must be greater than or equal to 0')];
  return [];
}

function validateDeployment(d: V1Deployment): FieldError[] {
  const spec = d.spec;
  const errs = [...validateReplicas(spec?.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(spec?.selector, spec?.template, 'Deployment')];
  const strategy = spec?.strategy;
  if (strategy?.type && !['RollingUpdate', 'Recreate'].includes(strategy.type)) errs.push(fieldNotSupported('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate']));
  if (strategy?.type === 'Recreate' && strategy.rollingUpdate) errs.push(fieldForbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\''));
  const ru = strategy?.rollingUpdate;
  if (strategy?.type !== 'Recreate' && ru) {
    const p = 'spec.strategy.rollingUpdate';
    const before = errs.length;
    errs.push(...validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
    if (errs.length === before) {
      if ((scaledValue(ru.maxUnavailable, 100, false) ?? 0) === 0 && (scaledValue(ru.maxSurge, 100, true) ?? 0) === 0)
        errs.push(fieldInvalid(`${p}.maxUnavailable`, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
      if (typeof ru.maxUnavailable === 'string' && (scaledValue(ru.maxUnavailable, 100, false) ?? 0) > 100)
        errs.push(fieldInvalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'));
    }
  }
  if (spec?.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit < 0)
    errs.push(fieldInvalid('spec.revisionHistoryLimit', spec.revisionHistoryLimit, 'must be greater than or equal to 0'));
  const pds = spec?.progressDeadlineSeconds;
  if (pds !== undefined && pds <= (spec?.minReadySeconds ?? 0))
    errs.push(fieldInvalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  return errs;
}

function validateService(s: V1Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = s.spec;
  const type = spec?.type ?? 'ClusterIP';
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  if (!types.includes(type)) errs.push(fieldNotSupported('spec.type', type, types));
  if (type !== 'ExternalName' && spec?.clusterIP !== 'None' && (spec?.ports ?? []).length === 0) errs.push(fieldRequired('spec.ports'));
  const names = new Set<string>();
  (spec?.ports ?? []).forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    if ((spec?.ports?.length ?? 0) > 1 && !p.name) errs.push(fieldRequired(`${pp}.name`));
    if (p.name) {
      if (names.has(p.name)) errs.push({ field: `${pp}.name`, type: 'FieldValueDuplicate', message: `Duplicate value: ${JSON.stringify(p.name)}` });
      names.add(p.name);
    }
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errs.push(fieldInvalid(`${pp}.port`, p.port, 'must be between 1 and 65535, inclusive'));
    if (p.nodePort !== undefined && type === 'ClusterIP') errs.push(fieldForbidden(`${pp}.nodePort`, 'may not be used when `type` is \'ClusterIP\''));
    if (p.nodePort !== undefined && (p.nodePort < 30000 || p.nodePort > 32767))
      errs.push(fieldInvalid(`${pp}.nodePort`, p.nodePort, 'provided port is not in the valid range. The range of valid ports is 30000-32767'));
  });
  for (const [k, v] of Object.entries(spec?.selector ?? {})) {
    for (const m of validateLabelKey(k)) errs.push(fieldInvalid('spec.selector', k, m));
    for (const m of validateLabelValue(String(v))) errs.push(fieldInvalid('spec.selector', v, m));
  }
  return errs;
}

/** Validation for create (and the spec part of update). */
export function validateObject(kind: Kind, obj: KubeObject): FieldError[] {
  const errs = validateMeta(kind, obj.metadata);
  switch (kind) {
    case 'Deployment':
      return [...errs, ...validateDeployment(obj as V1Deployment)];
    case 'ReplicaSet': {
      const rs = obj as V1ReplicaSet;
      return [...errs, ...validateReplicas(rs.spec?.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(rs.spec?.selector, rs.spec?.template, 'ReplicaSet')];
    }
    case 'Pod':
      return [...errs, ...validatePodSpec((obj as V1Pod).spec, 'spec')];
    case 'DaemonSet': {
      const ds = obj as V1DaemonSet;
      const type = ds.spec?.updateStrategy?.type;
      const strategy = type && !['RollingUpdate', 'OnDelete'].includes(type) ? [fieldNotSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate'])] : [];
      return [...errs, ...validateSelectorAndTemplate(ds.spec?.selector, ds.spec?.template, 'DaemonSet'), ...strategy];
    }
    case 'Service':
      return [...errs, ...validateService(obj as V1Service)];
    case 'Job':
      return [...errs, ...validateJobSpec(obj as V1Job, (t) => [...validateMeta(kind, t?.metadata, 'spec.template.metadata'), ...validatePodSpec(t?.spec, 'spec.template.spec')])];
    default:
      // kinds whose validation needs nothing but the object carry it in the registry (lib/k8s/kinds)
      return [...errs, ...(kindOf(kind).strategy?.validate?.(obj as never) ?? [])];
  }
}

const stable = (v: unknown) => canonicalJson(v ?? null);

/** Extra rules on update: immutable fields. */
export function validateUpdate(kind: Kind, next: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'DaemonSet' || kind === 'Job') {
    const a = (next as V1Deployment).spec?.selector;
    const b = (old as V1Deployment).spec?.selector;
    if (stable(a) !== stable(b)) errs.push(fieldInvalid('spec.selector', a ?? null, 'field is immutable'));
  }
  if (kind === 'Pod') {
    const a = (next as V1Pod).spec!;
    const b = (old as V1Pod).spec!;
    const strip = (s: V1PodSpec) => ({
      ...s,
      containers: s.containers?.map((c) => ({ ...c, image: '' })),
      initContainers: s.initContainers?.map((c) => ({ ...c, image: '' })),
      activeDeadlineSeconds: undefined,
      tolerations: undefined,
      terminationGracePeriodSeconds: undefined,
    });
    if (stable(strip(a)) !== stable(strip(b)))
      errs.push(
        fieldForbidden(
          'spec',
          'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        ),
      );
  }
  if (kind === 'Service') {
    const a = (next as V1Service).spec?.clusterIP;
    const b = (old as V1Service).spec?.clusterIP;
    if (a !== undefined && a !== '' && a !== b) errs.push(fieldInvalid('spec.clusterIPs[0]', a, 'may not change once set'));
  }
  errs.push(...(kindOf(kind).strategy?.validateUpdate?.(next as never, old as never) ?? []));
  return errs;
}
