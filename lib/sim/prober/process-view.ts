/**
 * What the kubelet's prober and OOM check can observe about a running container (the contract in
 * PROBE-CONTRACT.md), and a provisional implementation from a small per-image table: which ports
 * the image listens on, how long after start it takes to listen, and its idle memory. The
 * application model (lib/sim/apps) replaces the provisional view with a real one; the engine holds
 * the factory (`engine.processView`) so it can be swapped without touching the prober.
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { parseImageRef } from '../images';

/** What the kubelet's prober and OOM check can observe about one running container instance. Pure, deterministic. */
export interface ContainerProcessView {
  /** sim ms when this container instance started (status.state.running.startedAt) */
  readonly startedAt: number;
  /** a TCP connect to this container port at sim time `now`: true = accepted, false = refused */
  tcpOpen(port: number, now: number): boolean;
  /** an HTTP GET at `now`; null = connection refused; otherwise the status code (the prober treats 200–399 as success) */
  httpGet(path: string, port: number, now: number): { status: number; body?: string } | null;
  /** `exec` probe: run the command inside the container at `now` */
  exec(command: readonly string[], now: number): { exitCode: number; output: string };
  /** resident memory in bytes at `now` (for limits: over the limit → OOMKilled, exit 137) */
  memoryBytes(now: number): number;
}
/** Builds the view for a container of a pod. Default: `provisionalProcessView` (probes helper, from a small port table). */
export type ProcessViewFactory = (pod: V1Pod, container: V1Container) => ContainerProcessView;

/** Optional extra a view may offer: the next sim time its memory changes (lets the OOM check sleep until then). */
export interface MemoryChangePoints {
  nextMemoryChange(now: number): number | undefined;
}

interface ImageProcess {
  /** ports accepting connections once ready; `http` ones answer HTTP */
  ports: readonly number[];
  http: boolean;
  /** ms after start until the ports accept connections */
  readyMs: number;
  /** resident memory when idle, MiB */
  idleMiB: number;
}

const MiB = 1024 * 1024;
const serve = (ports: number[], readyMs: number, idleMiB: number, http = true): ImageProcess => ({ ports, http, readyMs, idleMiB });

/**
 * Per repository. Ports are the images' documented defaults (nginx/httpd/php-apache 80, redis 6379,
 * postgres 5432, mysql 3306, tomcat 8080, http-echo 5678, hello-app 8080, echoserver 8080). Small
 * servers listen as soon as their process runs; databases and the JVM take seconds (a readiness
 * probe at start fails, as it does on a real cluster). Start-up times and idle memory are typical
 * orders of magnitude, not measurements.
 */
const PROCESSES: Record<string, ImageProcess> = {
  'docker.io/library/nginx': serve([80], 0, 4),
  'docker.io/library/httpd': serve([80], 0, 6),
  'docker.io/library/php': serve([80], 500, 12),
  'docker.io/library/redis': serve([6379], 0, 4, false),
  'docker.io/library/postgres': serve([5432], 3_000, 30, false),
  'docker.io/library/mysql': serve([3306], 10_000, 380, false),
  'docker.io/library/tomcat': serve([8080], 5_000, 130),
  'docker.io/hashicorp/http-echo': serve([5678], 0, 2),
  'gcr.io/google-samples/hello-app': serve([8080], 0, 3),
  'registry.k8s.io/echoserver': serve([8080], 0, 10),
  'registry.k8s.io/hpa-example': serve([80], 500, 12),
  'registry.k8s.io/pause': serve([], 0, 0.5),
};
const NOTHING: ImageProcess = serve([], 0, 1);

/** Files a probe's `cat` finds in any image (a configuration file is as good a health file as any). */
const EXISTING_FILE = /^\/(etc|proc|dev|usr|bin|sbin|lib|var\/lib)\//;

/**
 * The classic exec-probe lesson (kubernetes.io liveness example): `touch F; sleep N; rm -f F; …` —
 * F exists from start until N s later. Returns [path, ms it exists] for such a command.
 */
function touchedFile(c: V1Container): { path: string; untilMs: number } | undefined {
  const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const touch = /\btouch\s+(\S+?);?(\s|$)/.exec(cmd);
  if (!touch) return undefined;
  const path = touch[1];
  const rm = new RegExp(`sleep\\s+(\\d+)\\s*;?\\s*rm\\s+(-f\\s+)?${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`).exec(cmd);
  return { path, untilMs: rm ? Number(rm[1]) * 1000 : Infinity };
}

/** Default factory: the port table above, HTTP 200 on every path of a listening HTTP port. */
export const provisionalProcessView: ProcessViewFactory = (pod, container) => {
  const repository = parseImageRef(container.image ?? '').repository;
  const proc = PROCESSES[repository] ?? NOTHING;
  const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container.name);
  const started = status?.state?.running?.startedAt;
  const startedAt = started ? Date.parse(String(started)) : 0;
  const listening = (port: number, now: number) => proc.ports.includes(port) && now - startedAt >= proc.readyMs;
  const touched = touchedFile(container);
  const busybox = /\/(busybox|alpine)$/.test(repository);
  return {
    startedAt,
    tcpOpen: listening,
    httpGet: (_path, port, now) => (listening(port, now) && proc.http ? { status: 200 } : null),
    exec(command, now) {
      const [bin, ...args] = command[0] === 'sh' || command[0] === '/bin/sh' ? (command[2] ?? '').split(/\s+/) : command;
      if (bin === 'false') return { exitCode: 1, output: '' };
      if (bin === 'cat' && args[0]) {
        const file = args[0];
        const exists = touched?.path === file ? now - startedAt < touched.untilMs : EXISTING_FILE.test(file);
        if (exists) return { exitCode: 0, output: '' };
        return { exitCode: 1, output: busybox ? `cat: can't open '${file}': No such file or directory\n` : `cat: ${file}: No such file or directory\n` };
      }
      return { exitCode: 0, output: '' };
    },
    memoryBytes: () => Math.round(proc.idleMiB * MiB),
  };
};
