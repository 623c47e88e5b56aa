/**
 * When the graph's automatic fit moves the view. A rollout grows the node boxes (surge pods) and shrinks them again
 * (old pods gone) several times over; fitting each way at once zoomed the view out and in again and again, and each
 * crossing of the zoom where tiles drop their text (tile-zoom.ts COMPACT_ZOOM) made every label vanish and come back.
 * So a fit that zooms out (the picture grew: something would be cut off) happens at once, and one that zooms in (the
 * picture shrank: only room is lost) waits until the picture has kept its size for ZOOM_IN_SETTLE_MS. A resized pane,
 * the graph's first fit and a fixed viewport move at once whichever way they go.
 */

/** React Flow's viewport: translation and zoom. */
export interface ViewportLike {
  x: number;
  y: number;
  zoom: number;
}

/**
 * How long the picture must keep its size before the view zooms back in to it: longer than a rollout's pauses between
 * steps (a 100-pod rollout on 4 nodes kept its size ~5 s between them), so a rollout zooms out as it needs and back in
 * once, after it.
 */
export const ZOOM_IN_SETTLE_MS = 6_000;

/** 'stay': already there; 'now': move at once; 'settle': move if nothing changes for ZOOM_IN_SETTLE_MS. */
export type FitMove = 'stay' | 'now' | 'settle';

/** Equal to well under a pixel on screen. */
const sameViewport = (a: ViewportLike, b: ViewportLike) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;

/** `immediate`: the first fit, a resized pane or a fixed viewport. */
export function fitMove(current: ViewportLike, target: ViewportLike, immediate: boolean): FitMove {
  if (sameViewport(current, target)) return 'stay';
  if (immediate) return 'now';
  return target.zoom - current.zoom >= 1e-4 ? 'settle' : 'now';
}
