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
