/**
 * The shell interpreter's input and output. Pure data: the kubelet stores a ShellResult per container
 * instance and `kubectl logs` reads it, so nothing here may hold functions except the optional hooks.
 */

/** One line a process wrote, `at` ms after the process started. */
export interface OutputLine {
  at: number;
  text: string;
  /** stderr lines go to the same container log (the CRI log interleaves both streams) */
  stream?: 'stderr';
  /** the line is `date`'s output: printed as the wall time at which it was written */
  date?: true;
}

/** What a command run did, as timed output. */
export interface ShellResult {
  lines: OutputLine[];
  /**
   * An endless loop (`while true; do …; sleep N; done`): after `from` ms its body's `lines` repeat every
   * `period` ms (line.at is relative to the iteration's start). Kept as a formula, not unrolled.
   */
  loop?: { from: number; period: number; lines: OutputLine[] };
  exitCode: number;
  /** ms after start when the process exits; Infinity = runs until it is stopped */
  exitAtMs: number;
  /**
   * Files the process created, changed or removed, `at` ms after it started (content null = removed), in order,
   * so an `exec` into the container later sees them (e.g. the liveness example's `touch /tmp/healthy; sleep 30;
   * rm -f /tmp/healthy`). Changes made inside an endless loop's body are not repeated.
   */
  fileChanges?: FileChange[];
}

export interface FileChange {
  at: number;
  path: string;
  content: string | null;
}

/** One DNS answer as the cluster DNS server gives it (lib/sim/network/dns.ts). */
export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** A records (empty for NOERROR without records, e.g. an AAAA query for an IPv4-only name) */
  ips: string[];
  /** the CNAME target (an ExternalName Service) */
  cname?: string;
}

/** How a TCP connection and the HTTP exchange over it went (lib/sim/network/request.ts). */
export type HttpOutcome =
  | { ok: true; status: number; reason: string; headers: [string, string][]; body: string; ms: number }
  | { ok: false; error: 'refused' | 'timeout'; ms: number };

export interface HttpCall {
  method: string;
  /** the address connected to, and the Host the client names */
  ip: string;
  port: number;
  host: string;
  path: string;
  headers: Record<string, string>;
  userAgent: string;
  /** give up after this long (curl -m, wget -T); undefined: the tool's own default */
  timeoutMs?: number;
}

/**
 * The cluster network as a process inside a container (or on the student's laptop) sees it. Network tools
 * (lib/sim/network/tools) format what it answers the way curl, wget and nslookup print it.
 */
export interface NetworkClient {
  /** the nameserver in /etc/resolv.conf ('' where the cluster DNS isn't used) */
  nameserver: string;
  /** getaddrinfo: the search list and ndots of /etc/resolv.conf, as musl and glibc apply them */
  resolve(name: string): { fqdn: string; ips: string[] } | undefined;
  /** one DNS query for exactly this name (nslookup's own resolver) */
  query(fqdn: string, type: 'A' | 'AAAA'): DnsAnswer;
  /** connects and sends one HTTP request */
  http(call: HttpCall): HttpOutcome;
}

/**
 * A command an image adds to the shell (ShellInput.commands): gets its arguments, the shell's state and its
 * streams, returns its exit status — the same shape as the built-in commands.
 */
export type ShellCommand = (args: string[], st: import('./state').ShellState, io: import('./state').Io) => number;

/** The environment a command runs in: the container's env, its files, its identity. */
export interface ShellInput {
  env: Readonly<Record<string, string>>;
  /** absolute path → content; directories are implied by paths */
  files: Readonly<Record<string, string>>;
  hostname: string;
  /** epoch ms when the process starts (for `date`) */
  startedAt: number;
  cwd?: string;
  user?: { name: string; uid: number; gid: number };
  /**
   * The cluster network as this container sees it: given when a command runs now (`kubectl exec`), absent for a
   * container's main process, whose output is recomputed whenever its log is read (a request there would repeat).
   */
  net?: NetworkClient;
  /** commands this image ships besides the shell's own (e.g. curl, wget, nslookup): the extension point */
  commands?: Readonly<Record<string, ShellCommand>>;
  /** the container's processes, memory and disk as `ps`, `free` and `df` read them (system-tools.ts) */
  system?: import('./system-tools').ContainerSystem;
}
