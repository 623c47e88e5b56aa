import { describe, expect, it } from 'vitest';
import { MAX_BENCH_NODES, MAX_BENCH_PODS, readBenchParams } from './bench-mode';

describe('bench query string', () => {
  it('is inert without ?bench', () => {
    expect(readBenchParams('')).toBeNull();
    expect(readBenchParams('?nodes=20')).toBeNull();
    expect(readBenchParams('?bench=abc')).toBeNull();
    expect(readBenchParams('?bench=-5')).toBeNull();
  });

  it('reads pods and nodes, picking enough nodes when none are given', () => {
    expect(readBenchParams('?bench=1000&nodes=20')).toEqual({ pods: 1000, nodes: 20 });
    expect(readBenchParams('?bench=1000')).toEqual({ pods: 1000, nodes: 10 });
  });

  it('is bounded so a shared link cannot freeze a browser', () => {
    expect(readBenchParams('?bench=10000000&nodes=100000')).toEqual({ pods: MAX_BENCH_PODS, nodes: MAX_BENCH_NODES });
  });
});
