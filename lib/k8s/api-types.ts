/**
 * Kubernetes object types as they travel as JSON: timestamps are RFC 3339 strings, as the API server writes them.
 *
 * The shapes come from the type-only package `kubernetes-types`, so the browser bundle and the engine never load
 * @kubernetes/client-node, whose model classes type every timestamp as `Date` (its deserialiser turns them into
 * Dates; our engine and the JSON we receive never do). client-node stays where the app talks to a real cluster
 * (lib/server, app/api). The names are client-node's (`V1Pod`, `CoreV1Event`, …) because the code and the
 * upstream Go types read that way.
 */
import type * as apps from 'kubernetes-types/apps/v1';
import type * as batch from 'kubernetes-types/batch/v1';
import type * as core from 'kubernetes-types/core/v1';
import type * as discovery from 'kubernetes-types/discovery/v1';
import type * as meta from 'kubernetes-types/meta/v1';
import type * as networking from 'kubernetes-types/networking/v1';
import type * as policy from 'kubernetes-types/policy/v1';

/**
 * The package marks server-set fields (`status`, `metadata.uid`, `creationTimestamp`, …) readonly; the engine *is*
 * the server that sets them, so they are writable here. `lastProbeTime` also admits null: Kubernetes serialises
 * the never-set `metav1.Time` of a pod condition as `"lastProbeTime": null`, and the engine prints what it prints.
 */
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: K extends 'lastProbeTime' ? Writable<T[K]> | null : Writable<T[K]> }
    : T;

export type V1ObjectMeta = Writable<meta.ObjectMeta>;
export type V1OwnerReference = Writable<meta.OwnerReference>;
export type V1ObjectReference = Writable<core.ObjectReference>;
export type V1LabelSelector = Writable<meta.LabelSelector>;

export type V1Pod = Writable<core.Pod>;
export type V1PodSpec = Writable<core.PodSpec>;
export type V1PodStatus = Writable<core.PodStatus>;
export type V1PodCondition = Writable<core.PodCondition>;
export type V1PodTemplateSpec = Writable<core.PodTemplateSpec>;
export type V1Container = Writable<core.Container>;
export type V1ContainerPort = Writable<core.ContainerPort>;
export type V1ContainerState = Writable<core.ContainerState>;
export type V1ContainerStatus = Writable<core.ContainerStatus>;
export type V1EnvVar = Writable<core.EnvVar>;
export type V1Probe = Writable<core.Probe>;
export type V1LifecycleHandler = Writable<core.LifecycleHandler>;
export type V1Volume = Writable<core.Volume>;
export type V1Affinity = Writable<core.Affinity>;
export type V1PodAffinityTerm = Writable<core.PodAffinityTerm>;
export type V1NodeSelectorTerm = Writable<core.NodeSelectorTerm>;
export type V1NodeSelectorRequirement = Writable<core.NodeSelectorRequirement>;
export type V1Toleration = Writable<core.Toleration>;
export type V1TopologySpreadConstraint = Writable<core.TopologySpreadConstraint>;
export type V1Node = Writable<core.Node>;
export type V1NodeCondition = Writable<core.NodeCondition>;
export type V1Taint = Writable<core.Taint>;
export type V1Namespace = Writable<core.Namespace>;
export type V1Service = Writable<core.Service>;
export type V1ServicePort = Writable<core.ServicePort>;
export type V1Endpoints = Writable<core.Endpoints>;
export type V1EndpointAddress = Writable<core.EndpointAddress>;
export type CoreV1EndpointPort = Writable<core.EndpointPort>;
export type V1ConfigMap = Writable<core.ConfigMap>;
export type V1Secret = Writable<core.Secret>;
export type CoreV1Event = Writable<core.Event>;

export type V1Deployment = Writable<apps.Deployment>;
export type V1DeploymentCondition = Writable<apps.DeploymentCondition>;
export type V1ReplicaSet = Writable<apps.ReplicaSet>;
export type V1DaemonSet = Writable<apps.DaemonSet>;
export type V1DaemonSetStatus = Writable<apps.DaemonSetStatus>;

export type V1Job = Writable<batch.Job>;
export type V1JobStatus = Writable<batch.JobStatus>;
export type V1JobCondition = Writable<batch.JobCondition>;
export type V1CronJob = Writable<batch.CronJob>;

export type V1PodDisruptionBudget = Writable<policy.PodDisruptionBudget>;
export type V1Ingress = Writable<networking.Ingress>;
export type V1IngressBackend = Writable<networking.IngressBackend>;
export type V1IngressClass = Writable<networking.IngressClass>;
export type V1PodDisruptionBudgetStatus = Writable<policy.PodDisruptionBudgetStatus>;

export type V1EndpointSlice = Writable<discovery.EndpointSlice>;
export type V1Endpoint = Writable<discovery.Endpoint>;
export type DiscoveryV1EndpointPort = Writable<discovery.EndpointPort>;
