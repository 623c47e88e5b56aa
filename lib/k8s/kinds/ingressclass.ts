/**
 * IngressClass (networking.k8s.io/v1, cluster-scoped): names the controller that implements a class of Ingresses
 * (`spec.controller`, e.g. `k8s.io/ingress-nginx`); the annotation `ingressclass.kubernetes.io/is-default-class:
 * "true"` makes it the class of Ingresses that name none. Names as pkg/registry/networking/ingressclass/storage
 * registers them (no short name); columns and cells as printers.go (ingressClassColumnDefinitions, printIngressClass);
 * validation as pkg/apis/networking/validation/validation.go validateIngressClassSpec (IsDomainPrefixedPath).
 */
import type { V1IngressClass } from '../api-types';
import { ageSince } from '../age';
import { fieldInvalid, fieldRequired, fieldTooLong, type FieldError } from '../field-errors';
import { validateDNS1123Subdomain } from '../names';
import { ALL_VERBS, columns, type KindDef } from './kind';
import { nameOf } from './printing';

/** maxLenIngressClassController in validation.go. */
const MAX_CONTROLLER_LENGTH = 250;

/** apimachinery IsDomainPrefixedPath: `example.com/path`, the domain a DNS subdomain, the path not empty. */
function controllerErrors(controller: string): FieldError[] {
  const path = 'spec.controller';
  if (!controller) return [fieldRequired(path)];
  const errs: FieldError[] = [];
  if (controller.length > MAX_CONTROLLER_LENGTH) errs.push(fieldTooLong(path, `may not be more than ${MAX_CONTROLLER_LENGTH} bytes`));
  const slash = controller.indexOf('/');
  if (slash < 0) return [...errs, fieldInvalid(path, controller, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  for (const m of validateDNS1123Subdomain(controller.slice(0, slash))) errs.push(fieldInvalid(path, controller.slice(0, slash), m));
  if (slash === controller.length - 1) errs.push(fieldInvalid(path, controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  return errs;
}

export const INGRESSCLASS = {
  kind: 'IngressClass',
  group: 'networking.k8s.io',
  version: 'v1',
  plural: 'ingressclasses',
  singular: 'ingressclass',
  shortNames: [],
  categories: [],
  namespaced: false,
  ko: '인그레스 클래스',
  verbs: ALL_VERBS,
  subresources: [],
  columns: columns([
    ['Name'],
    ['Controller', 'string', 0, 'Controller that is responsible for handling this class'],
    ['Parameters', 'string', 0, 'A reference to a resource with additional parameters'],
    ['Age'],
  ]),
  cells: (ic: V1IngressClass, now: number) => {
    const p = ic.spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [nameOf(ic), ic.spec?.controller ?? '', parameters, ageSince(ic.metadata?.creationTimestamp, now)];
  },
  strategy: {
    validate: (ic: V1IngressClass) => controllerErrors(ic.spec?.controller ?? ''),
  },
  fieldsKo: {
    IngressClass: {
      '': '인그레스 클래스는 어떤 인그레스 컨트롤러가 인그레스를 맡을지 정해요. 인그레스의 spec.ingressClassName이 이 이름을 가리켜요.',
      spec: '이 클래스를 맡는 컨트롤러',
    },
    IngressClassSpec: {
      controller: '이 클래스를 구현하는 컨트롤러 이름 (예: k8s.io/ingress-nginx). 만든 뒤에는 바꿀 수 없어요.',
      parameters: '컨트롤러에 줄 추가 설정 객체 (선택)',
    },
  },
} as const satisfies KindDef;
