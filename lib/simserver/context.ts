/** State shared by the request handlers of one sim cluster server. */
import type { Simulator } from '../sim/types';

export interface ServerContext {
  sim: Simulator;
  /** host:port advertised in /api's serverAddressByClientCIDRs */
  serverAddress: string;
  /** Watches from a resourceVersion below this get 410 Expired (raised by compaction). */
  watchFloor: number;
  /** Closers of the open watch streams. */
  activeWatches: Set<() => void>;
  bookmarkIntervalMs: number;
}
