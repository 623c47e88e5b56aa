/**
 * Where a load generator sends: a Service from a client pod (by its DNS name, as an app would), from inside the
 * cluster (a node, by ClusterIP — nodes don't use the cluster DNS), or from the student's laptop to a node's
 * NodePort; or a URL as given. Bad input gets a Korean reason instead of a generator that fails every request.
 */
import type { V1Node, V1Pod, V1Service } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { keyOf } from '../store';
import { nodeInternalIp } from '../controllers/node-network';
import { parseUrl } from './tools/common';
import type { RequestOrigin } from './connect';

export interface TrafficTargetSpec {
  /** a Service name, or a URL (http://…) */
  target: string;
  namespace?: string;
  /** the Service port (default: its first) */
  port?: number;
  /** send from this pod (in `namespace`) */
  fromPod?: string;
  /** send from outside the cluster: a NodePort on a node's address */
  outside?: boolean;
  /** the Host header to send (a reverse proxy picks its virtual host by it, e.g. `php.example.com`) */
  host?: string;
}

export interface ResolvedTarget {
  url: string;
  from: RequestOrigin;
  /** what the panel shows, e.g. `svc/web:80 ← 파드 client` */
  label: string;
  /** `ns/name` of the target Service (unknown for a URL until the answers name it) */
  service?: string;
  /** the Host header every request carries, when one was given */
  host?: string;
}

/** A host name (RFC 1123 labels) or IPv4 address, with an optional :port — what an HTTP Host header may name. */
const HOST_HEADER = /^(?=[^:]{1,253}(?::\d{1,5})?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

/**
 * The Host header value to send, `undefined` for none (empty or blank), or a Korean error. Accepts `php.example.com`,
 * `php.example.com:8080`, `192.168.56.11`; refuses spaces, schemes and paths (`http://…/`), which a Host never holds.
 */
export function parseHostHeader(value: string | undefined): { host?: string } | string {
  const host = value?.trim() ?? '';
  if (host === '') return {};
  const port = /:(\d+)$/.exec(host)?.[1];
  if (!HOST_HEADER.test(host) || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
    return `Host 헤더 값 "${host}"은(는) 쓸 수 없어요. 호스트 이름만 적어 주세요(http://나 경로 없이). 예) php.example.com`;
  }
  return { host: host.toLowerCase() };
}

/** resolveTarget, then the Host header (validated) on top: what the generator's run carries. */
export function resolveTargetWithHost(e: Engine, spec: TrafficTargetSpec): ResolvedTarget | string {
  const header = parseHostHeader(spec.host);
  if (typeof header === 'string') return header;
  const target = resolveTarget(e, spec);
  if (typeof target === 'string' || !header.host) return target;
  return { ...target, host: header.host, label: `${target.label} (Host: ${header.host})` };
}

/** `http://…` or `https://…` in any case (string tests, not patterns: a pattern is compiled again before its first use). */
const isUrl = (target: string) => {
  const head = target.slice(0, 8).toLowerCase();
  return head.startsWith('http://') || head.startsWith('https://');
};

/** `svc/web`, `service/web`, `services/web` → `web`, as kubectl reads a TYPE/NAME argument. */
const serviceName = (target: string) => {
  for (const prefix of ['svc/', 'service/', 'services/']) if (target.startsWith(prefix)) return target.slice(prefix.length);
  return target;
};

const nodesByName = (e: Engine) => [...(e.store.values('Node') as Iterable<V1Node>)].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
const isControlPlane = (n: V1Node) => 'node-role.kubernetes.io/control-plane' in (n.metadata?.labels ?? {});

/** The origin and URL for `spec`, or a Korean error. */
export function resolveTarget(e: Engine, spec: TrafficTargetSpec): ResolvedTarget | string {
  const ns = spec.namespace || 'default';
  let from: RequestOrigin;
  let fromLabel: string;
  if (spec.fromPod) {
    const pod = e.get<V1Pod>('Pod', keyOf(spec.fromPod, ns));
    if (!pod) return `파드 ${spec.fromPod}이(가) ${ns} 네임스페이스에 없어요. 요청을 보낼 파드 이름을 확인해 보세요.`;
    if (pod.status?.phase !== 'Running') return `파드 ${spec.fromPod}이(가) 아직 실행 중이 아니에요. Running이 된 뒤에 다시 시작해 보세요.`;
    from = { pod: spec.fromPod, namespace: ns };
    fromLabel = `파드 ${spec.fromPod}에서`;
  } else if (spec.outside) {
    from = 'outside';
    fromLabel = '클러스터 밖(내 컴퓨터)에서';
  } else {
    const nodes = nodesByName(e);
    const node = nodes.find((n) => !isControlPlane(n)) ?? nodes[0];
    if (!node) return '클러스터에 노드가 없어요.';
    from = { node: node.metadata!.name! };
    fromLabel = `클러스터 안(노드 ${node.metadata!.name!})에서`;
  }

  if (isUrl(spec.target)) {
    if (!parseUrl(spec.target)) return `주소 ${spec.target}을(를) 읽을 수 없어요. 예) http://192.168.56.11:30080/`;
    if (!spec.fromPod && !spec.outside) from = 'outside';
    return { url: spec.target, from, label: `${spec.target} ← ${from === 'outside' ? '클러스터 밖(내 컴퓨터)에서' : fromLabel}` };
  }

  const name = serviceName(spec.target);
  const svc = e.get<V1Service>('Service', keyOf(name, ns));
  if (!svc) return `서비스 ${name}이(가) ${ns} 네임스페이스에 없어요. kubectl get svc로 이름을 확인해 보세요.`;
  const ports = svc.spec?.ports ?? [];
  const sp = spec.port === undefined ? ports[0] : ports.find((p) => p.port === spec.port);
  if (!sp) return spec.port === undefined ? `서비스 ${name}에 포트가 없어요.` : `서비스 ${name}에 ${spec.port}번 포트가 없어요(있는 포트: ${ports.map((p) => p.port).join(', ') || '없음'}).`;

  if (spec.outside) {
    if (!sp.nodePort) return `서비스 ${name}은(는) ${svc.spec?.type ?? 'ClusterIP'} 타입이라 클러스터 밖에서 닿지 않아요. NodePort 서비스로 바꾸거나 --outside 없이 클러스터 안에서 보내 보세요.`;
    const node = nodesByName(e).find((n) => !isControlPlane(n)) ?? nodesByName(e)[0];
    const ip = node ? nodeInternalIp(node) : '';
    if (!ip) return '노드 주소를 찾을 수 없어요.';
    return { url: `http://${ip}:${sp.nodePort}/`, from, service: `${ns}/${name}`, label: `${ip}:${sp.nodePort} (svc/${name}의 NodePort) ← ${fromLabel}` };
  }
  if (spec.fromPod) return { url: `http://${name}:${sp.port}/`, from, service: `${ns}/${name}`, label: `svc/${name}:${sp.port} ← ${fromLabel}` };
  const clusterIP = svc.spec?.clusterIP;
  if (!clusterIP || clusterIP === 'None') return `서비스 ${name}은(는) ClusterIP가 없는(headless) 서비스예요. --from 파드이름 으로 파드 안에서 보내 보세요.`;
  return { url: `http://${clusterIP}:${sp.port}/`, from, service: `${ns}/${name}`, label: `svc/${name} (${clusterIP}:${sp.port}) ← ${fromLabel}` };
}
