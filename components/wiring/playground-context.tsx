'use client';

/**
 * PlaygroundProvider: one cluster client + one bus per page. The client (and with it the whole
 * simulator engine) is loaded lazily so lesson text paints before any cluster code arrives.
 * Part of the page wiring (components/wiring): feature folders read the client and bus through usePlayground and
 * the store through store-context, and never import one another for it.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { createPlaygroundBus, type PlaygroundBus } from '@/lib/store/bus';
import { startSimWorkerEarly } from '@/lib/cluster/sim-worker';
import { benchClusterConfig } from './bench-mode';
import { useClusterSource } from './cluster-source';
import type { LabNotice, OpenedLab } from './lab-persistence';
import type { MachineWorld } from '@/lib/machines';
import type { OpenedMachineLab } from './machine-lab-persistence';

export interface PlaygroundContextValue {
  /** null while the client code is loading. */
  client: ClusterClient | null;
  bus: PlaygroundBus;
  seed: number;
  /** Set when creating the client failed; the Playground shows it instead of a blank area. */
  error: string | null;
  /** Show another client in place of the page's own (a replayed recording); null goes back. */
  replaceClient: (client: ClusterClient | null) => void;
  /** What happened to the saved practice cluster on this load (restored, or why it started fresh). */
  labNotice: LabNotice | null;
  dismissLabNotice: () => void;
  /** Bare-machines mode: the master and worker machines the terminal logs into (null otherwise). */
  machines: MachineWorld | null;
  /** Bare-machines mode: journal a line typed on a machine, so the lab comes back after a reload. */
  recordMachineLine: ((machine: string, line: string) => void) | null;
}

const PlaygroundContext = createContext<PlaygroundContextValue | null>(null);

/** A live cluster's first snapshot on its way (objects so far of its total) while the client is still null. */
export type Preparing = { done: number; total: number } | null;
/**
 * Apart from the page's context: it changes with every part of a big snapshot (dozens of times a second), and only
 * the Playground's loading view reads it; in the main context every reader of the client re-rendered each time.
 */
const PreparingContext = createContext<Preparing>(null);

export interface PlaygroundProviderProps {
  children: ReactNode;
  /** Simulator seed: the same seed gives every student the same cluster. */
  seed?: number;
  /** kubectl command lines run on every (re)start of the simulator: a lesson's starting state. */
  setup?: string[];
  /** Simulated ms to run after setup so the starting objects are settled (default 60 s). */
  settleMs?: number;
  /** Save the simulated cluster under this name and rebuild it after a reload (a lesson's slug). */
  persistAs?: string;
  /** Start from bare machines (no cluster until kubeadm init); also `?machines=1` in the URL. */
  machines?: boolean;
}

/** Seed from the URL (`?seed=42`) wins over the page's default, so a shared link reproduces a cluster. */
function seedFromUrl(fallback: number): number {
  if (typeof window === 'undefined') return fallback;
  const raw = new URLSearchParams(window.location.search).get('seed');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n < 2 ** 31 ? n : fallback;
}

/** `?machines=1` starts the Playground from bare machines. */
function machinesFromUrl(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('machines') === '1';
}

export function PlaygroundProvider({ children, seed = 1, setup, settleMs = 60_000, persistAs, machines: machinesProp = false }: PlaygroundProviderProps) {
  const bus = useMemo(() => createPlaygroundBus(), []);
  const [client, setClient] = useState<ClusterClient | null>(null);
  const [replacement, replaceClient] = useState<ClusterClient | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState<Preparing>(null);
  const [labNotice, setLabNotice] = useState<LabNotice | null>(null);
  const [machines, setMachines] = useState<MachineWorld | null>(null);
  const [recordMachineLine, setRecordMachineLine] = useState<((machine: string, line: string) => void) | null>(null);
  const [effectiveSeed, setEffectiveSeed] = useState(seed);
  const setupKey = JSON.stringify(setup ?? []);
  // 시뮬레이터 / 실제 클러스터 (header switch); live needs a cluster on the server, else we stay on the simulator.
  const source = useClusterSource();
  // The engine's worker starts loading on its own thread at the first render; the effect below takes it over.
  if (typeof window !== 'undefined' && !machinesProp && !machinesFromUrl()) startSimWorkerEarly();

  useEffect(() => {
    let disposed = false;
    let created: ClusterClient | null = null;
    let lab: OpenedLab | null = null;
    const s = seedFromUrl(seed);
    setEffectiveSeed(s);
    const lines: string[] = JSON.parse(setupKey);
    (async () => {
      try {
        if (source === 'live') {
          const { createLiveClientIfChosen } = await import('@/lib/cluster/live-setup');
          const live = await createLiveClientIfChosen((p) => !disposed && setPreparing(p));
          if (live) {
            created = live;
            if (disposed) live.dispose();
            else setClient(live);
            return;
          }
        }
        if (machinesProp || machinesFromUrl()) {
          // the machines' shells read the engine synchronously, so this lab keeps it on the page
          const { createBareLab } = await import('@/lib/machines/bare-lab');
          // the cluster starts empty; resetting the simulator gives fresh machines too (and forgets the saved lab)
          let saved: OpenedMachineLab | null = null;
          const { client: bare, world } = createBareLab({ seed: s, onReset: () => saved?.forget() });
          created = bare;
          const { openMachineLab } = await import('./machine-lab-persistence');
          // saved per page (/playground, /instructor), so an instructor's scenario resets never wipe a student's lab
          const opened = await openMachineLab(bare, world, { name: persistAs ?? (window.location.pathname.replace(/[^a-z0-9-]/gi, '') || 'playground'), seed: s });
          saved = opened;
          if (disposed) return bare.dispose();
          setLabNotice(opened.notice);
          setRecordMachineLine(() => opened.record);
          setMachines(world);
          setClient(bare);
          return;
        }
        const { startEngineClient } = await import('@/lib/cluster/sim-port');
        const cluster = benchClusterConfig();
        // A saved lab is replayed onto the setup, so the setup must run with the clock paused (deterministic).
        const persist = persistAs !== undefined && !cluster;
        // The engine runs in a Web Worker (in-process where there is none); the page keeps a projection.
        const sim = await startEngineClient({
          seed: s,
          // `?bench=N&nodes=M` (bench:graph only): a bigger cluster; undefined otherwise.
          cluster,
          autoplay: !persist,
          onReset: async (c) => {
            if (lines.length > 0) {
              const { executeKubectl } = await import('@/lib/kubectl');
              for (const line of lines) {
                await executeKubectl(line, { client: c, files: bus.files, write: () => {}, now: () => c.time.now() });
              }
            }
            await c.advance(settleMs);
          },
        });
        created = sim;
        if (persist && !disposed) {
          const { openLab } = await import('./lab-persistence');
          lab = await openLab(sim, { name: persistAs, seed: s, setup: lines, settleMs });
          if (!disposed) {
            setLabNotice(lab.notice);
            sim.time.setPlaying(true);
          }
        }
        if (disposed) sim.dispose();
        else setClient(lab?.client ?? sim);
      } catch (e) {
        if (!disposed) setError(`실습 클러스터를 시작하지 못했습니다: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    return () => {
      disposed = true;
      lab?.close();
      created?.dispose();
      setClient(null);
      setPreparing(null);
      setMachines(null);
      setRecordMachineLine(null);
    };
  }, [seed, setupKey, settleMs, bus, source, persistAs, machinesProp]);

  const value = useMemo(
    () => ({ client: replacement ?? client, bus, seed: effectiveSeed, error, replaceClient, labNotice, dismissLabNotice: () => setLabNotice(null), machines, recordMachineLine }),
    [replacement, client, bus, effectiveSeed, error, labNotice, machines, recordMachineLine],
  );
  return (
    <PlaygroundContext.Provider value={value}>
      <PreparingContext.Provider value={preparing}>{children}</PreparingContext.Provider>
    </PlaygroundContext.Provider>
  );
}

/** How far a live cluster's first snapshot is while the page waits for it (null otherwise). */
export function usePreparing(): Preparing {
  return useContext(PreparingContext);
}

export function usePlayground(): PlaygroundContextValue {
  const v = useContext(PlaygroundContext);
  if (!v) throw new Error('usePlayground()는 PlaygroundProvider 안에서만 쓸 수 있습니다.');
  return v;
}
