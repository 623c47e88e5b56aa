/** Renders model text templates ({pod}, {version}, time stamps in each program's own log format). */

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function clock(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
const ms3 = (d: Date) => String(d.getUTCMilliseconds()).padStart(3, '0');

/** Time stamps by name, for epoch ms `t`. */
const STAMPS: Record<string, (d: Date) => string> = {
  nginxTime: (d) => `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${clock(d)}`,
  iso: (d) => d.toISOString(),
  httpdTime: (d) => `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${clock(d)}.${ms3(d)}000 ${d.getUTCFullYear()}`,
  redisTime: (d) => `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock(d)}.${ms3(d)}`,
  pgTime: (d) => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${clock(d)}.${ms3(d)} UTC`,
  tomcatTime: (d) => `${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${clock(d)}.${ms3(d)}`,
  klogTime: (d) => `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${clock(d)}.${ms3(d)}000`,
  // PHP's built-in web server (sapi/cli/php_cli_server.c: "[%a %b %d %H:%M:%S %Y]")
  phpTime: (d) => `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${clock(d)} ${d.getUTCFullYear()}`,
  accessTime: (d) => `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${clock(d)} +0000`,
};

/** Replaces {name} with vars[name] or a time stamp of `at` (epoch ms); unknown names stay as written. */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>, at: number): string {
  if (!text.includes('{')) return text;
  let date: Date | undefined;
  return text.replace(/\{([A-Za-z]+)\}/g, (m, name: string) => {
    if (Object.hasOwn(vars, name)) return vars[name];
    const stamp = STAMPS[name];
    if (!stamp) return m;
    return stamp((date ??= new Date(at)));
  });
}
