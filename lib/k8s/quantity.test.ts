import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, isQuantity, parseCpuMillis, parseMemoryBytes, parseQuantity } from './quantity';

describe('quantities', () => {
  it.each([
    ['100m', 100],
    ['2', 2000],
    ['0.5', 500],
    ['1.5', 1500],
    ['250m', 250],
  ])('cpu %s = %d millicores', (q, m) => expect(parseCpuMillis(q)).toBe(m));

  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['4Gi', 4 * 2 ** 30],
    ['1G', 1e9],
    ['500M', 5e8],
    ['1e3', 1000],
    ['64Ki', 65536],
  ])('memory %s = %d bytes', (q, b) => expect(parseMemoryBytes(q)).toBe(b));

  it('formats back canonically', () => {
    expect(formatCpu(100)).toBe('100m');
    expect(formatCpu(2000)).toBe('2');
    expect(formatMemory(128 * 2 ** 20)).toBe('128Mi');
    expect(formatMemory(4 * 2 ** 30)).toBe('4Gi');
    expect(formatMemory(1e9)).toBe('1G');
    expect(formatMemory(1001)).toBe('1001');
  });

  it('rejects garbage', () => {
    expect(isQuantity('12xyz')).toBe(false);
    expect(() => parseQuantity('lots')).toThrow(/quantities must match/);
  });
});
