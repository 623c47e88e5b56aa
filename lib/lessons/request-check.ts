/**
 * Exercise checks that send a request, as the student would: `curl` on the laptop outside the cluster (a NodePort)
 * or inside a pod (`kubectl exec POD -- curl …`, a Service name). The check runs curl through the same ClusterClient
 * the terminal uses, so it sees what the student sees — the status line, the body, curl's own error.
 */
import { z } from '../validation/zod';
import type { ClusterClient } from '../cluster/types';
import type { ExecResult } from '../sim/apps/exec';

export const RequestCheckSchema = z.strictObject({
  kind: z.literal('Request'),
  /** `outside`: the student's laptop; otherwise the name of a running pod whose image has curl */
  from: z.string({ error: 'from은 outside나 파드 이름이어야 합니다' }).min(1, { error: 'from은 outside나 파드 이름이어야 합니다' }),
  namespace: z.string({ error: 'namespace는 문자열이어야 합니다' }).optional(),
  url: z.string({ error: 'url은 http:// 주소여야 합니다' }).regex(/^http:\/\/\S+$/, { error: 'url은 http:// 주소여야 합니다' }),
  headers: z.record(z.string(), z.string(), { error: 'headers는 이름: 값 목록이어야 합니다' }).optional(),
  /** the HTTP status the answer must have (200 unless given) */
  status: z.number({ error: 'status는 HTTP 상태 코드여야 합니다' }).int().min(100).max(599).optional(),
  /** text the body must contain */
  bodyContains: z.string({ error: 'bodyContains는 문자열이어야 합니다' }).min(1).optional(),
});

export type RequestCheck = z.infer<typeof RequestCheckSchema>;

export type RequestCheckClient = Pick<ClusterClient, 'runOnLaptop' | 'exec'>;

/** The curl argv the check runs: -s -S quiet but with errors, -i for the status line, -m so it never hangs long. */
export function requestArgv(check: RequestCheck): string[] {
  const headers = Object.entries(check.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  return ['curl', '-s', '-S', '-i', '-m', '5', ...headers, check.url];
}

function where(check: RequestCheck): string {
  const headerText = Object.entries(check.headers ?? {}).map(([k, v]) => ` -H "${k}: ${v}"`).join('');
  return `${check.from === 'outside' ? '노트북에서' : `파드 ${check.from}에서`} curl${headerText} ${check.url}`;
}

/** Korean failures for one request check (empty when the answer is what the lesson expects). */
export async function evaluateRequestCheck(client: RequestCheckClient, check: RequestCheck): Promise<string[]> {
  const argv = requestArgv(check);
  let r: ExecResult;
  try {
    if (check.from === 'outside') {
      if (!client.runOnLaptop) return ['요청 검사는 시뮬레이터에서만 할 수 있어요.'];
      r = await client.runOnLaptop(argv);
    } else {
      if (!client.exec) return ['요청 검사는 시뮬레이터에서만 할 수 있어요.'];
      r = await client.exec(check.from, check.namespace ?? 'default', undefined, argv);
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [`${where(check)}을(를) 실행하지 못했습니다: ${reason}`];
  }
  if (r.exitCode !== 0) {
    const why = (r.stderr || r.stdout).trim().split('\n')[0] || `종료 코드 ${r.exitCode}`;
    return [`${where(check)} 요청이 실패했습니다: ${why}`];
  }
  const head = /^HTTP\/1\.1 (\d{3})([^\n]*)\n/.exec(r.stdout);
  if (!head) return [`${where(check)}의 응답을 읽을 수 없습니다`];
  const want = check.status ?? 200;
  // a wrong status already says it all (an error page never holds the expected text)
  if (Number(head[1]) !== want) return [`${where(check)} 응답이 ${want}이 아니라 ${head[1]}${head[2]}입니다`];
  const body = r.stdout.slice(r.stdout.indexOf('\n\n') + 2);
  if (check.bodyContains && !body.includes(check.bodyContains)) return [`${where(check)} 응답 본문에 "${check.bodyContains}" 문구가 없습니다 (지금: ${excerpt(body)})`];
  return [];
}

/** The start of a body on one line, for a message. */
function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (!line) return '빈 본문';
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
