/**
 * Known fields per kind, for strict decoding: the API server (field validation "Strict", kubectl's
 * default) rejects `spec.replica` with `strict decoding error: unknown field "spec.replica"`.
 * A shape is ANY (leaf or opaque subtree), MAP (free keys), an object of shapes, or [shape] for lists.
 */
import type { Kind } from '../k8s/types';

const ANY = 'any' as const;
const MAP = 'map' as const;
type Shape = typeof ANY | typeof MAP | { [field: string]: Shape } | [Shape];

const fields = (names: string, rest: Record<string, Shape> = {}): Record<string, Shape> => {
  const o: Record<string, Shape> = {};
  for (const n of names.split(/\s+/).filter(Boolean)) o[n] = ANY;
  return { ...o, ...rest };
};

const ownerReference = fields('apiVersion kind name uid controller blockOwnerDeletion');
const objectMeta = fields('name generateName namespace uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds finalizers managedFields selfLink', {
  labels: MAP,
  annotations: MAP,
  ownerReferences: [ownerReference],
});
const labelSelector = { matchLabels: MAP, matchExpressions: [fields('key operator values')] } satisfies Shape;
const probe = fields('initialDelaySeconds timeoutSeconds periodSeconds successThreshold failureThreshold terminationGracePeriodSeconds grpc', {
  exec: fields('command'),
  httpGet: fields('path port host scheme httpHeaders'),
  tcpSocket: fields('port host'),
});
const container = fields(
  'name image command args workingDir envFrom volumeMounts volumeDevices lifecycle imagePullPolicy securityContext stdin stdinOnce tty terminationMessagePath terminationMessagePolicy resizePolicy restartPolicy',
  {
    ports: [fields('name containerPort hostPort hostIP protocol')],
    env: [fields('name value valueFrom')],
    resources: { limits: MAP, requests: MAP, claims: ANY },
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
  },
);
const podSpec = fields(
  'restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims volumes resources ephemeralContainers',
  {
    containers: [container],
    initContainers: [container],
    nodeSelector: MAP,
    overhead: MAP,
    tolerations: [fields('key operator value effect tolerationSeconds')],
  },
);
const template = { metadata: objectMeta, spec: podSpec } satisfies Shape;
const top = (rest: Record<string, Shape>): Shape => ({ apiVersion: ANY, kind: ANY, metadata: objectMeta, status: ANY, ...rest });

const SCHEMAS: Record<Kind, Shape> = {
  Deployment: top({
    spec: fields('replicas minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds', {
      selector: labelSelector,
      template,
      strategy: { type: ANY, rollingUpdate: fields('maxSurge maxUnavailable') },
    }),
  }),
  ReplicaSet: top({ spec: fields('replicas minReadySeconds', { selector: labelSelector, template }) }),
  Pod: top({ spec: podSpec }),
  Service: top({
    spec: fields(
      'clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
      { ports: [fields('name protocol appProtocol port targetPort nodePort')], selector: MAP },
    ),
  }),
  Namespace: top({ spec: fields('finalizers') }),
  Node: top({ spec: fields('podCIDR podCIDRs providerID unschedulable configSource externalID', { taints: [fields('key value effect timeAdded')] }) }),
  Endpoints: top({ subsets: ANY }),
  Event: top(fields('involvedObject reason message source firstTimestamp lastTimestamp count type eventTime series action related reportingComponent reportingInstance')),
};

/** Paths of fields the kind does not know, e.g. ["spec.replica", "spec.template.spec.containers[0].imagee"]. */
export function unknownFields(kind: Kind, obj: unknown): string[] {
  const out: string[] = [];
  walk(SCHEMAS[kind], obj, '', out);
  return out;
}

function walk(shape: Shape, value: unknown, path: string, out: string[]): void {
  if (shape === ANY || shape === MAP || value == null || typeof value !== 'object') return;
  if (Array.isArray(shape)) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(shape[0], v, `${path}[${i}]`, out));
    return;
  }
  if (Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    const sub = shape[k];
    if (sub === undefined) out.push(p);
    else walk(sub, v, p, out);
  }
}
