/**
 * Name and number checks for everything a browser sends. Kubernetes itself validates too, but we refuse
 * early so a malformed value never becomes part of a URL path we build.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** RFC 1123 label (namespaces, services): lowercase alphanumerics and '-', at most 63 characters. */
export function isDnsLabel(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 63 && DNS_LABEL.test(s);
}

/** RFC 1123 subdomain (pods, deployments, nodes): labels joined by '.', at most 253 characters. */
export function isDnsSubdomain(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 253 && DNS_SUBDOMAIN.test(s) && s.split('.').every((l) => l.length <= 63);
}

/** A whole number within [min, max]; rejects strings, NaN, fractions and out-of-range values. */
export function isIntInRange(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

/**
 * A container image reference: [registry[:port]/]path[:tag][@digest], no spaces or shell characters.
 * Loose on purpose — the registry decides whether it exists; we only keep garbage out.
 */
export function isImageRef(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && s.length <= 512 && /^[a-z0-9][a-z0-9._\-/:@]*$/i.test(s) && !s.includes('..');
}

// C0/C1 controls, line/paragraph separators and bidi overrides: each could forge or hide text in a log or terminal.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a request, fit to be quoted back in an error message or a log line: unprintable characters
 * become spaces and it is cut to `max` characters, so a refusal never repeats a 20 KB parameter.
 */
export function echo(s: string, max = 100): string {
  const clean = String(s).replace(UNPRINTABLE, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
