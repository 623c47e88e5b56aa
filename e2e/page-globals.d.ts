/**
 * Values the e2e specs keep on the page's or the worker's global object (set by their init scripts, or by
 * lib/cluster/sim.worker.ts for `simRequests`), typed once so the specs read them without casts.
 */
export {};

declare global {
  /** CSP violations seen since load (e2e/security.spec.ts). */
  var __csp: string[] | undefined;
  /** Every line the control-plane flow panel has shown (e2e/flow-lines.ts). */
  var flowLines: Set<string> | undefined;
  /** Red rate badges and failure summaries seen during a rollout under traffic (e2e/traffic.spec.ts). */
  var redBadges: Set<string> | undefined;
  var failedSummaries: Set<string> | undefined;
  /** Requests the simulator worker answered, by operation (lib/cluster/sim.worker.ts). */
  var simRequests: Record<string, number> | undefined;
}
