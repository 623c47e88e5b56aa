/**
 * Values kept once per server process, on globalThis: Next.js bundles a module once for instrumentation.ts and
 * again for each route (and the proxy), each bundle with its own module state, and these must be shared by all.
 * One typed slot per value, so no reader needs a cast.
 */
import type { ActionLimits } from './action-route';
import type { AuditLog } from './audit';
import type { OpenResponse } from './http-hardening';
import type { RateLimiter } from './rate-limit';
import type { RegistryApi } from './registry-api';
import type { ClusterRuntime } from './runtime';
import type { SecuritySettings } from './security-settings';

export interface ProcessGlobals {
  auditLog?: AuditLog;
  actionLimits?: ActionLimits;
  clusterRuntime?: ClusterRuntime;
  /** GET /api/cluster/object's rate per client address and its client (object-route.ts). */
  objectReadLimiter?: RateLimiter;
  objectReadApi?: RegistryApi;
  securitySettings?: SecuritySettings;
  /** Whether instrumentation installed the HTTP hooks (http-hardening.ts). */
  httpHardening?: boolean;
  /** Sockets and responses by request key while the response is open (http-hardening.ts). */
  httpConnections?: Map<string, OpenResponse>;
}

declare global {
  var k8sLearnKoProcess: ProcessGlobals | undefined;
}

/** This process's shared values (an empty record on first use). */
export const processGlobals = (): ProcessGlobals => (globalThis.k8sLearnKoProcess ??= {});
