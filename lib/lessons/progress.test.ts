import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { CORRUPT_PROGRESS_NOTICE, PROGRESS_STORAGE_KEY, createProgressStore } from './progress';
import { PROGRESS_VERSION } from './progress-schema';

function memoryStorage(initial?: string): StateStorage & { raw(): string | null } {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(PROGRESS_STORAGE_KEY, initial);
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    raw: () => map.get(PROGRESS_STORAGE_KEY) ?? null,
  };
}

async function loaded(initial?: string) {
  const mem = memoryStorage(initial);
  const store = createProgressStore({ storage: () => mem });
  await store.persist.rehydrate();
  return { store, mem };
}

describe('progress store', () => {
  it('records steps, exercises and quiz results and saves them with the version', async () => {
    const { store, mem } = await loaded();
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

  it('restores saved progress on reload', async () => {
    const first = await loaded();
    first.store.getState().completeExercise('01-what-is-kubernetes', 'hello');
    const { store } = await loaded(first.mem.raw()!);
    expect(store.getState().lessons['01-what-is-kubernetes'].exercises).toEqual(['hello']);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().hydrated).toBe(true);
  });

  it('migrates v1 flat maps into per-lesson entries', async () => {
    const v1 = JSON.stringify({
      version: 1,
      state: { completedSteps: { '03-pods': ['a', 'a', 'b'] }, completedExercises: { '04-replicasets': ['scale'] }, quizScores: { '03-pods': { score: 3, total: 4 } } },
    });
    const { store, mem } = await loaded(v1);
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
  ])('resets corrupt data (%s) with a Korean notice', async (_label, raw) => {
    const { store, mem } = await loaded(raw);
    expect(store.getState().notice).toBe(CORRUPT_PROGRESS_NOTICE);
    expect(store.getState().lessons).toEqual({});
    const saved = mem.raw();
    expect(saved === null || JSON.parse(saved).state.lessons).toBeTruthy();
    if (saved) expect(JSON.parse(saved).state.lessons).toEqual({});
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('resets one lesson or everything', async () => {
    const { store } = await loaded();
    store.getState().completeStep('a', 's');
    store.getState().completeStep('b', 's');
    store.getState().resetLesson('a');
    expect(Object.keys(store.getState().lessons)).toEqual(['b']);
    store.getState().resetAll();
    expect(store.getState().lessons).toEqual({});
  });

  it('works without any storage (private mode, server)', async () => {
    const store = createProgressStore({ storage: () => undefined });
    await store.persist.rehydrate();
    store.getState().completeStep('a', 's');
    expect(store.getState().lessons.a.steps).toEqual(['s']);
  });
});
