/**
 * Field numbers of the Kubernetes protobuf messages kubectl sends (from the generated.proto files
 * of k8s.io/api and k8s.io/apimachinery). Only fields a learner's kubectl can set are listed;
 * unknown fields are skipped by the decoder.
 *
 * Type notation: `string`, `int`, `bool`, `time` (metav1.Time), `ios` (IntOrString), `qty`
 * (resource.Quantity), `b64` (bytes, which JSON carries as base64), `map<string>`, `map<qty>`, `map<b64>`, or a message name. A trailing `[]` marks a
 * repeated field; a trailing `!` marks a pointer field whose zero value is meaningful and kept
 * (e.g. `replicas: 0`); a trailing `^` marks an embedded struct whose fields are inlined in JSON.
 */
export type FieldTable = Record<number, [name: string, type: string]>;

const meta: FieldTable = { 1: ['metadata', 'ObjectMeta'] };

export const MESSAGES: Record<string, FieldTable> = {
  // runtime.Unknown, the envelope after the `k8s\0` magic
  Unknown: { 1: ['typeMeta', 'TypeMeta'], 2: ['raw', 'bytes'], 3: ['contentEncoding', 'string'], 4: ['contentType', 'string'] },
  TypeMeta: { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] },
  ObjectMeta: {
    1: ['name', 'string'], 2: ['generateName', 'string'], 3: ['namespace', 'string'], 5: ['uid', 'string'],
    6: ['resourceVersion', 'string'], 7: ['generation', 'int'], 8: ['creationTimestamp', 'time'],
    9: ['deletionTimestamp', 'time'], 10: ['deletionGracePeriodSeconds', 'int!'], 11: ['labels', 'map<string>'],
    12: ['annotations', 'map<string>'], 13: ['ownerReferences', 'OwnerReference[]'], 14: ['finalizers', 'string[]'],
  },
  OwnerReference: {
    1: ['kind', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'], 5: ['apiVersion', 'string'],
    6: ['controller', 'bool!'], 7: ['blockOwnerDeletion', 'bool!'],
  },
  LabelSelector: { 1: ['matchLabels', 'map<string>'], 2: ['matchExpressions', 'LabelSelectorRequirement[]'] },
  LabelSelectorRequirement: { 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', 'string[]'] },

  Deployment: { ...meta, 2: ['spec', 'DeploymentSpec'] },
  DeploymentSpec: {
    1: ['replicas', 'int!'], 2: ['selector', 'LabelSelector'], 3: ['template', 'PodTemplateSpec'],
    4: ['strategy', 'DeploymentStrategy'], 5: ['minReadySeconds', 'int'], 6: ['revisionHistoryLimit', 'int!'],
    7: ['paused', 'bool'], 9: ['progressDeadlineSeconds', 'int!'],
  },
  DeploymentStrategy: { 1: ['type', 'string'], 2: ['rollingUpdate', 'RollingUpdateDeployment'] },
  RollingUpdateDeployment: { 1: ['maxUnavailable', 'ios!'], 2: ['maxSurge', 'ios!'] },
  ReplicaSet: { ...meta, 2: ['spec', 'ReplicaSetSpec'] },
  ReplicaSetSpec: {
    1: ['replicas', 'int!'], 2: ['selector', 'LabelSelector'], 3: ['template', 'PodTemplateSpec'], 4: ['minReadySeconds', 'int'],
  },

  // batch/v1 generated.proto
  Job: { ...meta, 2: ['spec', 'JobSpec'] },
  CronJob: { ...meta, 2: ['spec', 'CronJobSpec'] },
  CronJobSpec: {
    1: ['schedule', 'string'], 2: ['startingDeadlineSeconds', 'int!'], 3: ['concurrencyPolicy', 'string'], 4: ['suspend', 'bool!'],
    5: ['jobTemplate', 'JobTemplateSpec'], 6: ['successfulJobsHistoryLimit', 'int!'], 7: ['failedJobsHistoryLimit', 'int!'], 8: ['timeZone', 'string'],
  },
  JobTemplateSpec: { ...meta, 2: ['spec', 'JobSpec'] },
  JobSpec: {
    1: ['parallelism', 'int!'], 2: ['completions', 'int!'], 3: ['activeDeadlineSeconds', 'int!'], 4: ['selector', 'LabelSelector'],
    5: ['manualSelector', 'bool!'], 6: ['template', 'PodTemplateSpec'], 7: ['backoffLimit', 'int!'], 8: ['ttlSecondsAfterFinished', 'int!'],
    9: ['completionMode', 'string'], 10: ['suspend', 'bool!'], 14: ['podReplacementPolicy', 'string'],
  },

  PodTemplateSpec: { ...meta, 2: ['spec', 'PodSpec'] },
  Pod: { ...meta, 2: ['spec', 'PodSpec'] },
  PodSpec: {
    1: ['volumes', 'Volume[]'], 2: ['containers', 'Container[]'], 3: ['restartPolicy', 'string'],
    4: ['terminationGracePeriodSeconds', 'int!'], 5: ['activeDeadlineSeconds', 'int!'], 6: ['dnsPolicy', 'string'],
    7: ['nodeSelector', 'map<string>'], 8: ['serviceAccountName', 'string'], 9: ['serviceAccount', 'string'],
    10: ['nodeName', 'string'], 11: ['hostNetwork', 'bool'], 16: ['hostname', 'string'], 17: ['subdomain', 'string'],
    19: ['schedulerName', 'string'], 20: ['initContainers', 'Container[]'], 22: ['tolerations', 'Toleration[]'],
    24: ['priorityClassName', 'string'], 25: ['priority', 'int!'], 30: ['enableServiceLinks', 'bool!'],
  },
  Volume: { 1: ['name', 'string'], 2: ['volumeSource', 'VolumeSource^'] },
  VolumeSource: { 1: ['hostPath', 'HostPathVolumeSource'], 2: ['emptyDir', 'EmptyDirVolumeSource'] },
  HostPathVolumeSource: { 1: ['path', 'string'], 2: ['type', 'string'] },
  EmptyDirVolumeSource: { 1: ['medium', 'string'], 2: ['sizeLimit', 'qty'] },
  Container: {
    1: ['name', 'string'], 2: ['image', 'string'], 3: ['command', 'string[]'], 4: ['args', 'string[]'],
    5: ['workingDir', 'string'], 6: ['ports', 'ContainerPort[]'], 7: ['env', 'EnvVar[]'],
    8: ['resources', 'ResourceRequirements'], 10: ['livenessProbe', 'Probe'], 11: ['readinessProbe', 'Probe'],
    13: ['terminationMessagePath', 'string'], 14: ['imagePullPolicy', 'string'], 16: ['stdin', 'bool'],
    17: ['stdinOnce', 'bool'], 18: ['tty', 'bool'], 20: ['terminationMessagePolicy', 'string'], 22: ['startupProbe', 'Probe'],
  },
  ContainerPort: {
    1: ['name', 'string'], 2: ['hostPort', 'int'], 3: ['containerPort', 'int'], 4: ['protocol', 'string'], 5: ['hostIP', 'string'],
  },
  EnvVar: { 1: ['name', 'string'], 2: ['value', 'string'] },
  ResourceRequirements: { 1: ['limits', 'map<qty>'], 2: ['requests', 'map<qty>'] },
  Probe: {
    1: ['handler', 'ProbeHandler^'], 2: ['initialDelaySeconds', 'int'], 3: ['timeoutSeconds', 'int'],
    4: ['periodSeconds', 'int'], 5: ['successThreshold', 'int'], 6: ['failureThreshold', 'int'],
  },
  ProbeHandler: { 1: ['exec', 'ExecAction'], 2: ['httpGet', 'HTTPGetAction'], 3: ['tcpSocket', 'TCPSocketAction'] },
  ExecAction: { 1: ['command', 'string[]'] },
  HTTPGetAction: { 1: ['path', 'string'], 2: ['port', 'ios'], 3: ['host', 'string'], 4: ['scheme', 'string'] },
  TCPSocketAction: { 1: ['port', 'ios'], 2: ['host', 'string'] },
  Toleration: {
    1: ['key', 'string'], 2: ['operator', 'string'], 3: ['value', 'string'], 4: ['effect', 'string'], 5: ['tolerationSeconds', 'int!'],
  },

  Service: { ...meta, 2: ['spec', 'ServiceSpec'] },
  ServiceSpec: {
    1: ['ports', 'ServicePort[]'], 2: ['selector', 'map<string>'], 3: ['clusterIP', 'string'], 4: ['type', 'string'],
    5: ['externalIPs', 'string[]'], 7: ['sessionAffinity', 'string'], 8: ['loadBalancerIP', 'string'],
    10: ['externalName', 'string'], 11: ['externalTrafficPolicy', 'string'], 13: ['publishNotReadyAddresses', 'bool'],
    17: ['ipFamilyPolicy', 'string'], 18: ['clusterIPs', 'string[]'], 19: ['ipFamilies', 'string[]'],
    22: ['internalTrafficPolicy', 'string'],
  },
  ServicePort: {
    1: ['name', 'string'], 2: ['protocol', 'string'], 3: ['port', 'int'], 4: ['targetPort', 'ios'], 5: ['nodePort', 'int'],
    6: ['appProtocol', 'string'],
  },
  Namespace: { ...meta, 2: ['spec', 'NamespaceSpec'] },
  ConfigMap: { ...meta, 2: ['data', 'map<string>'], 3: ['binaryData', 'map<b64>'], 4: ['immutable', 'bool!'] },
  Secret: { ...meta, 2: ['data', 'map<b64>'], 3: ['type', 'string'], 4: ['stringData', 'map<string>'], 5: ['immutable', 'bool!'] },
  NamespaceSpec: { 1: ['finalizers', 'string[]'] },
  // k8s.io/api policy/v1 generated.proto (kubectl create pdb)
  PodDisruptionBudget: { ...meta, 2: ['spec', 'PodDisruptionBudgetSpec'] },
  PodDisruptionBudgetSpec: { 1: ['minAvailable', 'ios!'], 2: ['selector', 'LabelSelector'], 3: ['maxUnavailable', 'ios!'], 4: ['unhealthyPodEvictionPolicy', 'string'] },

  DeleteOptions: {
    1: ['gracePeriodSeconds', 'int!'], 3: ['orphanDependents', 'bool!'], 4: ['propagationPolicy', 'string'], 5: ['dryRun', 'string[]'],
  },
  Eviction: { ...meta, 2: ['deleteOptions', 'DeleteOptions'] },
  Scale: { ...meta, 2: ['spec', 'ScaleSpec'] },
  ScaleSpec: { 1: ['replicas', 'int!'] },

  // well-known value messages
  Time: { 1: ['seconds', 'int'], 2: ['nanos', 'int'] },
  IntOrString: { 1: ['type', 'int'], 2: ['intVal', 'int'], 3: ['strVal', 'string'] },
  Quantity: { 1: ['string', 'string'] },
  MapEntry: { 1: ['key', 'string'], 2: ['value', 'bytes'] },
};

/** Top-level kinds the decoder accepts (the TypeMeta.kind inside the envelope). */
export const DECODABLE_KINDS = ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Namespace', 'ConfigMap', 'Secret', 'Job', 'CronJob', 'PodDisruptionBudget', 'DeleteOptions', 'Eviction', 'Scale'];
