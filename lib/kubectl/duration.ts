/** Go durations as kubectl's duration flags take them (time.ParseDuration): 10s, 5m, 1h30m, 0. */
import { KubectlError } from './context';

/** Seconds in a Go duration; a clear error naming the flag otherwise. */
export function goDurationSeconds(text: string, flag: string): number {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms)/g;
  let total = 0;
  let matched = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * { h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    matched += m[0];
  }
  if (!text || matched !== text) throw new KubectlError(`error: invalid argument "${text}" for "--${flag}" flag: time: invalid duration "${text}"`, `힌트: 예) --${flag}=10s, --${flag}=5m, --${flag}=1h`);
  return total;
}
