import type { Kind } from './types';

/** Korean name of each kind, as the kubernetes.io/ko glossary writes it. Shared by the engine's causes and the UI. */
export const KIND_KO: Record<Kind, string> = {
  Namespace: '네임스페이스',
  Node: '노드',
  Pod: '파드',
  ReplicaSet: '레플리카셋',
  Deployment: '디플로이먼트',
  Service: '서비스',
  Endpoints: '엔드포인트',
  Event: '이벤트',
};
