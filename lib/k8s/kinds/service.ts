/**
 * Service (core/v1). Names and categories as pkg/registry/core/service/storage/storage.go registers them;
 * columns and cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Service } from '../api-types';
import { ageSince } from '../age';
import { columns, statusSubresource, type KindDef } from './kind';
import { formatLabels, nameOf } from './printing';

function serviceExternalIP(svc: V1Service): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const external = svc.spec?.externalIPs ?? [];
  if (type === 'ExternalName') return svc.spec?.externalName ?? '<none>';
  if (type === 'LoadBalancer') {
    const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
    const all = [...ingress, ...external];
    return all.length > 0 ? all.join(',') : '<pending>';
  }
  return external.length > 0 ? external.join(',') : '<none>';
}

function servicePorts(svc: V1Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

export const SERVICE = {
  kind: 'Service',
  group: '',
  version: 'v1',
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  categories: ['all'],
  namespaced: true,
  ko: '서비스',
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [statusSubresource('Service')],
  columns: columns([
    ['Name'],
    ['Type', 'string', 0, 'type determines how the Service is exposed.'],
    ['Cluster-IP', 'string', 0, 'clusterIP is the IP address of the service.'],
    ['External-IP', 'string', 0, 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic.'],
    ['Port(s)', 'string', 0, 'The list of ports that are exposed by this service.'],
    ['Age'],
    ['Selector', 'string', 1, 'Route service traffic to pods with label keys and values matching this selector.'],
  ]),
  cells: (svc: V1Service, now: number) => [
    nameOf(svc),
    svc.spec?.type ?? 'ClusterIP',
    // printService reads clusterIPs (the dual-stack list the API server always fills), not the legacy clusterIP
    svc.spec?.clusterIPs?.[0] || '<none>',
    serviceExternalIP(svc),
    servicePorts(svc),
    ageSince(svc.metadata?.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ],
  fieldsKo: {
    Service: {
      '': '서비스는 레이블 셀렉터로 고른 파드들을 하나의 고정된 주소로 묶어 노출해요.',
      spec: '서비스의 원하는 상태.',
      status: '서비스의 현재 상태 (로드밸런서 주소 등).',
    },
    ServiceSpec: {
      '': '서비스의 원하는 상태예요.',
      type: 'ClusterIP(기본), NodePort, LoadBalancer, ExternalName.',
      selector: '이 레이블을 가진 파드로 트래픽을 보내요.',
      ports: '서비스가 여는 포트 목록.',
      clusterIP: '클러스터 내부 가상 IP. 보통 자동으로 정해져요. None이면 헤드리스 서비스.',
      clusterIPs: '클러스터 IP 목록.',
      externalIPs: '외부 IP 목록.',
      externalName: 'ExternalName 타입일 때 가리킬 DNS 이름.',
      sessionAffinity: 'ClientIP면 같은 클라이언트를 같은 파드로 보내요. 기본 None.',
      sessionAffinityConfig: '세션 어피니티 설정.',
      externalTrafficPolicy: 'Cluster(기본) 또는 Local.',
      internalTrafficPolicy: 'Cluster(기본) 또는 Local.',
      loadBalancerIP: '(사용 중단) 로드밸런서 IP.',
      loadBalancerClass: '로드밸런서 구현 클래스.',
      loadBalancerSourceRanges: '접근을 허용할 CIDR.',
      allocateLoadBalancerNodePorts: '로드밸런서에 노드 포트를 할당할지.',
      healthCheckNodePort: '헬스 체크 노드 포트.',
      publishNotReadyAddresses: '준비되지 않은 파드도 엔드포인트에 넣을지.',
      ipFamilies: 'IPv4, IPv6.',
      ipFamilyPolicy: 'SingleStack, PreferDualStack, RequireDualStack.',
      trafficDistribution: '트래픽을 가까운 엔드포인트로 보낼지 같은 선호.',
    },
    ServicePort: {
      '': '서비스 포트 하나예요.',
      name: '포트 이름 (포트가 여러 개면 필요).',
      protocol: 'TCP(기본), UDP, SCTP.',
      port: '서비스가 여는 포트.',
      targetPort: '트래픽을 보낼 파드 쪽 포트 (번호나 이름). 기본은 port와 같아요.',
      nodePort: 'NodePort/LoadBalancer일 때 노드에서 여는 포트 (30000-32767).',
      appProtocol: '애플리케이션 프로토콜.',
    },
  },
} as const satisfies KindDef;
