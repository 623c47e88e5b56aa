/**
 * Ingress (networking.k8s.io/v1): HTTP routes from outside the cluster to Services, by host and path, served by an
 * ingress controller. Names as pkg/registry/networking/ingress/storage/storage.go registers them (short name `ing`,
 * no category); columns and cells as pkg/printers/internalversion/printers.go (ingressColumnDefinitions,
 * printIngress, formatHosts, formatPorts, ingressLoadBalancerStatusStringer); validation as
 * pkg/apis/networking/validation/validation.go (ValidateIngressSpec, validateHTTPIngressPath, validateIngressBackend).
 */
import type { V1Ingress, V1IngressBackend } from '../api-types';
import { ageSince } from '../age';
import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../field-errors';
import { validateDNS1035Label, validateDNS1123Subdomain } from '../names';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { nameOf } from './printing';

export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;
/** loadBalancerWidth in printers.go: ADDRESS is clipped to 16 characters outside -o wide. */
const LOAD_BALANCER_WIDTH = 16;

/** formatHosts: the first three hosts, `+ N more...` past them, `*` when no rule names one. */
function formatHosts(ing: V1Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const hosts: string[] = [];
  let more = false;
  for (const r of rules) {
    if (hosts.length === 3) more = true;
    if (!more && r.host) hosts.push(r.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

/** ingressLoadBalancerStatusStringer: the sorted set of IPs (else hostnames), clipped outside -o wide. */
function formatAddress(ing: V1Ingress): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) if (i.ip) set.add(i.ip);
  else if (i.hostname) set.add(i.hostname);
  const r = [...set].sort().join(',');
  return r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r;
}

const IP_V4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const WILDCARD = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** apimachinery IsWildcardDNS1123Subdomain's message. */
const WILDCARD_MESSAGE =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
/** IsValidPortName (IANA_SVC_NAME). */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (name.includes('--')) errs.push("must not contain consecutive hyphens");
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (/^-|-$/.test(name)) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** validateIngressBackend for the v1 field names. */
export function backendErrors(b: V1IngressBackend, path: string): FieldError[] {
  if (b.resource && b.service) return [fieldInvalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) return b.resource.kind && b.resource.name ? [] : [fieldRequired(`${path}.resource.${b.resource.kind ? 'name' : 'kind'}`)];
  if (!b.service) return [fieldInvalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = b.service.name ?? '';
  if (!name) errs.push(fieldRequired(`${path}.service.name`));
  else for (const m of validateDNS1035Label(name)) errs.push(fieldInvalid(`${path}.service.name`, name, m));
  const port = b.service.port ?? {};
  if (port.name && port.number) errs.push(fieldInvalid(path, '', 'cannot set both port name & port number'));
  else if (port.name) for (const m of portNameErrors(port.name)) errs.push(fieldInvalid(`${path}.service.port.name`, port.name, m));
  else if (port.number) {
    if (port.number < 1 || port.number > 65535) errs.push(fieldInvalid(`${path}.service.port.number`, port.number, 'must be between 1 and 65535, inclusive'));
  } else errs.push(fieldRequired(path, 'port name or number is required'));
  return errs;
}

function ruleErrors(ing: V1Ingress): FieldError[] {
  const errs: FieldError[] = [];
  (ing.spec?.rules ?? []).forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    const host = rule.host ?? '';
    if (host) {
      if (IP_V4.test(host)) errs.push(fieldInvalid(`${at}.host`, host, 'must be a DNS name, not an IP address'));
      if (host.includes('*')) {
        if (!WILDCARD.test(host)) errs.push(fieldInvalid(`${at}.host`, host, WILDCARD_MESSAGE));
      } else for (const m of validateDNS1123Subdomain(host)) errs.push(fieldInvalid(`${at}.host`, host, m));
    }
    if (!rule.http) return;
    if (!rule.http.paths?.length) errs.push(fieldRequired(`${at}.http.paths`));
    (rule.http.paths ?? []).forEach((p, j) => {
      const pp = `${at}.http.paths[${j}]`;
      if (!p.pathType) return void errs.push(fieldRequired(`${pp}.pathType`, 'pathType must be specified'));
      if (!(PATH_TYPES as readonly string[]).includes(p.pathType)) errs.push(fieldNotSupported(`${pp}.pathType`, p.pathType, PATH_TYPES));
      else if ((p.pathType !== 'ImplementationSpecific' || p.path) && !(p.path ?? '').startsWith('/')) errs.push(fieldInvalid(`${pp}.path`, p.path ?? '', 'must be an absolute path'));
      errs.push(...backendErrors(p.backend ?? {}, `${pp}.backend`));
    });
  });
  return errs;
}

export const INGRESS = {
  kind: 'Ingress',
  group: 'networking.k8s.io',
  version: 'v1',
  plural: 'ingresses',
  singular: 'ingress',
  shortNames: ['ing'],
  categories: [],
  namespaced: true,
  ko: '인그레스',
  verbs: ALL_VERBS,
  subresources: [statusSubresource('Ingress')],
  generation: true,
  columns: columns([
    ['Name'],
    ['Class', 'string', 0, 'The name of the IngressClass resource that should be used for additional configuration'],
    ['Hosts', 'string', 0, 'Hosts that incoming requests are matched against before the ingress rule'],
    ['Address', 'string', 0, 'Address is a list containing ingress points for the load-balancer'],
    ['Ports', 'string', 0, 'Ports of TLS configurations that open'],
    ['Age'],
  ]),
  cells: (ing: V1Ingress, now: number) => [
    nameOf(ing),
    ing.spec?.ingressClassName ?? '<none>',
    formatHosts(ing),
    formatAddress(ing),
    ing.spec?.tls?.length ? '80, 443' : '80',
    ageSince(ing.metadata?.creationTimestamp, now),
  ],
  strategy: {
    validate(ing: V1Ingress) {
      const errs: FieldError[] = [];
      const spec = ing.spec ?? {};
      if (!spec.rules?.length && !spec.defaultBackend) errs.push(fieldInvalid('spec', null, 'either `defaultBackend` or `rules` must be specified'));
      if (spec.defaultBackend) errs.push(...backendErrors(spec.defaultBackend, 'spec.defaultBackend'));
      errs.push(...ruleErrors(ing));
      if (spec.ingressClassName !== undefined) for (const m of validateDNS1123Subdomain(spec.ingressClassName)) errs.push(fieldInvalid('spec.ingressClassName', spec.ingressClassName, m));
      const annotation = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
      if (annotation !== undefined && spec.ingressClassName !== undefined) errs.push(fieldInvalid('annotations.kubernetes.io/ingress.class', annotation, 'can not be set when the class field is also set'));
      return errs;
    },
  },
  fieldsKo: {
    Ingress: {
      '': '인그레스는 클러스터 바깥의 HTTP 요청을 호스트 이름과 경로에 따라 서비스로 보내는 규칙이에요. 규칙을 실제로 따르는 것은 인그레스 컨트롤러(예: ingress-nginx) 파드예요.',
      spec: '어떤 호스트·경로를 어느 서비스로 보낼지',
      status: '컨트롤러가 채우는 상태: 요청을 받는 주소(loadBalancer.ingress)',
    },
    IngressSpec: {
      ingressClassName: '이 인그레스를 맡을 컨트롤러를 고르는 IngressClass 이름 (예: nginx). 비우면 기본 IngressClass가 맡아요.',
      defaultBackend: '어느 규칙에도 맞지 않는 요청을 받을 서비스',
      rules: '호스트별 규칙 목록. 호스트를 비운 규칙은 모든 호스트에 적용돼요.',
      tls: 'HTTPS 설정 (인증서를 담은 시크릿과 호스트)',
    },
    IngressRule: {
      host: '요청의 Host 헤더와 맞춰 볼 도메인 (예: php.example.com, *.example.com). IP 주소는 쓸 수 없어요.',
      http: '경로별로 어느 서비스로 보낼지',
    },
    HTTPIngressPath: {
      path: '요청 경로 (/로 시작)',
      pathType: 'Exact(정확히 같은 경로만), Prefix(/로 나눈 조각 단위 접두사), ImplementationSpecific(컨트롤러 방식; ingress-nginx는 Prefix처럼 다뤄요)',
      backend: '맞는 요청을 받을 서비스와 포트',
    },
    IngressServiceBackend: {
      name: '요청을 받을 서비스 이름 (인그레스와 같은 네임스페이스)',
      port: '서비스의 포트 번호(number) 또는 이름(name) — 둘 중 하나만',
    },
  },
} as const satisfies KindDef;
