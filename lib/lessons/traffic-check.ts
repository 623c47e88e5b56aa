/**
 * The zero-downtime check: "a rollout of this Deployment completed while the load generator ran, and no request
 * failed during it". The rollout's window is its current ReplicaSet's creation (the controller makes it when the
 * template changes) to the Progressing condition's NewReplicaSetAvailable update; the requests are the generator's.
 */
import type { V1Deployment, V1ReplicaSet } from '../k8s/api-types';
import type { ClusterClient } from '../cluster/types';
import { timestampMs } from '../k8s/age';

const REVISION = 'deployment.kubernetes.io/revision';

/** Korean failures for `zeroDowntimeRollout: true` on Deployment `name` (empty when it holds). */
export async function zeroDowntimeFailures(client: Pick<ClusterClient, 'get' | 'list' | 'traffic'>, name: string, ns: string): Promise<string[]> {
  if (!client.traffic) return ['트래픽 검사는 시뮬레이터에서만 할 수 있어요.'];
  let d: V1Deployment;
  try {
    d = (await client.get('Deployment', name, ns)) as V1Deployment;
  } catch {
    return [`디플로이먼트 ${name}이(가) 없습니다`];
  }
  const revision = d.metadata?.annotations?.[REVISION];
  if (!revision || revision === '1') return [`디플로이먼트 ${name}에 아직 롤링 업데이트가 없었습니다. 트래픽을 보내는 동안 이미지를 바꿔 보세요`];
  const want = d.spec?.replicas ?? 1;
  const st = d.status ?? {};
  const progressing = st.conditions?.find((c) => c.type === 'Progressing');
  const done = (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) && st.updatedReplicas === want && st.replicas === want && st.availableReplicas === want && progressing?.reason === 'NewReplicaSetAvailable';
  if (!done) return [`디플로이먼트 ${name}의 롤아웃이 아직 끝나지 않았습니다 (새 버전 ${st.updatedReplicas ?? 0}/${want}개)`];
  const sets = (await client.list('ReplicaSet', ns)) as V1ReplicaSet[];
  const current = sets.find((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid) && rs.metadata?.annotations?.[REVISION] === revision);
  const from = timestampMs(current?.metadata?.creationTimestamp);
  const to = timestampMs(progressing?.lastUpdateTime) + 1_000;
  if (!current || !from || !to) return [`디플로이먼트 ${name}의 롤아웃 시간을 알 수 없습니다`];
  const stats = await client.traffic.stats();
  const coveredStart = stats.startedAt !== undefined && stats.startedAt <= from;
  const coveredEnd = stats.running || (stats.stoppedAt !== undefined && stats.stoppedAt >= to);
  if (!coveredStart || !coveredEnd) return [`롤아웃(리비전 ${revision})이 진행되는 동안 트래픽이 계속 흐르지 않았습니다. 트래픽을 먼저 보내고 이미지를 바꿔 보세요`];
  const { sent, failed } = await client.traffic.between(from, to);
  if (!sent) return ['롤아웃 동안 보낸 요청이 없습니다'];
  if (failed) return [`롤아웃 동안 요청 ${sent}개 중 ${failed}개가 실패했습니다. 새 파드에는 준비성 프로브를, 물러나는 옛 파드에는 preStop을 넣고 다시 해 보세요`];
  return [];
}
