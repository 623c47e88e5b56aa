/**
 * The application model: what the main process of each image does, as data. The kubelet runs it
 * (run-container.ts), `kubectl logs` reads what it wrote, the prober and exec look at it (process-view.ts).
 *
 * Text templates may use {pod} {podIP} {version} {text} and time stamps in the image's own format, rendered at the
 * moment the line is written: {nginxTime} 2026/01/15 10:00:00 · {iso} 2026-01-15T10:00:00.000Z ·
 * {httpdTime} Thu Jan 15 10:00:00.000000 2026 · {redisTime} 15 Jan 2026 10:00:00.000 ·  {pgTime} 2026-01-15 10:00:00.000 UTC ·
 * {tomcatTime} 15-Jan-2026 10:00:00.000 · {klogTime} 0115 10:00:00.000000 · {phpTime} Thu Jan 15 10:00:00 2026
 */

/** One line written `at` ms after the process started (0 when omitted). */
export type LogLine = string | { at: number; text: string; stream?: 'stderr' };

export interface HttpAnswer {
  status: number;
  /** template; {pod} is the pod name (its hostname), {version} the image tag */
  body: string;
}

export interface AppModel {
  /** the image's ENTRYPOINT and CMD (docker inspect), what runs when the pod gives no command/args */
  entrypoint: string[];
  cmd: string[];
  /**
   * The main process when the image's own program runs: `server` listens until stopped; `shell` runs
   * its argv through the container shell (lib/sim/shell); `exits` writes `startLogs` and exits per `exit`.
   */
  kind: 'server' | 'shell' | 'exits';
  /** executables (basename) that are this image's program when a pod overrides `command` (e.g. `nginx`) */
  programs?: string[];
  /** TCP ports the server listens on */
  ports?: number[];
  /** ms after start when the ports accept connections and the routes answer */
  readyAfterMs?: number;
  /** HTTP answers by path; `*` answers every other path (a server without `*` answers 404 there) */
  routes?: Record<string, HttpAnswer>;
  /** ms after start when `/healthz`-style routes start failing with 500 (a "broken" build) */
  failsHealthAfterMs?: number;
  /** written when the process starts (and at the given offsets) */
  startLogs?: LogLine[];
  /** the `Server` response header (template), e.g. nginx/{version} */
  serverHeader?: string;
  /** network tools on the image's PATH (busybox applets, curl) that `kubectl exec` can run */
  tools?: ('curl' | 'wget' | 'nslookup')[];
  /** process and disk tools on the image's PATH: busybox's ps/free/df applets, coreutils df, the nginx binary */
  systemTools?: import('../shell/system-tools').SystemTool[];
  /** one access-log line per HTTP request: {client} {method} {path} {status} {bytes} {agent} {accessTime} */
  requestLog?: string;
  /** written when SIGTERM/SIGQUIT arrives */
  stopLogs?: LogLine[];
  /** the process exits on its own: after `afterMs` with `code` */
  exit?: { afterMs: number; code: number };
  /** a database that refuses to start without one of these variables: writes `logs` and exits with `code` */
  requiresEnv?: { anyOf: string[]; logs: LogLine[]; afterMs: number; code: number };
  /** CPU the process burns while idle, in millicores (default: 1m for a server, 0 for a sleeping shell; lib/sim/metrics) */
  cpu?: { idleMillicores: number };
  /** resident memory: idle, per in-flight request, and steady growth (a leak) */
  memory: { idleBytes: number; perRequestBytes?: number; growBytesPerSec?: number };
  /** PID 1 handles SIGTERM (or the image's STOPSIGNAL) and exits; `ignore`: it runs until SIGKILL */
  sigterm: 'exit' | 'ignore';
  /** the shell `kubectl exec` finds in the image; undefined for distroless/scratch images */
  shell?: 'sh' | 'bash';
  /** the version a non-numeric tag (`latest`, `stable`) stands for; {version} in templates */
  version?: string;
  /** image ENV (docker inspect .Config.Env) */
  env?: Record<string, string>;
  /** files the image ships (path → content), besides the ones every container gets */
  files?: Record<string, string>;
  /**
   * A reverse proxy: instead of `routes`, each request is forwarded as its `--route` args say (lib/sim/network/
   * reverse-proxy.ts). Templates: `errorPage` {status} {reason}; `errorLog` {nginxTime} {message} {upstreamUrl}
   * {client} {server} {method} {path} {host}. `ingressController`: the routes come from the cluster's Ingresses
   * instead (lib/sim/network/ingress-nginx.ts), for an ingress controller image.
   */
  reverseProxy?: { errorPage: string; errorLog: string; ingressController?: true };
}

/** A repository in the built-in registry: tags, size, and the model (tags may override parts). */
export interface ImageFamily {
  repository: string;
  tags: string[];
  sizeBytes: number;
  app: AppModel;
  byTag?: Record<string, Partial<AppModel>>;
}

const MiB = 1024 * 1024;
export const mib = (n: number) => Math.round(n * MiB);

/** A message a process writes to stderr at once, `at` ms after it starts, one LogLine per line of it. */
export const stderrAt = (at: number, ...lines: string[]): LogLine[] => lines.map((text) => ({ at, text, stream: 'stderr' }));
