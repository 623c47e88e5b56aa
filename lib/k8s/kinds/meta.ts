/**
 * Korean descriptions of the apimachinery meta/v1 types every kind embeds (ObjectMeta, LabelSelector, …) and of
 * the fields every top-level object has.
 */
import type { KoreanFieldDocs } from './kind';

/** apiVersion, kind and metadata of any kind's root type, unless its own module says otherwise. */
export const ROOT_FIELDS_KO: Readonly<Record<string, string>> = {
  apiVersion: '이 오브젝트의 API 버전 (예: v1, apps/v1).',
  kind: '오브젝트 종류 (예: Pod, Deployment).',
  metadata: '이름, 네임스페이스, 레이블처럼 모든 오브젝트가 가지는 메타데이터예요.',
};

export const META_FIELDS_KO: KoreanFieldDocs = {
  ObjectMeta: {
    '': '이름, 네임스페이스, 레이블처럼 모든 오브젝트가 가지는 메타데이터예요.',
    name: '오브젝트 이름. 네임스페이스 안에서 종류별로 유일해야 해요.',
    generateName: '이름을 비워 두면 이 접두어 뒤에 무작위 문자를 붙여 이름을 만들어요.',
    namespace: '오브젝트가 속한 네임스페이스. 비우면 default예요.',
    labels: '키-값 레이블. 셀렉터가 오브젝트를 고를 때 써요 (예: app: web).',
    annotations: '도구가 읽는 부가 정보(키-값). 셀렉터로 고를 수는 없어요.',
    uid: '클러스터가 붙이는 고유 ID (읽기 전용).',
    resourceVersion: '변경될 때마다 바뀌는 버전. 동시 수정 충돌을 막는 데 써요.',
    generation: 'spec이 바뀔 때마다 올라가는 번호.',
    creationTimestamp: '만들어진 시각 (읽기 전용).',
    deletionTimestamp: '삭제가 요청된 시각 (읽기 전용).',
    deletionGracePeriodSeconds: '삭제 유예 시간(초).',
    ownerReferences: '이 오브젝트를 소유한 오브젝트 (예: 파드 → 레플리카셋). 소유자가 지워지면 함께 지워져요.',
    finalizers: '삭제 전에 처리해야 할 작업 목록.',
    managedFields: '필드별 관리자 기록 (읽기 전용).',
    selfLink: '(사용 중단) 이 오브젝트의 API 주소.',
  },
  OwnerReference: {
    '': '이 오브젝트를 소유한 오브젝트를 가리켜요.',
    apiVersion: '소유자의 API 버전.',
    kind: '소유자의 종류 (예: ReplicaSet).',
    name: '소유자의 이름.',
    uid: '소유자의 고유 ID.',
    controller: 'true면 이 소유자가 오브젝트를 관리하는 컨트롤러예요.',
    blockOwnerDeletion: 'true면 포그라운드 삭제 때 이 오브젝트가 먼저 지워질 때까지 소유자 삭제를 기다려요.',
  },
  LabelSelector: {
    '': '레이블 셀렉터: 어떤 오브젝트를 고를지 정하는 조건이에요.',
    matchLabels: '이 레이블을 모두 가진 오브젝트를 골라요.',
    matchExpressions: 'In, NotIn, Exists, DoesNotExist 조건 목록.',
  },
  LabelSelectorRequirement: {
    '': '셀렉터 조건 하나예요.',
    key: '레이블 키.',
    operator: 'In, NotIn, Exists, DoesNotExist 중 하나.',
    values: '값 목록 (In/NotIn일 때).',
  },
};
