/** For tests: a palette of plain colours, a canvas that counts what a TilePainter draws on it, and an element it describes it on. */
import type { PodTone } from '@/lib/graph/pod-status';
import type { DescribedTarget, PaintTarget } from './tile-painter';
import type { TilePalette } from './tile-palette';

const TONES: PodTone[] = ['running', 'pending', 'creating', 'failing', 'terminating', 'completed'];
export const PALETTE: TilePalette = {
  tones: Object.fromEntries(TONES.map((t) => [t, { fill: '#fff', border: '#000', text: '#000', borderStyle: 'solid', borderWidth: 1, opacity: 1 }])) as TilePalette['tones'],
  selectedRing: '#00f',
  serviceRing: '#f0f',
  monoFont: 'monospace',
  sansFont: 'sans-serif',
  rateBadge: { fill: '#333', text: '#fff' },
  rateFailed: { fill: '#c00', text: '#fff' },
};

/**
 * A canvas whose 2D context only counts what is drawn: a filled tile and a cleared area; and how often pixels are read
 * back (`reads.count`), with the settings the context was asked for (`settings`).
 */
export function countingCanvas() {
  const drawn = { tiles: 0, clears: 0 };
  const reads = { count: 0, settings: undefined as CanvasRenderingContext2DSettings | undefined };
  /** drawImage's arguments, call by call (a bitmap copied in) */
  const copies: unknown[][] = [];
  const ctx = new Proxy({} as CanvasRenderingContext2D, {
    get: (_t, name) => {
      if (name === 'fill' || name === 'fillRect') return () => drawn.tiles++;
      if (name === 'clearRect') return () => drawn.clears++;
      if (name === 'measureText') return () => ({ width: 0 });
      if (name === 'getImageData') return () => (reads.count++, {});
      if (name === 'drawImage') return (...args: unknown[]) => copies.push(args);
      return () => {};
    },
    set: () => true,
  });
  const canvas: PaintTarget = {
    width: 0,
    height: 0,
    getContext: (_kind, settings) => {
      reads.settings = settings;
      return ctx;
    },
  };
  return { canvas, drawn, reads, copies };
}

/** An element that keeps the attributes a TilePainter describes its drawing with. */
export function describedElement(): DescribedTarget & { dataset: Record<string, string> } {
  const attrs = new Map<string, string>();
  return { dataset: {}, getAttribute: (k: string) => attrs.get(k) ?? null, setAttribute: (k: string, v: string) => void attrs.set(k, v) };
}
