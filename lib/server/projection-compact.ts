/**
 * The slimmer projection of a Pod for big clusters (issue 16: 20,000 pods streamed to every browser).
 * A pod as the API server returns it is ~2.3 KB of JSON; much of that is values the API server fills in
 * by default or repeats, which no view of this app draws. Above COMPACT_PODS_ABOVE pods in a feed,
 * `compactPod` removes exactly those from the already projected copy:
 *   - spec fields equal to their defaults (pkg/apis/core/v1/defaults.go: restartPolicy Always, dnsPolicy
 *     ClusterFirst, terminationGracePeriodSeconds 30, schedulerName default-scheduler, enableServiceLinks true,
 *     terminationMessagePath /dev/termination-log, terminationMessagePolicy File), priority 0 with the default
 *     preemptionPolicy (`kubectl describe` prints a missing priority as 0), an empty securityContext or
 *     resources, and the deprecated `serviceAccount` alias when it equals serviceAccountName;
 *   - metadata.generateName, status podIPs/hostIPs when they only repeat podIP/hostIP, `lastProbeTime: null`.
 * Kept: everything the graph, the details panel, `kubectl get` and `kubectl describe pod` show — names, labels,
 * owners, node, phase, conditions, container states, restarts, IPs, images, ports, probes, resources that are
 * set, and for describe the containers' containerID and imageID and the two tolerations every pod gets from
 * the DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds), which
 * describe lists under Tolerations. They cost ~370 B a pod raw, and little gzipped (the tolerations repeat;
 * the IDs are hashes).
 * Cost: O(size of the pod).
 */

/** Pods in one feed from which the compact projection is used. */
export const COMPACT_PODS_ABOVE = 5_000;

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmptyRecord = (v: unknown) => isRecord(v) && Object.keys(v).length === 0;

const SPEC_DEFAULTS: Rec = {
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
  enableServiceLinks: true,
  preemptionPolicy: 'PreemptLowerPriority',
};
const CONTAINER_DEFAULTS: Rec = { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };

function dropDefaults(target: Rec, defaults: Rec): void {
  for (const [k, v] of Object.entries(defaults)) if (target[k] === v) delete target[k];
}

/** Whether `list` is exactly [{ ip }] with the same ip as `single`. */
const onlyRepeats = (list: unknown, single: unknown) =>
  Array.isArray(list) && list.length === 1 && isRecord(list[0]) && list[0].ip === single && Object.keys(list[0]).length === 1;

/** Removes defaulted and repeated fields from a projected Pod, in place. */
export function compactPod(pod: Rec): void {
  const meta = pod.metadata;
  if (isRecord(meta)) delete meta.generateName;
  const spec = pod.spec;
  if (isRecord(spec)) {
    dropDefaults(spec, SPEC_DEFAULTS);
    if (spec.priority === 0 && spec.preemptionPolicy === undefined) delete spec.priority;
    if (spec.serviceAccount === spec.serviceAccountName) delete spec.serviceAccount;
    if (isEmptyRecord(spec.securityContext)) delete spec.securityContext;
    for (const list of [spec.containers, spec.initContainers]) {
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        if (!isRecord(c)) continue;
        dropDefaults(c, CONTAINER_DEFAULTS);
        if (isEmptyRecord(c.resources)) delete c.resources;
      }
    }
  }
  const status = pod.status;
  if (!isRecord(status)) return;
  if (onlyRepeats(status.podIPs, status.podIP)) delete status.podIPs;
  if (onlyRepeats(status.hostIPs, status.hostIP)) delete status.hostIPs;
  if (Array.isArray(status.conditions)) for (const c of status.conditions) if (isRecord(c) && c.lastProbeTime === null) delete c.lastProbeTime;
}
