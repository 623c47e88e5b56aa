/**
 * Small Korean-language helpers for generated feedback: particle (조사) choice after English names, which Korean
 * readers pronounce in Hangul. Kind names in Korean come from the kind registry (lib/k8s/kind-names).
 */

const HANGUL_START = 0xac00;
const HANGUL_END = 0xd7a3;
// Digits read as Sino-Korean numbers: 영 일 이 삼 사 오 육 칠 팔 구 — which end in a final consonant.
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];

/**
 * Whether a word, read aloud in Korean, ends in a final consonant (받침). Hangul is exact; for English
 * names this is a heuristic on how the ending is usually transliterated: web→웹, pod→파드, nginx→엔진엑스.
 */
export function endsWithFinalConsonant(word: string): boolean {
  const trimmed = word.trim();
  if (!trimmed) return false;
  const last = trimmed[trimmed.length - 1];
  const code = last.charCodeAt(0);
  if (code >= HANGUL_START && code <= HANGUL_END) return (code - HANGUL_START) % 28 !== 0;
  if (/[0-9]/.test(last)) return DIGIT_HAS_FINAL[Number(last)];
  const lower = trimmed.toLowerCase();
  if (/(?:[lmn]|ng)$/.test(lower)) return true;
  // A stop right after a vowel closes the syllable (web→웹, set→셋); after a consonant it gets its own
  // vowel (latest→레이티스트, check→체크).
  return /[aeiou][bkpt]$/.test(lower);
}

type ParticlePair = '이/가' | '을/를' | '은/는' | '과/와';

/** Attach the right particle: josa('web', '이/가') → 'web이', josa('webserver', '이/가') → 'webserver가'. */
export function josa(word: string, pair: ParticlePair): string {
  const [withFinal, withoutFinal] = pair.split('/');
  return word + (endsWithFinalConsonant(word) ? withFinal : withoutFinal);
}
