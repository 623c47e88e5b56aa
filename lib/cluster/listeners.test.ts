import { describe, expect, it } from 'vitest';
import { addListener } from './listeners';

describe('addListener', () => {
  it('adds the callback and the returned function removes only it', () => {
    const set = new Set<() => void>();
    const a = () => {};
    const b = () => {};
    const offA = addListener(set, a);
    addListener(set, b);
    expect([...set]).toEqual([a, b]);
    offA();
    expect([...set]).toEqual([b]);
  });
});
