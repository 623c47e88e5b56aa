import { describe, expect, it } from 'vitest';
import { tileName } from './pod-label';

describe('tileName', () => {
  it('leaves names that fit alone', () => {
    expect(tileName('webserver')).toBe('webserver');
    expect(tileName('solo', 4)).toBe('solo');
  });

  it('keeps the generated suffix of controller-made names whole', () => {
    // Deployment pods are <replicaset>-<5 random chars>; the suffix is what differs between siblings.
    expect(tileName('web-7d4b9c6f5-x7k2p')).toBe('web-…-x7k2p');
    expect(tileName('coredns-5d78c9869d-abcde')).toBe('core…-abcde');
    expect(tileName('web-7d4b9c6f5-x7k2p')).toHaveLength(11);
  });

  it('shortens other names at the start and keeps a tail', () => {
    expect(tileName('averyveryverylongpodname')).toBe('averyv…name');
    // A suffix too long to keep whole falls back to start + tail.
    expect(tileName('app-averyverylongsuffix')).toBe('app-av…ffix');
  });

  it('never exceeds the budget', () => {
    for (const name of ['a-b', 'x'.repeat(40), 'web-' + 'y'.repeat(30), 'q-abcdefghij']) {
      for (const max of [6, 8, 11, 16]) expect(tileName(name, max).length).toBeLessThanOrEqual(max);
    }
  });
});
