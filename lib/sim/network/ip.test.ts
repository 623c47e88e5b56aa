/** IPv4 addresses as the simulated network reads them: dotted quads of 1–3 digit octets up to 255. */
import { describe, expect, it } from 'vitest';
import { inCidr, ipToInt, isIPv4 } from './ip';

describe('ipToInt', () => {
  it('reads dotted quads to their 32-bit value', () => {
    expect(ipToInt('10.244.1.5')).toBe(10 * 2 ** 24 + 244 * 2 ** 16 + 1 * 2 ** 8 + 5);
    expect(ipToInt('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(ipToInt('0.0.0.0')).toBe(0);
    expect(ipToInt('010.001.000.009')).toBe(ipToInt('10.1.0.9'));
  });

  it('refuses anything else (names, short or long forms, octets over 255, stray characters)', () => {
    for (const s of ['web', '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1..2.3', '.1.2.3', '1.2.3.', '1234.1.1.1', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.4/24', '１.2.3.4']) expect(ipToInt(s), s).toBeNaN();
    expect(isIPv4('web.default.svc.cluster.local')).toBe(false);
  });

  it('places addresses in CIDRs', () => {
    expect(inCidr('10.244.2.17', '10.244.2.0/24')).toBe(true);
    expect(inCidr('10.244.3.17', '10.244.2.0/24')).toBe(false);
    expect(inCidr('web', '0.0.0.0/0')).toBe(false);
  });
});
