/**
 * EndpointSlice (discovery.k8s.io/v1): a Service's endpoints in slices, what kube-proxy reads. Names as
 * pkg/registry/discovery/endpointslice/storage/storage.go registers them; columns and cells as
 * pkg/printers/internalversion/printers.go (endpointSliceColumnDefinitions, printEndpointSlice with
 * formatDiscoveryPorts, formatDiscoveryEndpoints and listWithMoreString).
 */
import type { DiscoveryV1EndpointPort, V1Endpoint, V1EndpointSlice } from '../api-types';
import { ageSince } from '../age';
import { ALL_VERBS, columns, type KindDef } from './kind';
import { nameOf } from './printing';

/** At most three entries, then ` + N more...`; `<unset>` when there are none. */
function listWithMore(items: string[]): string {
  const max = 3;
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : '<unset>';
}

const formatPorts = (ports: DiscoveryV1EndpointPort[] = []) => listWithMore(ports.map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))));
const formatEndpoints = (endpoints: V1Endpoint[] = []) => listWithMore(endpoints.flatMap((e) => e.addresses ?? []));

export const ENDPOINTSLICE = {
  kind: 'EndpointSlice',
  group: 'discovery.k8s.io',
  version: 'v1',
  plural: 'endpointslices',
  singular: 'endpointslice',
  shortNames: [],
  categories: [],
  namespaced: true,
  ko: '엔드포인트슬라이스',
  verbs: ALL_VERBS,
  subresources: [],
  columns: columns([
    ['Name'],
    ['AddressType', 'string', 0, 'The IP protocol for this slice'],
    ['Ports', 'string', 0, 'Ports in this slice'],
    ['Endpoints', 'string', 0, 'Endpoints in this slice'],
    ['Age'],
  ]),
  cells: (s: V1EndpointSlice, now: number) => [nameOf(s), s.addressType, formatPorts(s.ports), formatEndpoints(s.endpoints), ageSince(s.metadata?.creationTimestamp, now)],
  fieldsKo: {
    EndpointSlice: {
      '': '엔드포인트슬라이스는 서비스가 트래픽을 보낼 파드 주소를 조각(슬라이스)으로 나눠 담아요. kube-proxy가 이것을 읽어요.',
      addressType: '주소 종류: IPv4, IPv6, FQDN.',
      endpoints: '엔드포인트(파드 주소) 목록. 슬라이스 하나에 최대 100개(기본).',
      ports: '이 슬라이스의 모든 엔드포인트가 여는 포트.',
    },
    Endpoint: {
      '': '엔드포인트 하나(보통 파드 하나)예요.',
      addresses: '주소 (파드 IP).',
      conditions: '준비 상태: ready, serving, terminating.',
      nodeName: '이 엔드포인트가 있는 노드.',
      targetRef: '이 엔드포인트의 파드.',
      hostname: '호스트 이름.',
      zone: '존.',
    },
    EndpointConditions: {
      '': '엔드포인트의 현재 상태예요.',
      ready: '트래픽을 받을 준비가 됐는지. 종료 중이면 false예요.',
      serving: 'ready와 같지만 종료 중에도 파드가 준비됐으면 true예요.',
      terminating: '파드가 종료 중인지.',
    },
  },
} as const satisfies KindDef;
