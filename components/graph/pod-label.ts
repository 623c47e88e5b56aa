/**
 * What fits on a pod tile's name line. Tiles have a fixed size (see DEFAULT_TILE_METRICS), so this is a
 * character budget, not a measurement: the name line is 11px monospace in a 84px tile.
 */
export const TILE_NAME_CHARS = 11;

/**
 * A pod name shortened to `max` characters while keeping what tells siblings apart. Controller-made names
 * end in a generated suffix (`web-7d4b9c-x7k2p`: ReplicaSet `web-7d4b9c` + `-x7k2p`), so the last
 * dash-separated part stays whole and the middle gives way: `web-…-x7k2p`. Other names keep their start
 * and a short tail: `webserver-canary-2` → `webser…ry-2`. O(name length).
 */
export function tileName(name: string, max: number = TILE_NAME_CHARS): string {
  if (name.length <= max) return name;
  const dash = name.lastIndexOf('-');
  const suffix = dash > 0 ? name.slice(dash) : '';
  // At least two characters of the start must remain, or the prefix tells nothing.
  if (suffix.length >= 2 && suffix.length <= max - 3) return `${name.slice(0, max - 1 - suffix.length)}…${suffix}`;
  const tail = Math.min(4, Math.floor((max - 1) / 2));
  return `${name.slice(0, max - 1 - tail)}…${name.slice(name.length - tail)}`;
}

/**
 * Characters of a node's name that fit its box's header line beside the role and status chips, for a box `cols` tiles
 * wide: a flat box (canvas tiles, node-box.tsx) clips nothing, so its name is shortened rather than cut by CSS. The
 * header is the tiles' width (84 px tiles, 4 px gaps); the role chip takes ~62 px, the widest status chip
 * ("⊘ Ready,SchedulingDisabled") ~175, the gaps 12; a 14 px monospace character is ~8.4 px.
 */
export function nodeNameChars(cols: number): number {
  return Math.max(TILE_NAME_CHARS, Math.floor((cols * 88 - 4 - 62 - 175 - 12) / 8.4));
}

/** What a tile needs to describe its pod (the PodView fields, kept structural so tests can build one). */
interface LabelledPod {
  name: string;
  status: { label: string; status: string; icon: string; restarts: number; lastReason: string | null; probeNote: string | null };
}

/**
 * The accessible name of a pod tile, the same for a DOM tile and a canvas tile's focus ring: name, state in
 * Korean and as kubectl prints it, restarts with the last reason, a failing probe, and whether the
 * highlighted Service selects it (`highlighted`: null when none is highlighted; `reason`: why not).
 */
export function podTileLabel(pod: LabelledPod, highlighted: boolean | null, reason: string | null): string {
  const { status } = pod;
  const restarts = status.restarts > 0 ? `, 재시작 ${status.restarts}회${status.lastReason ? ` (${status.lastReason})` : ''}` : '';
  const probe = status.probeNote ? `, ${status.probeNote}` : '';
  const service = highlighted === true ? ', 서비스가 선택함' : reason ? `, 선택 안 됨: ${reason}` : '';
  return `파드 ${pod.name}, ${status.label} (${status.status})${restarts}${probe}${service}`;
}

/** A tile's second line: icon and STATUS word, ↻restarts, ⚠ for a failing probe, ✕ when a Service skips it. */
export function podTileStatusLine(pod: LabelledPod, highlighted: boolean | null): string {
  const { status } = pod;
  return `${status.icon} ${status.status}${status.restarts > 0 ? ` ↻${status.restarts}` : ''}${status.probeNote ? ' ⚠' : ''}${highlighted === false ? ' ✕' : ''}`;
}
