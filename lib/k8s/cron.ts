/**
 * CronJob schedules as the cronjob controller reads them: github.com/robfig/cron/v3 ParseStandard (5 fields
 * minute hour day-of-month month day-of-week, `*`, `?`, lists, ranges, `/step`, month and weekday names, the
 * @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly descriptors) and SpecSchedule.Next, which when both
 * day fields are restricted matches either (a `*` in one of them means "and"). Times are evaluated in the
 * schedule's time zone (CronJob spec.timeZone, an IANA name), by default UTC (the sim's controller manager's zone).
 * Pure; uses only Intl for time zones.
 */

export interface CronSchedule {
  minute: ReadonlySet<number>;
  hour: ReadonlySet<number>;
  dom: ReadonlySet<number>;
  month: ReadonlySet<number>;
  dow: ReadonlySet<number>;
  /** A day field written as `*` or `?` (robfig's starBit). */
  domStar: boolean;
  dowStar: boolean;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Bounds { min: number; max: number; names?: string[]; nameBase?: number }
const FIELDS: Bounds[] = [
  { min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS, nameBase: 1 }, { min: 0, max: 6, names: DAYS, nameBase: 0 },
];

function number(text: string, b: Bounds): number {
  const named = b.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (b.nameBase ?? 0);
  if (!/^\d+$/.test(text)) throw new Error(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** One field (robfig getRange per comma-separated part). */
function field(text: string, b: Bounds): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new Error(`too many slashes: ${part}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [b.min, b.max];
    else {
      const [a, z, more] = range.split('-');
      if (more !== undefined) throw new Error(`too many hyphens: ${range}`);
      lo = number(a, b);
      hi = z === undefined ? (stepText === undefined ? lo : b.max) : number(z, b);
    }
    const step = stepText === undefined ? 1 : number(stepText, b);
    if (lo < b.min) throw new Error(`beginning of range (${lo}) below minimum (${b.min}): ${part}`);
    if (hi > b.max) throw new Error(`end of range (${hi}) above maximum (${b.max}): ${part}`);
    if (lo > hi) throw new Error(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    if (step === 0) throw new Error(`step of range should be a positive number: ${part}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule; throws an Error worded as robfig/cron's ParseStandard. */
export function parseSchedule(spec: string): CronSchedule {
  const text = spec.trim();
  if (text.length === 0) throw new Error('empty spec string');
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) throw new Error('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  const expanded = text.startsWith('@') ? DESCRIPTORS[text] : text;
  if (expanded === undefined) throw new Error(`unrecognized descriptor: ${text}`);
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => field(p, FIELDS[i]));
  const star = (p: string) => p.startsWith('*') || p.startsWith('?');
  return { minute, hour, dom, month, dow, domStar: star(parts[2]), dowStar: star(parts[4]) };
}

/** Whether an IANA time zone name is known (the API server's and controller's time zone database). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in ms (local = utc + offset). */
function offsetAt(ms: number, timeZone: string | undefined): number {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(ms / 1000) * 1000;
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const domMatch = s.dom.has(d.getUTCDate());
  const dowMatch = s.dow.has(d.getUTCDay());
  return s.domStar || s.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}

/**
 * The first scheduled time strictly after `afterMs` (epoch ms), or undefined when none comes within five years
 * (robfig gives up the same way). The search walks local wall time field by field (month, day, hour, minute).
 */
export function nextTime(s: CronSchedule, afterMs: number, timeZone?: string): number | undefined {
  const offset = offsetAt(afterMs, timeZone);
  // local wall time as a UTC date, rounded up to the next whole minute
  const d = new Date(Math.floor((afterMs + offset) / 60_000) * 60_000 + 60_000);
  const limit = d.getUTCFullYear() + 5;
  while (d.getUTCFullYear() <= limit) {
    if (!s.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!s.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    const local = d.getTime();
    const instant = local - offsetAt(local - offset, timeZone);
    if (instant > afterMs) return instant;
    d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
  }
  return undefined;
}
