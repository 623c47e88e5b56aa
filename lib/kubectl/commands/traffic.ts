/**
 * `traffic start svc/web --rate 20` / `traffic stop` / `traffic status`: the Playground's load generator from the
 * browser terminal (not a kubectl verb — like `curl`, a program beside kubectl). Simulator only.
 */
import { KubectlError, out, type KubectlContext } from '../context';
import { MAX_RATE, MIN_RATE } from '../../sim/network/load-buckets';
import { summarizeTraffic, summaryText } from '../../sim/network/load-summary';
import { trafficUnavailable } from '../../cluster/traffic-feed';

export const TRAFFIC_PROGRAM = 'traffic';
const DEFAULT_RATE = 10;

export const TRAFFIC_HELP = [
  '트래픽 보내기 — 서비스에 초당 N개의 요청을 계속 보내요(시뮬레이터 시간 기준).',
  '',
  '  traffic start svc/NAME [--rate N] [--port P] [--from POD] [--outside] [-n NS]',
  '  traffic start http://노드IP:NodePort/ [--rate N] [--host 호스트이름]',
  '  traffic status   최근 10초 결과 (성공률, p95 지연, 실패 이유)',
  '  traffic stop     멈추기',
  '',
  '옵션:',
  `  --rate N     초당 요청 수 (${MIN_RATE}–${MAX_RATE}, 기본 ${DEFAULT_RATE})`,
  '  --port P     서비스 포트 (기본: 첫 번째 포트)',
  '  --from POD   이 파드 안에서 서비스 이름으로 보내기 (없으면 클러스터 안의 노드에서 ClusterIP로)',
  '  --outside    클러스터 밖(내 컴퓨터)에서 노드 IP와 NodePort로 보내기',
  "  --host H     요청마다 Host 헤더를 H로 보내기 (리버스 프록시가 이 이름으로 갈 곳을 골라요; -H 'Host: H'도 돼요)",
  '',
  '예) traffic start svc/web --rate 20',
  "예) traffic start http://192.168.56.11:30081/ --host php.example.com",
  '',
].join('\n');

interface Parsed {
  action: string;
  target?: string;
  rate: number;
  port?: number;
  from?: string;
  outside: boolean;
  namespace?: string;
  host?: string;
}

const usage = (message: string) => new KubectlError(`error: ${message}`, "힌트: 'traffic --help'로 쓰는 법을 볼 수 있어요. 예) traffic start svc/web --rate 20");

/** curl's `-H 'Host: NAME'`: the generator sends only a Host header, so any other header is refused by name. */
function hostFromHeader(header: string): string {
  const m = /^\s*([^:\s]+)\s*:\s*(.*)$/.exec(header);
  if (!m) throw usage(`헤더는 '이름: 값' 형식으로 적어 주세요: ${header}`);
  if (m[1].toLowerCase() !== 'host') throw usage(`트래픽에는 Host 헤더만 붙일 수 있어요: ${m[1]}`);
  return m[2];
}

function parse(words: string[]): Parsed {
  const p: Parsed = { action: words[1] ?? '', rate: DEFAULT_RATE, outside: false };
  const valueOf = (i: number, flag: string) => {
    const v = words[i + 1];
    if (v === undefined || v.startsWith('-')) throw usage(`flag needs an argument: ${flag}`);
    return v;
  };
  for (let i = 2; i < words.length; i++) {
    const [w, inline] = words[i].includes('=') && words[i].startsWith('-') ? words[i].split(/=(.*)/s) : [words[i], undefined];
    const take = () => inline ?? valueOf(i++, w);
    const int = (flag: string) => {
      const v = take();
      if (!/^\d+$/.test(v)) throw usage(`invalid argument "${v}" for "${flag}" flag: 정수가 필요해요`);
      return Number(v);
    };
    if (w === '--rate' || w === '-r') p.rate = int('--rate');
    else if (w === '--port' || w === '-p') p.port = int('--port');
    else if (w === '--from') p.from = take();
    else if (w === '--outside') p.outside = true;
    else if (w === '--host') p.host = take();
    else if (w === '-H' || w === '--header') p.host = hostFromHeader(take());
    else if (w === '-n' || w === '--namespace') p.namespace = take();
    else if (w.startsWith('-')) throw usage(`unknown flag: ${w}`);
    else if (p.target === undefined) p.target = w;
    else throw usage(`대상은 하나만 정할 수 있어요: ${p.target}, ${w}`);
  }
  return p;
}

export async function runTraffic(words: string[], ctx: KubectlContext): Promise<number> {
  if (words.includes('--help') || words.includes('-h') || words.length === 1) {
    ctx.write(TRAFFIC_HELP, 'stdout');
    return 0;
  }
  const traffic = ctx.client.traffic;
  if (!traffic) {
    const why = trafficUnavailable(ctx.client.mode);
    throw new KubectlError(`error: ${why.message}`, `힌트: ${why.hint}`);
  }
  const p = parse(words);
  if (p.action === 'start') {
    if (!p.target) throw usage('보낼 대상을 정해 주세요');
    if (p.from && p.outside) throw usage('--from과 --outside는 함께 쓸 수 없어요');
    const r = await traffic.start({ target: p.target, rate: p.rate, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.from ? { fromPod: p.from } : {}), outside: p.outside, ...(p.namespace ? { namespace: p.namespace } : {}), ...(p.host !== undefined ? { host: p.host } : {}) });
    if (!r.ok) throw new KubectlError(`error: ${r.error}`, "힌트: 'traffic --help'로 쓰는 법을 볼 수 있어요.");
    out(ctx, `트래픽 시작: ${r.label}, 초당 ${p.rate}개`);
    out(ctx, "결과는 'traffic status'나 '트래픽 보내기' 패널의 그래프로 보고, 멈추려면 'traffic stop'을 입력하세요.");
    return 0;
  }
  if (p.action === 'stop') {
    out(ctx, (await traffic.stop()) ? '트래픽을 멈췄어요.' : '보내고 있는 트래픽이 없어요.');
    return 0;
  }
  if (p.action === 'status') {
    const stats = await traffic.stats();
    out(ctx, stats.running ? `보내는 중: ${stats.label}, 초당 ${stats.rate}개` : stats.label ? `멈춤 (마지막 대상: ${stats.label})` : '아직 보낸 트래픽이 없어요.');
    if (stats.buckets.length) out(ctx, summaryText(summarizeTraffic(stats.buckets, 10)));
    return 0;
  }
  throw usage(`unknown command "${p.action}" for "traffic" (start, stop, status)`);
}
