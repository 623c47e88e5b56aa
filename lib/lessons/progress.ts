/**
 * The progress store: completed steps, passed exercises and quiz results per lesson, saved to localStorage
 * through zustand's persist middleware with a versioned schema. Created per provider (never a module global).
 * Saved data that cannot be read is dropped with a Korean notice instead of crashing the app.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage, type StateStorage, type StorageValue } from 'zustand/middleware';
import { CorruptProgressError, PROGRESS_VERSION, isProgressData, migrateProgress, type LessonProgress, type ProgressData, type QuizResult } from './progress-schema';

export const PROGRESS_STORAGE_KEY = 'k8s-ko-progress';
export const CORRUPT_PROGRESS_NOTICE = '저장된 진도 데이터가 손상되어 초기화했습니다';

export interface ProgressState extends ProgressData {
  /** A message for the student (e.g. after corrupt data was dropped); not persisted. */
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
  persist: { rehydrate(): Promise<void>; hasHydrated(): boolean; clearStorage(): void };
};

const EMPTY_LESSON: LessonProgress = { steps: [], exercises: [] };

function withLesson(state: ProgressData, slug: string, change: (l: LessonProgress) => LessonProgress): Pick<ProgressData, 'lessons'> {
  return { lessons: { ...state.lessons, [slug]: change(state.lessons[slug] ?? EMPTY_LESSON) } };
}

const addOnce = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/**
 * A persist storage that validates the envelope before zustand sees it: unparsable JSON or a value without
 * `state` is reported through onCorrupt and removed, so the next load starts clean.
 */
function guardedStorage(backend: () => StateStorage | undefined, onCorrupt: () => void): PersistStorage<ProgressData> {
  return {
    getItem(name) {
      const store = backend();
      const raw = store?.getItem(name);
      if (raw === null || raw === undefined || typeof raw !== 'string') return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        const envelope = parsed as StorageValue<unknown>;
        if (typeof parsed !== 'object' || parsed === null || typeof envelope.version !== 'number' || !('state' in parsed)) throw new CorruptProgressError('형식 오류');
        return envelope as StorageValue<ProgressData>;
      } catch {
        store?.removeItem(name);
        onCorrupt();
        return null;
      }
    },
    setItem(name, value) {
      backend()?.setItem(name, JSON.stringify(value));
    },
    removeItem(name) {
      backend()?.removeItem(name);
    },
  };
}

function browserStorage(): StateStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Storage can be disabled (privacy modes); progress then lives only for this visit.
    return undefined;
  }
}

/** Create a progress store. Call `store.persist.rehydrate()` once mounted in the browser (SSR-safe). */
export function createProgressStore(opts: { storage?: () => StateStorage | undefined } = {}): ProgressStore {
  const backend = opts.storage ?? browserStorage;
  let corrupt = false;
  const storage = guardedStorage(backend, () => (corrupt = true));

  const store = createStore<ProgressState>()(
    persist(
      (set) => ({
        lessons: {},
        notice: null,
        hydrated: false,
        completeStep: (slug, stepId) => set((s) => withLesson(s, slug, (l) => ({ ...l, steps: addOnce(l.steps, stepId) }))),
        completeExercise: (slug, id) => set((s) => withLesson(s, slug, (l) => ({ ...l, exercises: addOnce(l.exercises, id) }))),
        recordQuiz: (slug, result) => set((s) => withLesson(s, slug, (l) => ({ ...l, quiz: result }))),
        resetLesson: (slug) =>
          set((s) => {
            const lessons = { ...s.lessons };
            delete lessons[slug];
            return { lessons };
          }),
        resetAll: () => set({ lessons: {} }),
        dismissNotice: () => set({ notice: null }),
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage,
        skipHydration: true,
        partialize: (s) => ({ lessons: s.lessons }),
        migrate: (state, version) => migrateProgress(state, version),
        merge: (saved, current) => {
          if (saved === undefined) return current;
          if (!isProgressData(saved)) {
            corrupt = true;
            return current;
          }
          return { ...current, lessons: saved.lessons };
        },
        onRehydrateStorage: () => (_state, error) => {
          if (error || corrupt) {
            corrupt = false;
            storage.removeItem(PROGRESS_STORAGE_KEY);
            store.setState({ lessons: {}, notice: CORRUPT_PROGRESS_NOTICE });
          }
          store.setState({ hydrated: true });
        },
      },
    ),
  ) as ProgressStore;
  return store;
}
