/**
 * Schedules as github.com/robfig/cron/v3 (which pkg/controller/cronjob uses through cron.ParseStandard) parses
 * and steps them: parser.go (fields, ranges, steps, names, descriptors, error wording) and spec.go Next (day-of-month
 * OR day-of-week when both are restricted), evaluated in the CronJob's time zone
 * (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones).
 */
import { describe, expect, it } from 'vitest';
import { nextTime, parseSchedule } from './cron';

const at = (iso: string) => Date.parse(iso);
const next = (spec: string, from: string, tz?: string) => new Date(nextTime(parseSchedule(spec), at(from), tz)!).toISOString();

describe('cron schedules', () => {
  it('steps minutes, hours and descriptors', () => {
    expect(next('*/5 * * * *', '2026-01-01T10:02:30Z')).toBe('2026-01-01T10:05:00.000Z');
    expect(next('*/5 * * * *', '2026-01-01T10:05:00Z')).toBe('2026-01-01T10:10:00.000Z');
    expect(next('@hourly', '2026-01-01T10:00:00Z')).toBe('2026-01-01T11:00:00.000Z');
    expect(next('@daily', '2026-01-01T10:00:00Z')).toBe('2026-01-02T00:00:00.000Z');
    expect(next('@weekly', '2026-01-01T10:00:00Z')).toBe('2026-01-04T00:00:00.000Z'); // 2026-01-04 is a Sunday
    expect(next('0 9 * jan-mar mon-fri', '2026-03-31T10:00:00Z')).toBe('2027-01-01T09:00:00.000Z'); // a Friday
  });

  it('ORs restricted day-of-month and day-of-week, ANDs when one is *', () => {
    // the 13th or any Friday
    expect(next('0 0 13 * 5', '2026-02-01T00:00:00Z')).toBe('2026-02-06T00:00:00.000Z');
    expect(next('0 0 13 * *', '2026-02-01T00:00:00Z')).toBe('2026-02-13T00:00:00.000Z');
  });

  it('evaluates the schedule in the time zone', () => {
    // 09:00 in Seoul (UTC+9) is 00:00 UTC
    expect(next('0 9 * * *', '2026-01-01T01:00:00Z', 'Asia/Seoul')).toBe('2026-01-02T00:00:00.000Z');
  });

  it('rejects what ParseStandard rejects, in its words', () => {
    expect(() => parseSchedule('* * * *')).toThrow('expected exactly 5 fields, found 4: [* * * *]');
    expect(() => parseSchedule('61 * * * *')).toThrow('end of range (61) above maximum (59): 61');
    expect(() => parseSchedule('@every5m')).toThrow('unrecognized descriptor: @every5m');
    expect(() => parseSchedule('CRON_TZ=UTC 0 * * * *')).toThrow('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  });
});
