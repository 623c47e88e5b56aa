import { describe, expect, it } from 'vitest';
import { CORRUPT_PROGRESS_NOTICE, PROGRESS_STORAGE_KEY, SAVE_FAILED_NOTICE, createProgressStore, type ProgressStorage } from './progress';
import { PROGRESS_VERSION } from './progress-schema';

function memoryStorage(initial?: string): ProgressStorage & { raw(): string | null; writes: number } {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(PROGRESS_STORAGE_KEY, initial);
  const mem = {
    writes: 0,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      mem.writes++;
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
    raw: () => map.get(PROGRESS_STORAGE_KEY) ?? null,
  };
  return mem;
}

function loaded(initial?: string) {
  const mem = memoryStorage(initial);
  const store = createProgressStore({ storage: () => mem });
  store.hydrate();
  return { store, mem };
}

/** Two tabs: two stores over one storage; `sync` delivers the storage event a browser would send. */
function twoTabs(initial?: string) {
  const mem = memoryStorage(initial);
  const a = createProgressStore({ storage: () => mem });
  const b = createProgressStore({ storage: () => mem });
  a.hydrate();
  b.hydrate();
  return { a, b, mem, sync: () => (a.receive(mem.raw()), b.receive(mem.raw())) };
}

describe('progress store', () => {
  it('records steps, exercises and quiz results and saves them with the version', () => {
    const { store, mem } = loaded();
    store.getState().completeStep('03-pods', 'kubectl get pods');
    store.getState().completeStep('03-pods', 'kubectl get pods');
    store.getState().completeExercise('03-pods', 'webserver');
    store.getState().recordQuiz('03-pods', { score: 2, total: 3, answers: [0, 1, 2] });
    const saved = JSON.parse(mem.raw()!);
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(saved.state).toEqual({
      lessons: { '03-pods': { steps: ['kubectl get pods'], exercises: ['webserver'], quiz: { score: 2, total: 3, answers: [0, 1, 2] } } },
    });
    expect(saved.state.notice).toBeUndefined();
  });

  it('restores saved progress on reload', () => {
    const first = loaded();
    first.store.getState().completeExercise('01-what-is-kubernetes', 'hello');
    const { store } = loaded(first.mem.raw()!);
    expect(store.getState().lessons['01-what-is-kubernetes'].exercises).toEqual(['hello']);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().hydrated).toBe(true);
  });

  it('migrates v1 flat maps into per-lesson entries', () => {
    const v1 = JSON.stringify({
      version: 1,
      state: { completedSteps: { '03-pods': ['a', 'a', 'b'] }, completedExercises: { '04-replicasets': ['scale'] }, quizScores: { '03-pods': { score: 3, total: 4 } } },
    });
    const { store, mem } = loaded(v1);
    expect(store.getState().lessons).toEqual({
      '03-pods': { steps: ['a', 'b'], exercises: [], quiz: { score: 3, total: 4, answers: [] } },
      '04-replicasets': { steps: [], exercises: ['scale'] },
    });
    expect(JSON.parse(mem.raw()!).version).toBe(PROGRESS_VERSION);
    expect(store.getState().notice).toBeNull();
  });

  it.each([
    ['not JSON', '{not json'],
    ['no envelope', JSON.stringify({ lessons: {} })],
    ['wrong v2 shape', JSON.stringify({ version: PROGRESS_VERSION, state: { lessons: { x: { steps: 'oops' } } } })],
    ['wrong v1 shape', JSON.stringify({ version: 1, state: { completedSteps: 3 } })],
    ['unknown version', JSON.stringify({ version: 99, state: { lessons: {} } })],
    ['quiz score above total', JSON.stringify({ version: PROGRESS_VERSION, state: { lessons: { x: { steps: [], exercises: [], quiz: { score: 5, total: 3, answers: [] } } } } })],
  ])('resets corrupt data (%s) with a Korean notice', (_label, raw) => {
    const { store, mem } = loaded(raw);
    expect(store.getState().notice).toBe(CORRUPT_PROGRESS_NOTICE);
    expect(store.getState().lessons).toEqual({});
    const saved = mem.raw();
    expect(saved === null || JSON.parse(saved).state.lessons).toBeTruthy();
    if (saved) expect(JSON.parse(saved).state.lessons).toEqual({});
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('resets one lesson or everything', () => {
    const { store } = loaded();
    store.getState().completeStep('a', 's');
    store.getState().completeStep('b', 's');
    store.getState().resetLesson('a');
    // the reset lesson stays as an empty entry with a higher epoch (so another tab cannot bring it back)
    expect(store.getState().lessons).toEqual({ a: { steps: [], exercises: [], epoch: 1 }, b: { steps: ['s'], exercises: [] } });
    store.getState().resetAll();
    expect(store.getState().lessons).toEqual({ a: { steps: [], exercises: [], epoch: 2 }, b: { steps: [], exercises: [], epoch: 1 } });
  });

  it('works without any storage (private mode, server)', () => {
    const store = createProgressStore({ storage: () => undefined });
    store.hydrate();
    store.getState().completeStep('a', 's');
    expect(store.getState().lessons.a.steps).toEqual(['s']);
  });

  it('loading never writes saved progress back (a page must not overwrite what it only read)', () => {
    const first = loaded();
    first.store.getState().completeStep('pods', 'run');
    const raw = first.mem.raw()!;
    const { mem } = loaded(raw);
    expect(mem.writes).toBe(0);
    expect(mem.raw()).toBe(raw);
  });

  it('two tabs never clobber each other: every change merges with what the other tab saved', () => {
    const { a, b, mem } = twoTabs();
    a.getState().completeStep('pods', 'run');
    b.getState().completeStep('pods', 'get'); // b has not seen a's step yet
    b.getState().completeExercise('services', 'expose');
    a.getState().recordQuiz('pods', { score: 2, total: 2, answers: [1, 0] });
    const saved = JSON.parse(mem.raw()!).state.lessons;
    expect(saved.pods.steps).toEqual(['run', 'get']);
    expect(saved.pods.quiz).toEqual({ score: 2, total: 2, answers: [1, 0] });
    expect(saved.services.exercises).toEqual(['expose']);
  });

  it("a tab shows the other tab's progress when the storage event arrives", () => {
    const { a, b, sync } = twoTabs();
    a.getState().completeStep('pods', 'run');
    expect(b.getState().lessons.pods).toBeUndefined();
    sync();
    expect(b.getState().lessons.pods.steps).toEqual(['run']);
    // an unreadable value from elsewhere is ignored, not copied over what this tab has
    b.receive('{broken');
    b.receive(null);
    expect(b.getState().lessons.pods.steps).toEqual(['run']);
  });

  it("a reset in one tab is not undone by the other tab's older copy", () => {
    const { a, b, mem, sync } = twoTabs();
    a.getState().completeStep('pods', 'run');
    sync();
    a.getState().resetLesson('pods');
    b.getState().completeStep('services', 'expose'); // b still holds pods: run in memory
    expect(JSON.parse(mem.raw()!).state.lessons.pods.steps).toEqual([]);
    sync();
    expect(b.getState().lessons.pods.steps).toEqual([]);
    b.getState().completeStep('pods', 'get');
    expect(JSON.parse(mem.raw()!).state.lessons.pods.steps).toEqual(['get']);
  });

  it('repairs corrupt storage from memory on the next change instead of losing it', () => {
    const { a, mem } = twoTabs();
    a.getState().completeStep('pods', 'run');
    mem.setItem(PROGRESS_STORAGE_KEY, '{oops');
    a.getState().completeStep('pods', 'get');
    expect(JSON.parse(mem.raw()!).state.lessons.pods.steps).toEqual(['run', 'get']);
  });

  it('says so in Korean when the browser refuses to save, and keeps the progress for this visit', () => {
    const full: ProgressStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createProgressStore({ storage: () => full });
    store.hydrate();
    store.getState().completeStep('pods', 'run');
    expect(store.getState().lessons.pods.steps).toEqual(['run']);
    expect(store.getState().notice).toBe(SAVE_FAILED_NOTICE);
  });
});
