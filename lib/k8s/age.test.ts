import { describe, expect, it } from 'vitest';
import { ageSince, formatAge } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [-1500, '0s'],
    [-2500, '<invalid>'],
    [5 * s, '5s'],
    [119 * s + 999, '119s'],
    [2 * m, '2m'],
    [3 * m + 2 * s, '3m2s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 12 * m, '5h12m'],
    [8 * h + 5 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [2 * 365 * d, '2y'],
    [2 * 365 * d + 30 * d, '2y30d'],
    [9 * 365 * d + 30 * d, '9y'],
  ])('%d ms → %s', (ms, want) => {
    expect(formatAge(ms)).toBe(want);
  });
});

describe('ageSince', () => {
  it('reads RFC 3339 strings and Dates, and says <unknown> when missing', () => {
    const now = Date.parse('2026-01-01T00:10:00Z');
    expect(ageSince('2026-01-01T00:07:00Z', now)).toBe('3m');
    expect(ageSince(new Date('2026-01-01T00:09:55Z'), now)).toBe('5s');
    expect(ageSince(undefined, now)).toBe('<unknown>');
  });
});
