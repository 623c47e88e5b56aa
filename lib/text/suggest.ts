/** Cobra's "Did you mean this?": case-insensitive Levenshtein distance ≤ 2, or a prefix match. */

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

/** Candidates in their given order that a typo most likely meant. */
export function suggestionsFor(typed: string, candidates: readonly string[], maxDistance = 2): string[] {
  const lower = typed.toLowerCase();
  return candidates.filter((c) => levenshtein(typed, c) <= maxDistance || (lower !== '' && c.toLowerCase().startsWith(lower)));
}
