/**
 * PodDisruptionBudget (policy/v1): how many of an application's pods a voluntary disruption (an eviction, e.g. by
 * `kubectl drain`) may take down at once. Names as pkg/registry/policy/poddisruptionbudget/storage/storage.go
 * registers them (short name `pdb`, no category); columns and cells as pkg/printers/internalversion/printers.go
 * (podDisruptionBudgetColumnDefinitions, printPodDisruptionBudget) prints them: an unset MIN AVAILABLE or MAX
 * UNAVAILABLE is `N/A`. Rules as pkg/registry/policy/poddisruptionbudget/strategy.go (the status subresource owns
 * status; a spec change bumps generation) and pkg/apis/policy/validation/validation.go.
 */
import type { V1PodDisruptionBudget } from '../api-types';
import { ageSince } from '../age';
import { fieldInvalid, fieldNotSupported, type FieldError } from '../field-errors';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { nameOf } from './printing';

const intOrPercentText = (v: number | string | undefined): string => (v === undefined || v === null ? 'N/A' : String(v));

/** apps validation ValidatePositiveIntOrPercent + IsNotMoreThan100Percent, as the PDB validation applies them. */
function validateIntOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    const m = /^(\d+)%$/.exec(v);
    if (!m) return [fieldInvalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
    return Number(m[1]) > 100 ? [fieldInvalid(path, v, 'must not be greater than 100%')] : [];
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) return [fieldInvalid(path, v, 'must be an integer')];
  return v < 0 ? [fieldInvalid(path, v, 'must be greater than or equal to 0')] : [];
}

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** ValidatePodDisruptionBudgetSpec: minAvailable and maxUnavailable exclude each other; each a non-negative int or ≤ 100%. */
export function validatePodDisruptionBudget(pdb: V1PodDisruptionBudget): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) errs.push(fieldInvalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'), ...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !EVICTION_POLICIES.includes(policy)) errs.push(fieldNotSupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  return errs;
}

export const PODDISRUPTIONBUDGET = {
  kind: 'PodDisruptionBudget',
  group: 'policy',
  version: 'v1',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  shortNames: ['pdb'],
  categories: [],
  namespaced: true,
  generation: true,
  ko: '파드 중단 예산',
  verbs: ALL_VERBS,
  subresources: [statusSubresource('PodDisruptionBudget')],
  columns: columns([
    ['Name'],
    ['Min Available', 'string', 0, 'The minimum number of pods that must be available.'],
    ['Max Unavailable', 'string', 0, 'The maximum number of pods that may be unavailable.'],
    ['Allowed Disruptions', 'integer', 0, 'Calculated number of pods that may be disrupted at this time.'],
    ['Age'],
  ]),
  cells: (pdb: V1PodDisruptionBudget, now: number) => [
    nameOf(pdb),
    intOrPercentText(pdb.spec?.minAvailable),
    intOrPercentText(pdb.spec?.maxUnavailable),
    pdb.status?.disruptionsAllowed ?? 0,
    ageSince(pdb.metadata?.creationTimestamp, now),
  ],
  strategy: { validate: validatePodDisruptionBudget },
  fieldsKo: {
    PodDisruptionBudget: {
      '': '파드 중단 예산(PDB)은 자발적 중단(예: kubectl drain의 축출) 때 한 애플리케이션의 파드가 한꺼번에 몇 개까지 내려가도 되는지 정해요.',
      spec: 'PDB의 원하는 상태.',
      status: 'PDB의 현재 상태. 디스럽션 컨트롤러가 채우는 읽기 전용 필드예요.',
    },
    PodDisruptionBudgetSpec: {
      '': 'PDB의 원하는 상태예요.',
      minAvailable: '축출 뒤에도 남아 있어야 하는 준비된 파드 수 또는 비율(예: 2, "50%"). maxUnavailable과 함께 쓸 수 없어요.',
      maxUnavailable: '한꺼번에 준비되지 않아도 되는 파드 수 또는 비율(예: 1, "25%"). minAvailable과 함께 쓸 수 없어요.',
      selector: '이 예산이 지키는 파드를 고르는 셀렉터. policy/v1에서 빈 셀렉터({})는 네임스페이스의 모든 파드를 골라요.',
      unhealthyPodEvictionPolicy: '준비되지 않은 파드의 축출 규칙: IfHealthyBudget(기본, 예산이 넉넉할 때만) 또는 AlwaysAllow(언제나).',
    },
    PodDisruptionBudgetStatus: {
      '': 'PDB의 현재 상태예요.',
      observedGeneration: '컨트롤러가 마지막으로 반영한 PDB의 generation.',
      disruptedPods: '축출 API가 받아들였지만 컨트롤러가 아직 확인하지 못한 파드와 그 시각.',
      disruptionsAllowed: '지금 허용되는 중단(축출) 수.',
      currentHealthy: '지금 건강한(준비된) 파드 수.',
      desiredHealthy: '있어야 하는 건강한 파드의 최소 수.',
      expectedPods: '이 예산이 세는 전체 파드 수.',
      conditions: 'DisruptionAllowed 조건: 축출이 허용되면 True(SufficientPods), 아니면 False(InsufficientPods).',
    },
  },
} as const satisfies KindDef;
