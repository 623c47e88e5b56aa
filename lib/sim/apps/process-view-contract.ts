/**
 * The prober/OOM contract from PROBE-CONTRACT.md, copied until lib/sim/prober/process-view.ts (probes work)
 * is merged; the two must stay identical (the lead dedupes at merge).
 */
import type { V1Container, V1Pod } from '@kubernetes/client-node';

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
