/**
 * Field paths as exercise checks write them: `spec.replicas`, `spec.containers[0].image`,
 * `metadata.labels["app.kubernetes.io/name"]`. Parsing is strict so a typo in a lesson fails the content test
 * instead of silently never matching.
 */

export type PathSegment = string | number;

const SEGMENT = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"\]]+)"\])/;

/** Split a field path into keys and indices; throws on anything it cannot read. */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let rest = path.trim();
  if (!rest || rest.startsWith('.')) throw new Error(`잘못된 필드 경로: "${path}"`);
  while (rest) {
    const m = SEGMENT.exec(rest);
    if (!m) throw new Error(`잘못된 필드 경로: "${path}"`);
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(m[3]);
    rest = rest.slice(m[0].length);
  }
  return segments;
}

/** Read a value at a field path; undefined when any step is missing. */
export function readField(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of parseFieldPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
