import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShareLink, encodeShareLink, scenarioLabLink } from './share-link';

describe('share links', () => {
  it('encodes seed, scenario and step into the page URL', () => {
    const url = encodeShareLink({ seed: 7, scenario: 'rolling-update', step: 3 }, 'https://class.example/playground?tab=graph#x');
    const u = new URL(url);
    expect(u.pathname).toBe('/playground');
    expect(u.searchParams.get('seed')).toBe('7');
    expect(u.searchParams.get('scenario')).toBe('rolling-update');
    expect(u.searchParams.get('step')).toBe('3');
    expect(u.searchParams.get('tab')).toBe('graph');
    expect(u.hash).toBe('');
  });

  it('round-trips any valid state', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (seed, scenario, step, present) => {
          const url = new URL(encodeShareLink({ seed, scenario, step, present }, 'http://localhost/instructor'));
          const back = decodeShareLink(url.search);
          expect(back).toEqual(present ? { seed, scenario, step, present } : { seed, scenario, step });
        },
      ),
    );
  });

  it('drops malformed values instead of guessing', () => {
    expect(decodeShareLink('?seed=-1&scenario=../etc&step=x')).toEqual({});
    expect(decodeShareLink('?seed=1.5&scenario=self-healing&step=abc')).toEqual({ scenario: 'self-healing', step: 0 });
    expect(decodeShareLink('?seed=99999999999')).toEqual({});
  });

  it('replaces an earlier seed/scenario in the base URL', () => {
    const url = encodeShareLink({ seed: 2 }, 'http://localhost/playground?seed=1&scenario=old&step=4');
    expect(decodeShareLink(new URL(url).search)).toEqual({ seed: 2 });
  });
});

describe('scenarioLabLink', () => {
  it('adds machines=1 for a bare-machines scenario and drops it for the others, keeping seed and present', () => {
    expect(scenarioLabLink('kubeadm-cluster-setup', true, 'https://x.test/instructor?seed=3&present=1&scenario=scaling&step=2#a')).toBe(
      'https://x.test/instructor?seed=3&present=1&scenario=kubeadm-cluster-setup&step=0&machines=1',
    );
    expect(scenarioLabLink('scaling', false, 'https://x.test/instructor?machines=1&seed=3')).toBe('https://x.test/instructor?seed=3&scenario=scaling&step=0');
  });
});
