/**
 * The glossary (용어집): content/glossary.yaml, one entry per term with the Korean term as kubernetes.io/ko
 * writes it, the English term, a one-line meaning and the lesson that teaches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Validation } from './exercise-spec';

export interface GlossaryEntry {
  ko: string;
  en: string;
  meaning: string;
  /** Lesson slug (file name without the NN- prefix). */
  lesson: string;
}

export const GLOSSARY_FILE = path.join(process.cwd(), 'content', 'glossary.yaml');

/** Validate parsed glossary data; `knownLessons` are the slugs a link may point to. */
export function validateGlossary(raw: unknown, knownLessons: readonly string[]): Validation<GlossaryEntry[]> {
  if (!Array.isArray(raw)) return { ok: false, errors: ['용어집은 목록이어야 합니다'] };
  const errors: string[] = [];
  const seen = new Set<string>();
  raw.forEach((e, i) => {
    const entry = (e ?? {}) as Record<string, unknown>;
    for (const key of ['ko', 'en', 'meaning', 'lesson'] as const)
      if (typeof entry[key] !== 'string' || !(entry[key] as string).trim()) errors.push(`용어 ${i + 1}: ${key} 값이 비어 있습니다`);
    if (typeof entry.lesson === 'string' && !knownLessons.includes(entry.lesson)) errors.push(`용어 ${String(entry.ko)}: 레슨 "${entry.lesson}"이 없습니다`);
    if (typeof entry.ko === 'string') {
      if (seen.has(entry.ko)) errors.push(`용어 ${entry.ko}가 두 번 있습니다`);
      seen.add(entry.ko);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: raw as GlossaryEntry[] };
}

/** Entries sorted in Korean dictionary order (Hangul first, then Latin, as 'ko' collation does). */
export function sortGlossary(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  const collator = new Intl.Collator('ko');
  return [...entries].sort((a, b) => collator.compare(a.ko, b.ko));
}

/** Read, validate and sort the glossary (server only). Throws with every problem listed. */
export function loadGlossary(knownLessons: readonly string[]): GlossaryEntry[] {
  const result = validateGlossary(parseYaml(fs.readFileSync(GLOSSARY_FILE, 'utf8')), knownLessons);
  if (!result.ok) throw new Error(`content/glossary.yaml이 잘못되었습니다:\n- ${result.errors.join('\n- ')}`);
  return sortGlossary(result.value);
}
