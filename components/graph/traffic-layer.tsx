'use client';

import { memo, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { useStoreApi, type Node, type NodeProps } from '@xyflow/react';
import { tileRect } from '@/lib/graph/tile-geometry';
import { rateText } from '@/lib/graph/traffic-flow';
import type { PlaygroundStore } from '@/lib/store/playground-store';
import { usePlaygroundStoreApi } from '@/components/wiring/store-context';
import { useTrafficFlow, useTrafficFlowStore, type FlowView } from '@/components/wiring/traffic-flow';
import { EDGE_COLOURS, paintEdges, sceneBounds, type EdgeScene, type FlowEdge } from './traffic-edges';
import { TileThemeContext } from './tile-canvas';

/** The Service box beside (or above) the node boxes while traffic runs (flow units), and the room the incoming line takes. */
export const SERVICE_BOX = { width: 300, height: 76, gap: 120, entry: 36 };
export const TRAFFIC_ID = '__traffic__';

/** Left of the boxes on a wide canvas (the picture keeps its height), above them on a tall one (phones). */
export type LanePlacement = 'left' | 'top';

export interface LaneBox {
  x: number;
  y: number;
  width: number;
  height: number;
  placement: LanePlacement;
}

/** Where the Service box goes for boxes of `bounds` on a canvas of `size` (`stacked`: a phone's one column), and the bounds with it. O(1). */
export function placeServiceBox(bounds: { width: number; height: number }, size: { width: number; height: number }, stacked: boolean): { box: LaneBox; bounds: { width: number; height: number } } {
  const { width, height, gap, entry } = SERVICE_BOX;
  if (!stacked && size.width > size.height * 1.2)
    return { box: { x: -(width + gap), y: Math.round(Math.max(0, bounds.height / 2 - height / 2)), width, height, placement: 'left' }, bounds: { width: bounds.width + width + gap + entry, height: Math.max(bounds.height, height) } };
  return { box: { x: Math.round(bounds.width / 2 - width / 2), y: -(height + gap), width, height, placement: 'top' }, bounds: { width: Math.max(bounds.width, width), height: bounds.height + height + gap + entry } };
}

/** Whether a generator is sending (the cluster view then makes room for the Service box). */
export function useTrafficLane(): boolean {
  const store = useTrafficFlowStore();
  return useSyncExternalStore(store ? store.subscribe : () => () => {}, () => (store?.get() ?? null) !== null, () => false);
}

/** `svc/web (10.96.0.10:80) ← 클러스터 안(노드 worker-1)에서` → target and source. */
function splitLabel(label: string): [string, string] {
  const at = label.indexOf(' ← ');
  return at < 0 ? [label, ''] : [label.slice(0, at), label.slice(at + 3)];
}

/** The Service the generator sends to: its rate, where requests come from, and what failed before reaching a pod. */
export const TrafficServiceBox = memo(function TrafficServiceBox(_: NodeProps<Node<Record<string, never>>>) {
  const flow = useTrafficFlow();
  if (!flow) return null;
  const [target, source] = splitLabel(flow.label);
  const name = flow.service ? flow.service.replace(/^default\//, '') : target;
  const podCount = Object.keys(flow.pods).length;
  return (
    <section
      data-traffic-service={flow.service ?? ''}
      aria-label={`트래픽: ${flow.label}, 초당 ${flow.rate}개를 파드 ${podCount}개로 보내는 중${flow.failed > 0 ? `, 초당 ${flow.failed}개 실패` : ''}`}
      className="h-full w-full rounded-xl border-2 border-brand-500 bg-white p-2 text-xs shadow-sm dark:bg-zinc-900"
    >
      <div className="flex items-center gap-1.5">
        <span className="rounded bg-brand-100 px-1.5 py-0.5 text-[10px] font-bold text-brand-700 dark:bg-brand-700 dark:text-white">{flow.service ? '서비스' : '대상'}</span>
        <span className="truncate font-mono text-sm font-semibold">{name}</span>
        <span className="ml-auto shrink-0 font-semibold tabular-nums">초당 {flow.rate}개</span>
      </div>
      <p className="mt-1 truncate text-zinc-600 dark:text-zinc-400">
        {source || '요청'} → 파드 {podCount}개
      </p>
      <p className={`mt-0.5 truncate font-semibold ${flow.failed > 0 ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
        {flow.failed > 0 ? `✕ 실패 ${rateText(flow.failed)}${flow.unrouted > 0 ? ` (파드에 닿지 못함 ${rateText(flow.unrouted)})` : ''}` : '✓ 실패 없음'}
      </p>
    </section>
  );
});

/** Where an edge meets a pod's tile, in flow coordinates: the side facing the Service box, of its DOM tile or of its cell on its node's tile canvas. */
function tileAnchor(root: HTMLElement, store: PlaygroundStore, key: string, placement: LanePlacement, toFlow: (x: number, y: number) => { x: number; y: number }): { x: number; y: number } | null {
  const anchor = (left: number, top: number, width: number, height: number) => (placement === 'left' ? toFlow(left, top + height / 2) : toFlow(left + width / 2, top));
  const tile = root.querySelector(`[data-pod-tile][data-pod-key="${CSS.escape(key)}"]:not([data-pod-proxy])`);
  if (tile) {
    const r = tile.getBoundingClientRect();
    return anchor(r.left, r.top, r.width, r.height);
  }
  const s = store.getState();
  const node = s.pods[key]?.nodeName;
  const index = node ? (s.groups.podIdsByNode[node]?.indexOf(key) ?? -1) : -1;
  const grid = node ? root.querySelector(`[data-node-box="${CSS.escape(node)}"] [data-tile-canvas]`) : null;
  if (!grid || index < 0) return null;
  const g = grid.getBoundingClientRect();
  const cell = tileRect(index, Number((grid as HTMLElement).dataset.cols) || 1);
  const k = grid.clientWidth > 0 ? g.width / grid.clientWidth : 1;
  return anchor(g.left + cell.x * k, g.top + cell.y * k, cell.width * k, cell.height * k);
}

/** The simulated clock stood still this long (paused): the dots stop too. */
const STILL_AFTER_MS = 1500;
/** Dots move at most this often (ms): ~30 frames a second reads as motion and halves the compositing work. */
const DOT_FRAME_MS = 32;
/** Room around the lines for the dots and the still picture's rate labels (screen px). */
const PAD = { x: 72, y: 16 };

/**
 * The edge layer: one canvas over the React Flow pane, drawn in the pane's transform. Tile positions are measured
 * when the flow changes (twice a second) and on viewport moves; frames only move dots.
 */
export function TrafficEdgeLayer({ box }: { box: LaneBox }) {
  const rf = useStoreApi();
  const store = usePlaygroundStoreApi();
  const flowStore = useTrafficFlowStore();
  const theme = useContext(TileThemeContext);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !flowStore) return;
    let scene: EdgeScene | null = null;
    let bounds = { x0: 0, y0: 0, x1: 0, y1: 0 };
    let flow: FlowView | null = null;
    let raf = 0;
    let paintedAt = 0;
    const dpr = window.devicePixelRatio || 1;
    const colours = EDGE_COLOURS[theme === 'dark' ? 'dark' : 'light'];
    const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
    const mark = (name: string, value: string) => {
      if (canvas.dataset[name] !== value) canvas.dataset[name] = value;
    };

    const measure = () => {
      flow = flowStore.get();
      const root = rf.getState().domNode;
      if (!flow || !root) return void (scene = null);
      const pane = root.getBoundingClientRect();
      const [tx, ty, zoom] = rf.getState().transform;
      const toFlow = (x: number, y: number) => ({ x: (x - pane.left - tx) / zoom, y: (y - pane.top - ty) / zoom });
      const edges: FlowEdge[] = [];
      for (const [key, f] of Object.entries(flow.pods)) {
        const to = tileAnchor(root, store, key, box.placement, toFlow);
        if (to) edges.push({ to, flow: f });
      }
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const ends =
        box.placement === 'left'
          ? { from: { x: box.x + box.width, y: cy }, boxIn: { x: box.x, y: cy }, entry: { x: box.x - SERVICE_BOX.entry, y: cy } }
          : { from: { x: cx, y: box.y + box.height }, boxIn: { x: cx, y: box.y }, entry: { x: cx, y: box.y - SERVICE_BOX.entry } };
      scene = { ...ends, rate: flow.rate, unrouted: flow.unrouted, edges };
      bounds = sceneBounds(scene);
      mark('edges', String(edges.length));
    };
    /** The canvas covers only the lines (on screen, clipped to the pane): less to clear, paint and composite each frame. */
    const place = (transform: readonly [number, number, number]) => {
      const [tx, ty, zoom] = transform;
      const root = rf.getState().domNode;
      const left = Math.max(0, Math.floor(bounds.x0 * zoom + tx - PAD.x));
      const top = Math.max(0, Math.floor(bounds.y0 * zoom + ty - PAD.y));
      const right = Math.min(root?.clientWidth ?? 0, Math.ceil(bounds.x1 * zoom + tx + PAD.x));
      const bottom = Math.min(root?.clientHeight ?? 0, Math.ceil(bounds.y1 * zoom + ty + PAD.y));
      const w = Math.max(1, right - left);
      const h = Math.max(1, bottom - top);
      const style = `left:${left}px;top:${top}px;width:${w}px;height:${h}px`;
      if (canvas.style.cssText !== style) canvas.style.cssText = style;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) [canvas.width, canvas.height] = [Math.round(w * dpr), Math.round(h * dpr)];
      return [tx - left, ty - top, zoom] as const;
    };
    const moving = () => !!flow && !motionQuery.matches && !document.documentElement.hasAttribute('data-reduce-motion') && performance.now() - flow.movedAt < STILL_AFTER_MS;
    const frame = (now: number) => {
      raf = 0;
      if (!scene) return ctx.clearRect(0, 0, canvas.width, canvas.height);
      const animated = moving();
      mark('animated', String(animated));
      if (animated) raf = requestAnimationFrame(frame);
      if (animated && now - paintedAt < DOT_FRAME_MS) return;
      paintedAt = now;
      paintEdges(ctx, scene, place(rf.getState().transform), dpr, colours, animated ? now / 1000 : null);
    };
    const redraw = () => {
      raf ||= requestAnimationFrame(frame);
    };
    const onFlow = () => {
      measure();
      paintedAt = 0;
      redraw();
    };
    onFlow();
    const offFlow = flowStore.subscribe(onFlow);
    // pans and zooms move the picture: still lines need a repaint (moving ones get it from their own frames)
    let lastTransform = rf.getState().transform;
    const offView = rf.subscribe((s) => {
      if (s.transform === lastTransform) return;
      lastTransform = s.transform;
      paintedAt = 0;
      redraw();
    });
    return () => {
      offFlow();
      offView();
      cancelAnimationFrame(raf);
    };
  }, [rf, store, flowStore, theme, box.x, box.y, box.width, box.height, box.placement]);

  return <canvas ref={canvasRef} aria-hidden="true" data-traffic-flow-layer="" className="pointer-events-none absolute z-[5]" />;
}
