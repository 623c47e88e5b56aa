/**
 * What a browser remembers about classes: a student's membership (code, rejoin code, nickname) and, on the
 * instructor's own browser only, the instructor key per class. Read back through zod so a tampered or old
 * value is dropped instead of crashing the page.
 */
import { z } from '@/lib/validation/zod';

const MEMBERSHIP_KEY = 'k8s-ko-class-membership';
const INSTRUCTOR_KEYS = 'k8s-ko-class-keys';

const membershipSchema = z.object({ code: z.string(), rejoin: z.string(), nickname: z.string(), name: z.string(), lessons: z.array(z.string()) });
export type Membership = z.infer<typeof membershipSchema>;
const keysSchema = z.record(z.string(), z.string());

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    window.localStorage.removeItem(key);
  } catch {
    // storage disabled or unparsable: behave as if nothing was saved
  }
  return null;
}

function write(key: string, value: unknown | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
    window.dispatchEvent(new Event(MEMBERSHIP_CHANGED));
  } catch {
    // storage disabled: the class lasts for this page only
  }
}

/** Fired on this window whenever membership changes, so the reporter and panels follow without a reload. */
export const MEMBERSHIP_CHANGED = 'k8s-ko:class-membership';

export const loadMembership = () => read(MEMBERSHIP_KEY, membershipSchema);
export const saveMembership = (m: Membership | null) => write(MEMBERSHIP_KEY, m);

/** The classes this browser holds an instructor key for, most recently opened last. */
export const instructorClasses = (): { code: string; key: string }[] => Object.entries(read(INSTRUCTOR_KEYS, keysSchema) ?? {}).map(([code, key]) => ({ code, key }));
export const instructorKeyFor = (code: string) => read(INSTRUCTOR_KEYS, keysSchema)?.[code] ?? null;
export function saveInstructorKey(code: string, key: string | null): void {
  const keys = { ...(read(INSTRUCTOR_KEYS, keysSchema) ?? {}) };
  if (key === null) delete keys[code];
  else keys[code] = key;
  write(INSTRUCTOR_KEYS, keys);
}
