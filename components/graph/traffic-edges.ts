/**
 * Draws a load generator's requests on one <canvas> over the cluster graph: a line from the Service box to each pod
 * kube-proxy sends requests to, with dots moving along it — more and faster dots for a busier pod, red ones for the
 * share that failed there. Requests that reached no pod are red dots entering the Service box. One canvas and one
 * animation frame for every edge; no element per request. With reduced motion the lines stand still, as thick as
 * their rate, labelled with it.
 */
import type { PodFlow } from '@/lib/graph/traffic-flow';
import { rateText } from '@/lib/graph/traffic-flow';

export interface Point {
  x: number;
  y: number;
}

export interface FlowEdge {
  /** where the line ends: the pod's tile side facing the Service box, in flow coordinates */
  to: Point;
  flow: PodFlow;
}

export interface EdgeScene {
  /** where edges to pods leave the Service box, where requests enter it, and where their line starts outside it */
  from: Point;
  boxIn: Point;
  entry: Point;
  /** requests per second sent, and failed without reaching a pod */
  rate: number;
  unrouted: number;
  edges: FlowEdge[];
}

export interface EdgeColours {
  line: string;
  ok: string;
  failed: string;
  text: string;
}

export const EDGE_COLOURS: Record<'light' | 'dark', EdgeColours> = {
  light: { line: 'rgba(113,113,122,0.55)', ok: '#059669', failed: '#dc2626', text: '#3f3f46' },
  dark: { line: 'rgba(161,161,170,0.5)', ok: '#34d399', failed: '#f87171', text: '#e4e4e7' },
};

/** Dots on a line: one per two requests a second, 1 to 12. */
export const dotsFor = (rate: number) => Math.max(1, Math.min(12, Math.ceil(rate / 2)));
/** Seconds a dot takes along its line: quicker as the rate grows (1.8 s at a trickle, 0.5 s at the top). */
export const travelSeconds = (rate: number) => Math.max(0.5, 1.8 / (1 + rate / 40));

/** Which of `n` dots are red for `failed` of `rate`: at least one when any failed, spread evenly. */
export function isFailedDot(i: number, n: number, failed: number, rate: number): boolean {
  if (failed <= 0 || rate <= 0) return false;
  const k = Math.max(1, Math.round((n * failed) / rate));
  return Math.floor(((i + 1) * k) / n) > Math.floor((i * k) / n);
}

/** The flow-space box every line of `scene` lies in. O(edges). */
export function sceneBounds(scene: EdgeScene): { x0: number; y0: number; x1: number; y1: number } {
  const points = [scene.entry, scene.boxIn, scene.from, ...scene.edges.map((e) => e.to)];
  return { x0: Math.min(...points.map((q) => q.x)), y0: Math.min(...points.map((q) => q.y)), x1: Math.max(...points.map((q) => q.x)), y1: Math.max(...points.map((q) => q.y)) };
}

/**
 * Paint one frame. `transform` is React Flow's [x, y, zoom]; `t` is seconds (animation time), or null for the
 * still picture. Sizes stay constant on screen whatever the zoom.
 */
export function paintEdges(ctx: CanvasRenderingContext2D, scene: EdgeScene, transform: readonly [number, number, number], dpr: number, colours: EdgeColours, t: number | null): void {
  const [tx, ty, zoom] = transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  const px = 1 / zoom;
  // the first line carries every request into the Service box; the ones that reach no pod (red) end there
  const lines: [Point, Point, PodFlow][] = [[scene.entry, scene.boxIn, { rate: scene.rate, failed: scene.unrouted }]];
  for (const e of scene.edges) lines.push([scene.from, e.to, e.flow]);

  ctx.lineCap = 'round';
  for (const [a, b, f] of lines) {
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.strokeStyle = t === null && f.failed > 0 ? colours.failed : colours.line;
    ctx.lineWidth = (t === null ? 1.5 + Math.min(4, f.rate / 10) : 1.5) * px;
    ctx.stroke();
  }
  if (t === null) {
    ctx.font = `600 ${11 * px}px ui-sans-serif, system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const [a, b, f] of lines) {
      const x = a.x + (b.x - a.x) * 0.5;
      const y = a.y + (b.y - a.y) * 0.5;
      ctx.fillStyle = f.failed > 0 ? colours.failed : colours.text;
      ctx.fillText(f.failed > 0 ? `${rateText(f.rate)} (실패 ${rateText(f.failed)})` : rateText(f.rate), x, y);
    }
    return;
  }
  for (const [a, b, f] of lines) dotsAlong(ctx, a, b, f, t, px, colours);
}

function dotsAlong(ctx: CanvasRenderingContext2D, a: Point, b: Point, f: PodFlow, t: number, px: number, colours: EdgeColours): void {
  const n = dotsFor(f.rate);
  const phase = (t / travelSeconds(f.rate)) % 1;
  for (const failed of [false, true]) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (isFailedDot(i, n, f.failed, f.rate) !== failed) continue;
      const p = (phase + i / n) % 1;
      const x = a.x + (b.x - a.x) * p;
      const y = a.y + (b.y - a.y) * p;
      ctx.moveTo(x + 3 * px, y);
      ctx.arc(x, y, 3 * px, 0, Math.PI * 2);
    }
    ctx.fillStyle = failed ? colours.failed : colours.ok;
    ctx.fill();
  }
}
