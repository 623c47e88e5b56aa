/**
 * The progress store: completed steps, passed exercises and quiz results per lesson, saved to localStorage
 * with a versioned schema. Created per provider (never a module global).
 *
 * Several tabs share one saved copy, so every change is read-merge-write: fold in what is saved (another
 * tab may have written since), apply the change, save. Loading never writes unless the saved value had to
 * be migrated or was unreadable, and another tab's save (the `storage` event) is merged in, not copied over.
 * Saved data that cannot be read is dropped with a Korean notice instead of crashing the app.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { PROGRESS_VERSION, migrateProgress, type LessonProgress, type ProgressData, type QuizResult } from './progress-schema';
import { mergeProgress } from './progress-merge';

export const PROGRESS_STORAGE_KEY = 'k8s-ko-progress';
export const CORRUPT_PROGRESS_NOTICE = '저장된 진도 데이터가 손상되어 초기화했습니다';
export const SAVE_FAILED_NOTICE = '진도를 저장하지 못했어요. 브라우저 저장 공간이 가득 찼거나 꺼져 있어요.';

/** The part of localStorage the store uses (an in-memory map in tests). */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ProgressState extends ProgressData {
  /** A message for the student (e.g. after corrupt data was dropped); not saved. */
  notice: string | null;
  hydrated: boolean;
  completeStep(slug: string, stepId: string): void;
  completeExercise(slug: string, exerciseId: string): void;
  recordQuiz(slug: string, result: QuizResult): void;
  resetLesson(slug: string): void;
  resetAll(): void;
  dismissNotice(): void;
}

export type ProgressStore = StoreApi<ProgressState> & {
  /** Load saved progress; call once mounted in the browser (server and first client render stay equal). */
  hydrate(): void;
  /** Merge a value another tab saved (a `storage` event's newValue); unreadable values are ignored. */
  receive(raw: string | null): void;
};

type Saved = { kind: 'none' } | { kind: 'corrupt' } | { kind: 'ok'; data: ProgressData; migrated: boolean };

/** Read a saved envelope `{ version, state }` of any known version. Never throws. */
export function parseSavedProgress(raw: string | null | undefined): Saved {
  if (raw === null || raw === undefined) return { kind: 'none' };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('state' in parsed) || !('version' in parsed)) return { kind: 'corrupt' };
    const { version, state } = parsed;
    if (typeof version !== 'number') return { kind: 'corrupt' };
    return { kind: 'ok', data: migrateProgress(state, version), migrated: version !== PROGRESS_VERSION };
  } catch {
    return { kind: 'corrupt' };
  }
}

function browserStorage(): ProgressStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Storage can be disabled (privacy modes); progress then lives only for this visit.
    return undefined;
  }
}

const EMPTY_LESSON: LessonProgress = { steps: [], exercises: [] };
const addOnce = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);
type Lessons = ProgressData['lessons'];

function withLesson(lessons: Lessons, slug: string, change: (l: LessonProgress) => LessonProgress): Lessons {
  return { ...lessons, [slug]: change(lessons[slug] ?? EMPTY_LESSON) };
}

/** A reset keeps the lesson as an empty entry with a higher epoch, so merging tabs cannot bring it back. */
const cleared = (l: LessonProgress | undefined): LessonProgress => ({ steps: [], exercises: [], epoch: (l?.epoch ?? 0) + 1 });

/** Create a progress store. `storage` defaults to localStorage (undefined on the server or when disabled). */
export function createProgressStore(opts: { storage?: () => ProgressStorage | undefined } = {}): ProgressStore {
  const backend = opts.storage ?? browserStorage;
  const read = (): Saved => {
    try {
      return parseSavedProgress(backend()?.getItem(PROGRESS_STORAGE_KEY));
    } catch {
      return { kind: 'none' };
    }
  };
  /** Save; false when the browser refused (quota, disabled storage). */
  const write = (lessons: Lessons): boolean => {
    try {
      backend()?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify({ version: PROGRESS_VERSION, state: { lessons } }));
      return true;
    } catch {
      return false;
    }
  };
  const remove = () => {
    try {
      backend()?.removeItem(PROGRESS_STORAGE_KEY);
    } catch {
      // nothing saved to remove
    }
  };

  const store = createStore<ProgressState>()((set, get) => {
    const update = (change: (lessons: Lessons) => Lessons) => {
      const saved = read();
      const base = saved.kind === 'ok' ? mergeProgress({ lessons: get().lessons }, saved.data).lessons : get().lessons;
      const lessons = change(base);
      set(write(lessons) ? { lessons } : { lessons, notice: SAVE_FAILED_NOTICE });
    };
    return {
      lessons: {},
      notice: null,
      hydrated: false,
      completeStep: (slug, stepId) => update((ls) => withLesson(ls, slug, (l) => ({ ...l, steps: addOnce(l.steps, stepId) }))),
      completeExercise: (slug, id) => update((ls) => withLesson(ls, slug, (l) => ({ ...l, exercises: addOnce(l.exercises, id) }))),
      recordQuiz: (slug, result) => update((ls) => withLesson(ls, slug, (l) => ({ ...l, quiz: result }))),
      resetLesson: (slug) => update((ls) => ({ ...ls, [slug]: cleared(ls[slug]) })),
      resetAll: () => update((ls) => Object.fromEntries(Object.entries(ls).map(([slug, l]) => [slug, cleared(l)]))),
      dismissNotice: () => set({ notice: null }),
    };
  });

  const hydrate = () => {
    const saved = read();
    const local: ProgressData = { lessons: store.getState().lessons };
    if (saved.kind === 'corrupt') {
      remove();
      if (Object.keys(local.lessons).length > 0) write(local.lessons);
      store.setState({ notice: CORRUPT_PROGRESS_NOTICE, hydrated: true });
      return;
    }
    if (saved.kind === 'none') return store.setState({ hydrated: true });
    const merged = mergeProgress(local, saved.data);
    // Write back only what storage lacks: a migrated layout, or changes made before loading finished.
    if (saved.migrated || mergeProgress(saved.data, local) !== saved.data) write(merged.lessons);
    store.setState({ lessons: merged.lessons, hydrated: true });
  };

  const receive = (raw: string | null) => {
    const saved = parseSavedProgress(raw);
    if (saved.kind !== 'ok') return;
    const local: ProgressData = { lessons: store.getState().lessons };
    const merged = mergeProgress(local, saved.data);
    if (merged !== local) store.setState({ lessons: merged.lessons });
  };

  return Object.assign(store, { hydrate, receive });
}
