/**
 * Deployment (apps/v1). Names and categories as pkg/registry/apps/deployment/storage/storage.go registers them;
 * columns and cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Deployment } from '../api-types';
import { ageSince } from '../age';
import { ALL_VERBS, columns, scaleSubresource, statusSubresource, type KindDef } from './kind';
import { nameOf, selectorString, templateCells } from './printing';

export const DEPLOYMENT = {
  kind: 'Deployment',
  group: 'apps',
  version: 'v1',
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  categories: ['all'],
  namespaced: true,
  generation: true,
  ko: '디플로이먼트',
  verbs: ALL_VERBS,
  subresources: [scaleSubresource, statusSubresource('Deployment')],
  columns: columns([
    ['Name'],
    ['Ready', 'string', 0, 'Number of the pod with ready state'],
    ['Up-to-date', 'string', 0, 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'],
    ['Available', 'string', 0, 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'Label selector for pods.'],
  ]),
  cells: (d: V1Deployment, now: number) => [
    nameOf(d),
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    d.status?.updatedReplicas ?? 0,
    d.status?.availableReplicas ?? 0,
    ageSince(d.metadata?.creationTimestamp, now),
    ...templateCells(d.spec?.template?.spec?.containers),
    selectorString(d.spec?.selector),
  ],
  fieldsKo: {
    Deployment: {
      '': '디플로이먼트는 레플리카셋을 관리하며 파드를 선언적으로 업데이트(롤링 업데이트, 롤백)해요.',
      spec: '디플로이먼트의 원하는 상태.',
      status: '디플로이먼트의 현재 상태. 컨트롤러가 채우는 읽기 전용 필드예요.',
    },
    DeploymentSpec: {
      '': '디플로이먼트의 원하는 상태예요.',
      replicas: '원하는 파드 개수. 기본 1.',
      selector: '이 디플로이먼트가 관리할 파드를 고르는 레이블 셀렉터. 템플릿의 레이블과 맞아야 해요.',
      template: '새 파드를 만들 때 쓰는 틀(템플릿).',
      strategy: '파드를 새 버전으로 바꾸는 방법.',
      minReadySeconds: '파드가 준비된 뒤 사용 가능으로 볼 때까지 기다릴 시간(초).',
      revisionHistoryLimit: '롤백용으로 남겨 둘 예전 레플리카셋 수 (기본 10).',
      progressDeadlineSeconds: '진행이 없으면 실패로 볼 시간(초) (기본 600).',
      paused: 'true면 템플릿을 바꿔도 롤아웃하지 않아요.',
    },
    DeploymentStrategy: {
      '': '파드를 새 버전으로 바꾸는 방법이에요.',
      type: 'RollingUpdate(기본): 조금씩 바꿔요. Recreate: 모두 지우고 새로 만들어요.',
      rollingUpdate: '롤링 업데이트 설정 (type이 RollingUpdate일 때만).',
    },
    RollingUpdateDeployment: {
      '': '롤링 업데이트 설정이에요.',
      maxSurge: '업데이트 중 원하는 개수보다 더 만들 수 있는 파드 수 (기본 25%).',
      maxUnavailable: '업데이트 중 사용할 수 없어도 되는 파드 수 (기본 25%).',
    },
    DeploymentStatus: {
      '': '디플로이먼트의 현재 상태예요.',
      replicas: '이 디플로이먼트가 관리하는 파드 수.',
      updatedReplicas: '새 템플릿으로 만들어진 파드 수.',
      readyReplicas: '준비된 파드 수.',
      availableReplicas: '사용 가능한 파드 수.',
      conditions: '진행 상태 조건 (Available, Progressing).',
      observedGeneration: '컨트롤러가 마지막으로 처리한 generation.',
    },
  },
} as const satisfies KindDef;
