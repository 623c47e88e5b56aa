import { describe, expect, it } from 'vitest';
import { reedSolomon } from './reed-solomon';

describe('reedSolomon', () => {
  it('matches the worked "HELLO WORLD" 1-M example (thonky.com QR tutorial, error-correction coding)', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });
});
