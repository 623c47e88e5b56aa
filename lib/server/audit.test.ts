import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from './audit';

afterEach(() => {
  vi.useRealTimers();
});

describe('AuditLog', () => {
  it('cuts every field to a fixed length and keeps each record on one line', () => {
    const lines: string[] = [];
    const log = new AuditLog({ sink: (l) => lines.push(l) });
    log.write({ action: 'x'.repeat(1_000), result: 'denied', code: 403, remote: '1.2.3.4'.repeat(50), userAgent: `curl\n{"audit":"forged"}\u202e${'u'.repeat(5_000)}`, message: 'm'.repeat(5_000) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\\n');
    const rec = JSON.parse(lines[0]) as Record<string, string>;
    expect(rec.action.length).toBeLessThanOrEqual(40);
    expect(rec.remote.length).toBeLessThanOrEqual(64);
    expect(rec.userAgent.length).toBeLessThanOrEqual(160);
    expect(rec.userAgent).not.toMatch(/[\n\u202e]/);
    expect(rec.message.length).toBeLessThanOrEqual(300);
    expect(lines[0].length).toBeLessThan(1_000);
  });

  it('cannot be flooded: past the rate, lines are counted and summarised by result', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const log = new AuditLog({ sink: (l) => lines.push(l), perSecond: 10, burst: 5, summaryEveryMs: 5_000 });
    for (let i = 0; i < 1_000; i++) log.write({ action: 'scale', result: i % 2 ? 'denied' : 'limited', code: i % 2 ? 403 : 429, remote: '6.6.6.6' });
    expect(lines).toHaveLength(5);
    vi.advanceTimersByTime(5_000);
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[5])).toMatchObject({ audit: 'cluster-action-suppressed', suppressed: 995, byResult: { denied: 498, limited: 497 } });
    // The budget refills: after the flood ordinary lines are written again.
    log.write({ action: 'scale', result: 'ok', code: 200 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ audit: 'cluster-action', result: 'ok' });
  });
});
