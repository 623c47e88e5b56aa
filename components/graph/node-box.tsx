'use client';

import { memo, useCallback, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { formatCpu, formatMemory, percentOf } from '@/lib/k8s/quantity';
import { DEFAULT_TILE_METRICS as TILE } from '@/lib/graph/grid-packing';
import { usePlaygroundStore, usePlaygroundStoreLagging } from '@/components/wiring/store-context';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { nodeNameChars, tileName } from './pod-label';
import { PodTile } from './pod-tile';
import { TileCanvas, usePodCount, useTileMode, type PodIdsOf } from './tile-canvas';
import { COMPACT_ZOOM, useZoomDerived } from './tile-zoom';
import { useMountTurn } from './mount-turn';
import { sameNodeData } from './flow-common';

/** `rows`: the rows of tiles the layout keeps for the box (held through a rollout in a big cluster). */
export type NodeBoxData = { name: string; cols: number; rows?: number };
export type PendingLaneData = { cols: number };

/**
 * `truncate` for a box that may clip its text, a plain no-wrap line for a flat one (`flat` in NodeBox: a big cluster's
 * boxes clip nothing).
 */
const oneLine = (flat: boolean) => (flat ? 'whitespace-nowrap' : 'truncate');

/** Memoised on its plain props: a node's CPU bar stays put while only its memory (or pod count) moves. */
const UsageBar = memo(function UsageBar({ label, used, total, text, flat }: { label: string; used: number; total: number; text: string; flat: boolean }) {
  const pct = percentOf(used, total);
  const over = pct >= 90;
  return (
    <div className="flex items-center gap-1.5 text-[11px]">
      <span className="w-9 shrink-0 text-zinc-600 dark:text-zinc-400">{label}</span>
      <span
        role="meter"
        aria-label={`${label} 요청량`}
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={`${text} (${pct}%)`}
        // the bar inside is never wider than the track and rounded as it is: the clip only matters to a box that clips
        className={`h-2 flex-1 rounded-full bg-zinc-200 dark:bg-zinc-700 ${flat ? '' : 'overflow-hidden'}`}
      >
        <span
          className={`block h-full rounded-full ${over ? 'bg-red-500' : 'bg-brand-500'}`}
          style={{ width: `${Math.min(100, pct)}%` }}
        />
      </span>
      <span className={`shrink-0 text-right tabular-nums text-zinc-700 dark:text-zinc-300 ${flat ? 'whitespace-nowrap' : 'w-28 truncate'}`}>
        {text} ({pct}%)
      </span>
    </div>
  );
});

/** Arrow keys move focus between tiles (row-major, `cols` wide); Home/End jump to the ends. */
function moveTileFocus(e: KeyboardEvent<HTMLDivElement>, cols: number) {
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols } as Record<string, number>;
  if (!(e.key in step) && e.key !== 'Home' && e.key !== 'End') return;
  const tiles = e.currentTarget.children;
  const at = Array.prototype.indexOf.call(tiles, document.activeElement);
  if (at < 0) return;
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? tiles.length - 1 : at + step[e.key];
  if (next < 0 || next >= tiles.length) return;
  e.preventDefault();
  (tiles[next] as HTMLElement).focus();
}

const NO_IDS: readonly string[] = [];

/** The visible pods on a node (null: the pending lane), as a selector stable for that node. */
export function usePodsOnNode(node: string | null): PodIdsOf {
  return useMemo(() => (node === null ? (s: PlaygroundState) => s.groups.pendingPodIds : (s: PlaygroundState) => s.groups.podIdsByNode[node] ?? NO_IDS), [node]);
}

/** The visible pods a workload owns ('' for pods without an owner), as a selector stable for that owner. */
export function usePodsOfOwner(owner: string): PodIdsOf {
  return useMemo(() => (s: PlaygroundState) => s.groups.podIdsByOwner[owner] ?? NO_IDS, [owner]);
}

/**
 * Pod tiles in a fixed grid: one button per pod for a small cluster, one canvas per grid for a big one
 * (tile-canvas.tsx), with the same keys, details and tooltip. Takes where its ids come from rather than the ids, so
 * a box whose pod list changes does not render its canvas (the canvas's painter follows the list by itself).
 */
export const PodGrid = memo(function PodGrid({ idsOf, cols, rows, label }: { idsOf: PodIdsOf; cols: number; rows?: number; label: string }) {
  const mode = useTileMode(idsOf);
  return mode === 'canvas' ? <TileCanvas idsOf={idsOf} cols={cols} rows={rows} label={label} /> : <DomPodGrid idsOf={idsOf} cols={cols} label={label} />;
});

/**
 * Plain text tiles when zoomed in, text-less ones when zoomed far out.
 * One Tab stop per grid (its first tile), arrows inside — thousands of tiles stay keyboard-friendly.
 */
function DomPodGrid({ idsOf, cols, label }: { idsOf: PodIdsOf; cols: number; label: string }) {
  const ids = usePlaygroundStore(idsOf);
  const compact = useZoomDerived((zoom) => zoom < COMPACT_ZOOM);
  return (
    <div
      role="group"
      aria-label={`${label}: 파드 ${ids.length}개 (화살표 키로 이동, Enter로 자세히 보기)`}
      className="grid"
      style={{ gridTemplateColumns: `repeat(${cols}, ${TILE.tileWidth}px)`, gridAutoRows: `${TILE.tileHeight}px`, gap: TILE.gap }}
      onKeyDown={(e) => moveTileFocus(e, cols)}
    >
      {ids.map((id, i) => (
        <PodTile key={id} id={id} compact={compact} tabbable={i === 0} />
      ))}
    </div>
  );
}

const STATUS_STYLE = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  warn: 'bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-100',
  bad: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
};

/**
 * A node as a box: role, status, requested resources and its pods. Subscribes to its own node only.
 * In a big cluster it mounts as its outline and name, and fills in when its mount turn comes (mount-turn.ts).
 *
 * A box whose tiles are drawn on the tile layer (canvas mode) is flat: no paint containment and no clipped text or
 * meters. Each clip is a node of Chromium's paint property tree, and Layerize (run in every frame that changes the
 * page's paint or properties: each frame of a pan, each rollout commit) costs in proportion to them: in a 10,000-pod
 * drag (91 boxes, bench/graph-layerize.ts) it took 299 ms of CPU with clipping boxes and 44 ms with flat ones (the
 * pointer off the moving view in both). A flat box's text that does not fit runs over instead of ending in "…".
 */
export const NodeBox = memo(function NodeBox({ data }: NodeProps<Node<NodeBoxData>>) {
  const node = usePlaygroundStore((s) => s.nodes[data.name]);
  const idsOf = usePodsOnNode(data.name);
  const flat = useTileMode(idsOf) === 'canvas';
  const full = useMountTurn();
  if (!node) return null;
  const roleLabel = node.role === 'control-plane' ? '컨트롤 플레인' : '워커 노드';
  return (
    <NodeSection
      name={node.name}
      label={`${roleLabel} ${node.name}, 상태 ${node.status}`}
      status={node.status}
      idsOf={idsOf}
      className={`${flat ? 'k8s-box-flat' : 'k8s-box'} h-full w-full rounded-xl border-2 bg-white/95 p-2.5 shadow-sm dark:bg-zinc-900/95 ${
        node.ready ? 'border-zinc-300 dark:border-zinc-700' : 'border-dashed border-red-500'
      }`}
      pending={!full}
    >
      {full ? (
        <>
          <NodeHeader
            name={node.name}
            controlPlane={node.role === 'control-plane'}
            ready={node.ready}
            unschedulable={node.unschedulable}
            status={node.status}
            cpuAllocatable={node.cpuAllocatableMilli}
            memoryAllocatable={node.memoryAllocatableBytes}
            podsAllocatable={node.podsAllocatable}
            idsOf={idsOf}
            flat={flat}
            nameChars={nodeNameChars(data.cols)}
          />
          <PodGrid idsOf={idsOf} cols={data.cols} rows={data.rows} label={`${roleLabel} ${node.name}`} />
        </>
      ) : (
        <p className={`${oneLine(flat)} font-mono text-sm font-semibold`}>{node.name}</p>
      )}
    </NodeSection>
  );
}, sameNodeData);

/**
 * A node box's own element: its label counts the node's pods and its outline shows the selection, the parts of a box
 * that follow every pod a rollout adds or removes (and every click), so they re-render it alone; its children are the
 * same elements as before, and React skips them.
 */
function NodeSection({ name, label, status, idsOf, className, pending, children }: {
  name: string;
  label: string;
  status: string;
  idsOf: PodIdsOf;
  className: string;
  pending: boolean;
  children: ReactNode;
}) {
  const visible = usePodCount(idsOf);
  const selected = usePlaygroundStore((s) => s.selection?.kind === 'Node' && s.selection.key === name);
  return (
    <section
      aria-label={`${label}, 파드 ${visible}개`}
      data-node-box={name}
      data-node-status={status}
      className={`${className} ${selected ? 'outline-3 outline-brand-500' : ''}`}
      data-mount-pending={pending ? '' : undefined}
    >
      {children}
    </section>
  );
}

/**
 * A node box's header. Plain-value props and its own usage subscription: a rollout re-renders it only when this
 * node's requested totals or pod count change (a node object re-projected with the same fields leaves it alone).
 */
const NodeHeader = memo(function NodeHeader(props: {
  name: string;
  controlPlane: boolean;
  ready: boolean;
  unschedulable: boolean;
  status: string;
  cpuAllocatable: number;
  memoryAllocatable: number;
  podsAllocatable: number;
  /** The box's visible pods: the header counts the ones the graph hides. */
  idsOf: PodIdsOf;
  flat: boolean;
  /** What of the name fits the header line (a flat box shortens it: it clips nothing). */
  nameChars: number;
}) {
  const { name, controlPlane, ready, unschedulable, status, idsOf, flat, nameChars } = props;
  // the node's totals may lag a moment behind the store (they change with every pod a rollout adds or removes)
  const usage = usePlaygroundStoreLagging(useCallback((s: PlaygroundState) => s.groups.usageByNode[name], [name]));
  const select = usePlaygroundStore((s) => s.select);
  const hidden = usePlaygroundStoreLagging(useCallback((s: PlaygroundState) => Math.max(0, (s.groups.usageByNode[name]?.pods ?? 0) - idsOf(s).length), [name, idsOf]));
  const tone = !ready ? 'bad' : unschedulable ? 'warn' : 'ok';
  const statusIcon = !ready ? '✕' : unschedulable ? '⊘' : '✓';
  const roleLabel = controlPlane ? '컨트롤 플레인' : '워커 노드';
  const cpu = usage?.cpuRequestMilli ?? 0;
  const memory = usage?.memoryRequestBytes ?? 0;
  return (
    <header className="mb-1.5 h-[86px] space-y-1">
      <div className="flex items-center gap-1.5">
        <span
          className={`rounded px-1.5 py-0.5 text-[10px] font-bold ${
            controlPlane ? 'bg-violet-100 text-violet-900 dark:bg-violet-900/60 dark:text-violet-100' : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200'
          }`}
        >
          {roleLabel}
        </span>
        <button
          type="button"
          onClick={() => select({ kind: 'Node', key: name })}
          className={`nodrag ${oneLine(flat)} font-mono text-sm font-semibold hover:underline focus-visible:outline-2 focus-visible:outline-brand-500`}
          aria-label={`노드 ${name} 자세히 보기`}
          title={flat && name.length > nameChars ? name : undefined}
        >
          {flat ? tileName(name, nameChars) : name}
        </button>
        <span className={`ml-auto shrink-0 rounded px-1.5 py-0.5 text-[11px] font-semibold ${STATUS_STYLE[tone]}`}>
          <span aria-hidden="true">{statusIcon} </span>
          {status}
        </span>
      </div>
      <UsageBar label="CPU" used={cpu} total={props.cpuAllocatable} text={`${formatCpu(cpu)}/${formatCpu(props.cpuAllocatable)}`} flat={flat} />
      <UsageBar label="메모리" used={memory} total={props.memoryAllocatable} text={`${formatMemory(memory)}/${formatMemory(props.memoryAllocatable)}`} flat={flat} />
      <p className="text-[11px] text-zinc-600 dark:text-zinc-400">
        파드 {usage?.pods ?? 0}/{props.podsAllocatable}
        {hidden > 0 && <span> · 숨긴 파드 {hidden}개</span>}
      </p>
    </header>
  );
});

/** Pods no node has taken yet (Pending, unschedulable). */
export const PendingLane = memo(function PendingLane({ data }: NodeProps<Node<PendingLaneData>>) {
  const idsOf = usePodsOnNode(null);
  const waiting = usePodCount(idsOf);
  return (
    <section
      aria-label={`스케줄 대기 중인 파드 ${waiting}개`}
      data-pending-lane=""
      className="k8s-box h-full w-full rounded-xl border-2 border-dashed border-amber-500/70 bg-amber-50/60 p-2.5 dark:bg-amber-950/20"
    >
      <header className="mb-1.5 flex h-[26px] items-center gap-2 text-xs">
        <span className="font-semibold">스케줄 대기 중 (노드 미배정)</span>
        <span className="text-zinc-600 dark:text-zinc-400">
          {waiting === 0 ? '대기 중인 파드 없음' : `${waiting}개 — 스케줄러가 들어갈 노드를 찾는 중`}
        </span>
      </header>
      <PodGrid idsOf={idsOf} cols={data.cols} label="스케줄 대기 중" />
    </section>
  );
}, sameNodeData);
