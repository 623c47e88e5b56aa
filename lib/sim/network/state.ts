/**
 * What the network remembers between requests, kept in the engine's state so a snapshot carries it: its own
 * seeded random stream (endpoint choice; separate from the engine's so a curl never changes a later uid or
 * ClusterIP), kube-proxy's ClientIP affinity table, and per pod what it served (a count for a load generator and
 * `kubectl top`, and the access-log lines its containers wrote, which `kubectl logs` merges in).
 */
import type { Engine } from '../engine';
import { Rng } from '../rng';

/** Access-log lines kept per container instance (the kubelet's log is bounded too). */
export const MAX_REQUEST_LOG = 500;

export interface PodTraffic {
  uid: string;
  /** requests the pod's containers answered */
  served: number;
  /** connections refused because nothing listened yet (or any more) */
  refused: number;
  /** access-log lines by container: [epoch ms, text] */
  log: Record<string, [number, string][]>;
}

export interface NetworkRuntime {
  rng: number;
  /** `ns/svc:port|clientIP` → the endpoint IP and when the affinity expires (epoch ms) */
  affinity: Record<string, [string, number]>;
  /** by pod key `ns/name` */
  pods: Record<string, PodTraffic>;
}

/** The network state, created on first use (a cluster nobody sends a request to snapshots as before). */
export function networkRuntime(e: Engine): NetworkRuntime {
  // a fixed offset gives the network a stream of its own that still follows the simulator's seed
  e.state.network ??= { rng: (e.rng.state ^ 0x5bd1e995) >>> 0, affinity: {}, pods: {} };
  return e.state.network;
}

/** Draws from the network's own stream and stores its new state. */
export function networkRandom(e: Engine): number {
  const rt = networkRuntime(e);
  const rng = new Rng(rt.rng);
  const x = rng.next();
  rt.rng = rng.state;
  return x;
}

const SWEEP_EVERY = 256;

/** The traffic record of a pod instance (a new uid under the same name starts afresh). */
export function podTraffic(e: Engine, podKey: string, uid: string): PodTraffic {
  const pods = networkRuntime(e).pods;
  let t = pods[podKey];
  if (!t || t.uid !== uid) {
    if (!t && Object.keys(pods).length % SWEEP_EVERY === SWEEP_EVERY - 1) {
      // pods come and go (rollouts): forget the ones that are gone, every few hundred new records
      for (const key of Object.keys(pods)) if (e.store.get('Pod', key)?.metadata?.uid !== pods[key].uid) delete pods[key];
    }
    pods[podKey] = t = { uid, served: 0, refused: 0, log: {} };
  }
  return t;
}

/** Appends an access-log line to a container's log (oldest dropped past MAX_REQUEST_LOG). */
export function appendRequestLog(t: PodTraffic, container: string, at: number, text: string): void {
  const lines = (t.log[container] ??= []);
  lines.push([at, text]);
  // trimmed in batches: one splice per hundred lines instead of a shift per request
  if (lines.length > MAX_REQUEST_LOG + 100) lines.splice(0, lines.length - MAX_REQUEST_LOG);
}
