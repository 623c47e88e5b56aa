/**
 * One line per write attempt on stdout, JSON so log collectors can parse it. Records who (address,
 * user agent), what (action, namespace, name) and the result — never the token or manifest contents.
 */
export interface AuditRecord {
  action: string;
  namespace?: string;
  name?: string;
  result: 'ok' | 'denied' | 'invalid' | 'error';
  code: number;
  remote?: string;
  userAgent?: string;
  message?: string;
}

export type AuditSink = (line: string) => void;

let sink: AuditSink = (line) => console.log(line);

/** Tests swap the sink to capture lines. */
export function setAuditSink(next: AuditSink): void {
  sink = next;
}

export function audit(rec: AuditRecord): void {
  const clean = (s: string | undefined, max: number) => (s === undefined ? undefined : s.replace(/[\r\n]/g, ' ').slice(0, max));
  sink(
    JSON.stringify({
      audit: 'cluster-action',
      time: new Date().toISOString(),
      ...rec,
      action: clean(rec.action, 40),
      namespace: clean(rec.namespace, 63),
      name: clean(rec.name, 253),
      userAgent: clean(rec.userAgent, 200),
      message: clean(rec.message, 300),
    }),
  );
}
