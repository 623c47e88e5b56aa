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

/** What a network tool (wget, curl, nslookup) gets back from the cluster network. */
export interface NetworkAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** how long the request took */
  ms: number;
}

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
   * Hook for the cluster network (filled by the traffic work): without it wget/curl/nslookup say that the
   * network isn't simulated yet.
   */
  network?: (tool: 'wget' | 'curl' | 'nslookup', args: readonly string[]) => NetworkAnswer;
}
