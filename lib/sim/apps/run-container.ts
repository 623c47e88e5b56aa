/**
 * Starting a container's process: which argv runs (the pod's command/args over the image's ENTRYPOINT/CMD,
 * https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#notes), and what
 * it does — the image's own program from the application model, or the pod's command through the container
 * shell. The result is timed output plus when and how it exits, so the kubelet schedules the exit as one timer.
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { runArgv, type NetworkClient, type OutputLine, type ShellCommand, type ShellInput, type ShellResult } from '../shell';
import { isShellCommand } from '../shell/commands';
import { appModelFor, lookupImage } from './registry';
import { networkTools } from '../network/tools';
import { systemTools } from '../shell/system-tools';
import { cgroupFiles, containerSystem } from './container-system';
import { renderTemplate } from './render';
import { containerEnv, containerFiles, LITERAL_ENV_ONLY, type PodConfigResolver } from './container-env';
import type { AppModel, LogLine } from './types';

/** Entrypoint scripts that set things up and then `exec "$@"` (docker-library convention). */
const WRAPPERS = new Set(['docker-entrypoint.sh', 'entrypoint.sh', 'docker-php-entrypoint']);

export interface ContainerProcess {
  argv: string[];
  /** `app`: the image's program; `shell`: the command through the shell; `startError`: the executable doesn't exist */
  mode: 'app' | 'shell' | 'startError';
  model?: AppModel;
  result: ShellResult;
  /** terminated reason when the process can't start (containerd's StartError, exit 128) */
  reason?: 'StartError';
  message?: string;
  /** ports the process listens on, and ms after start when they accept connections */
  ports: number[];
  readyAfterMs: number;
  /** resident memory: idle, and growth per second (a leak, or `stress --vm-bytes`) */
  memory: { idleBytes: number; perRequestBytes: number; growBytesPerSec: number; capBytes?: number };
  /** template variables for routes and log lines ({pod}, {version}, {text} …) */
  vars: Record<string, string>;
  shellInput: ShellInput;
}

const basename = (p: string) => p.split('/').pop() ?? p;

/** The argv PID 1 runs: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function containerArgv(c: V1Container, model: AppModel): string[] {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  return [...model.entrypoint, ...(c.args ?? model.cmd)];
}

/** The argv PID 1 ends up running: an entrypoint script hands over to its arguments (`docker-entrypoint.sh nginx …` runs nginx). */
export function processArgv(c: V1Container, model: AppModel): string[] {
  const argv = containerArgv(c, model);
  return WRAPPERS.has(basename(argv[0] ?? '')) && argv.length > 1 && !argv[1].startsWith('-') ? argv.slice(1) : argv;
}

const INTERACTIVE_SHELLS = new Set(['sh', 'bash', 'ash']);

/**
 * Whether PID 1 is a shell reading commands from an open stdin (`stdin: true`, no script): it waits for input
 * (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container "stdin").
 */
export function waitsOnStdin(c: V1Container, argv: readonly string[]): boolean {
  return c.stdin === true && argv.length === 1 && INTERACTIVE_SHELLS.has(basename(argv[0]));
}

/** Whether `argv` is the image's own program (which behaves the same in every pod) rather than a shell command. */
export function runsImageProgram(model: AppModel, argv: readonly string[]): boolean {
  const prog = basename(argv[0] ?? '');
  return argv.length === 0 || (model.programs ?? []).includes(prog) || WRAPPERS.has(prog);
}

function appLines(lines: readonly LogLine[], vars: Record<string, string>, startedAt: number): OutputLine[] {
  return lines.map((l) => {
    const { at, text, stream } = typeof l === 'string' ? { at: 0, text: l, stream: undefined } : l;
    return { at, text: renderTemplate(text, vars, startedAt + at), ...(stream ? { stream } : {}) };
  });
}

/**
 * A program's result whose log lines are rendered when first read (then kept). Most runs never read them: a
 * connection, a probe or the load generator's plan only asks a process for its ports and timings, and rendering
 * an image's ~20 time-stamped start lines for every pod was most of what a traffic plan cost.
 */
function lazyResult(render: () => OutputLine[], exitCode: number, exitAtMs: number): ShellResult {
  let lines: OutputLine[] | undefined;
  return {
    get lines() {
      return (lines ??= render());
    },
    exitCode,
    exitAtMs,
  };
}

/** A line break, which a flag's `=value` can't hold (Go's flag package reads one argument per flag). */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * `-text=hi` / `-text hi` / `--text=hi` from an argv. Read by position, not with a pattern made per argument: every
 * process start asks this, and compiling a regular expression per argument was most of what a start cost.
 */
function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const at = a.startsWith('--') ? 2 : a.startsWith('-') ? 1 : -1;
    if (at < 0 || !a.startsWith(name, at)) continue;
    const end = at + name.length;
    if (end === a.length) return argv[i + 1];
    if (a.charCodeAt(end) !== 61 /* = */) continue;
    const value = a.slice(end + 1);
    if (!LINE_BREAK.test(value)) return value;
  }
  return undefined;
}

/** `150M`, `1G`, `4096` (bytes) as `stress --vm-bytes` reads them. */
function sizeBytes(s: string | undefined): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s ?? '');
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()];
}

/** The image's own program running: server start logs, a refused start (missing env), or a program that exits. */
function runApp(model: AppModel, argv: string[], input: Pick<ShellInput, 'env'>, vars: Record<string, string>, startedAt: number): Pick<ContainerProcess, 'result' | 'memory' | 'ports'> {
  const memory = { idleBytes: model.memory.idleBytes, perRequestBytes: model.memory.perRequestBytes ?? 0, growBytesPerSec: model.memory.growBytesPerSec ?? 0 };
  const ports = model.ports ?? [];
  const missing = model.requiresEnv && !model.requiresEnv.anyOf.some((n) => input.env[n]);
  if (missing) {
    const r = model.requiresEnv!;
    return { result: lazyResult(() => appLines(r.logs, vars, startedAt), r.code, r.afterMs), memory, ports: [] };
  }
  const prog = basename(argv[0] ?? '');
  if (prog === 'http-echo' && vars.text === undefined) {
    // hashicorp/http-echo refuses to start without -text (its main.go exits 127)
    return { result: { lines: [{ at: 0, text: 'Missing -text option!', stream: 'stderr' }], exitCode: 127, exitAtMs: 0 }, memory, ports: [] };
  }
  if (prog === 'stress') {
    const bytes = sizeBytes(flagValue(argv, 'vm-bytes'));
    const timeout = flagValue(argv, 'timeout') ?? flagValue(argv, 't');
    const timeoutMs = timeout ? parseInt(timeout, 10) * 1000 : Infinity;
    if (argv.length === 1 || argv.includes('--help')) return { result: { lines: [{ at: 0, text: "`stress' imposes certain types of compute stress on your system" }, { at: 0, text: '' }, { at: 0, text: 'Usage: stress [OPTION [ARG]] ...' }], exitCode: 1, exitAtMs: 0 }, memory, ports };
    // stress touches its --vm-bytes within about a second, then holds it
    const stressMemory = bytes ? { ...memory, growBytesPerSec: bytes, capBytes: memory.idleBytes + bytes } : memory;
    const done = timeoutMs === Infinity ? [] : [{ at: timeoutMs, text: `stress: info: [1] successful run completed in ${timeoutMs / 1000}s` }];
    return { result: lazyResult(() => [...appLines(model.startLogs ?? [], vars, startedAt), ...done], 0, timeoutMs), memory: stressMemory, ports };
  }
  if (model.kind === 'exits' || model.exit) {
    const exit = model.exit ?? { afterMs: 0, code: 0 };
    return { result: lazyResult(() => appLines(model.startLogs ?? [], vars, startedAt).filter((l) => l.at <= exit.afterMs), exit.code, exit.afterMs), memory, ports };
  }
  return { result: lazyResult(() => appLines(model.startLogs ?? [], vars, startedAt), 0, Infinity), memory, ports };
}

const commandsByTools = new Map<string, Readonly<Record<string, ShellCommand>>>();

/** The network and system tools an image ships, one shared object per combination (runContainer runs per probe). */
function imageCommands(model: AppModel): Readonly<Record<string, ShellCommand>> {
  const key = `${model.tools?.join(',') ?? ''}|${model.systemTools?.join(',') ?? ''}`;
  let hit = commandsByTools.get(key);
  if (!hit) commandsByTools.set(key, (hit = { ...networkTools(model.tools), ...systemTools(model.systemTools) }));
  return hit;
}

/**
 * Starts container `c` of `pod` at `startedAt` (epoch ms): what runs and what it does. Pure; undefined when the
 * image isn't in the registry (such a container never starts: ErrImagePull). `net` is given only when the kubelet
 * starts a main command that uses the network (controllers/kubelet-networked-main.ts), which then runs once.
 */
export function runContainer(pod: V1Pod, c: V1Container, startedAt: number, resolver: PodConfigResolver = LITERAL_ENV_ONLY, net?: NetworkClient): ContainerProcess | undefined {
  const model = appModelFor(c.image ?? '');
  if (!model) return undefined;
  const argv = processArgv(c, model);
  const hostname = pod.metadata?.name ?? '';
  const commands = imageCommands(model);
  const runsProgram = runsImageProgram(model, argv);
  // the environment, files and system view are made when first read (a shell, exec, a probe, a required variable),
  // like the start logs: a connection and the load generator's plan need none of them, and ran this for every pod
  let env: Record<string, string> | undefined;
  let files: Record<string, string> | undefined;
  let system: ShellInput['system'] | undefined;
  const shellInput: ShellInput = {
    get env() {
      return (env ??= containerEnv(pod, c, model, resolver));
    },
    get files() {
      // the cgroup files live under /sys, where no volume mounts: added in place rather than copying the files again
      return (files ??= Object.assign(containerFiles(pod, c, model, resolver), cgroupFiles(c)));
    },
    hostname,
    startedAt,
    cwd: c.workingDir ?? '/',
    ...(Object.keys(commands).length ? { commands } : {}),
    get system() {
      return (system ??= containerSystem(model, argv, runsProgram, lookupImage(c.image ?? '')?.sizeBytes ?? 0, model.memory.idleBytes));
    },
    ...(net ? { net } : {}),
  };
  const vars: Record<string, string> = { pod: hostname, podIP: pod.status?.podIP ?? '', version: model.version ?? '' };
  const text = flagValue(argv, 'text');
  if (text !== undefined) vars.text = text;
  const prog = basename(argv[0] ?? '');
  const base = { argv, model, vars, shellInput, readyAfterMs: model.readyAfterMs ?? 0 };

  if (runsProgram) {
    return { ...base, mode: 'app', ...runApp(model, argv, shellInput, vars, startedAt) };
  }
  if (model.shell && isShellCommand(prog, shellInput)) {
    // a bare shell with stdin kept open (`kubectl run -i … -- sh`) reads its input and waits for it: it runs until
    // an attached session types `exit` (attach.ts), where without stdin it would read EOF and exit 0 at once
    const result = waitsOnStdin(c, argv) ? { lines: [], exitCode: 0, exitAtMs: Infinity } : runArgv(argv, shellInput, prog === 'bash' ? 'bash' : 'sh');
    return { ...base, mode: 'shell', result, ports: [], memory: { idleBytes: model.kind === 'shell' ? model.memory.idleBytes : 512 * 1024, perRequestBytes: 0, growBytesPerSec: 0 } };
  }
  // runc can't find the executable: the container never runs (StartError, exit 128, nothing logged)
  const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`;
  return { ...base, mode: 'startError', reason: 'StartError', message, result: { lines: [], exitCode: 128, exitAtMs: 0 }, ports: [], memory: { idleBytes: 0, perRequestBytes: 0, growBytesPerSec: 0 } };
}
