import { Arrow, Box, Figure, Label } from './primitives';

const ID = 'cluster-architecture';

function Worker({ x, name, pods }: { x: number; name: string; pods: string[] }) {
  return (
    <g>
      <Box x={x} y={220} w={260} h={205} tone="worker" label={`워커 노드 (${name})`} labelAt="top" />
      <Box x={x + 15} y={250} w={110} h={40} tone="part" label="kubelet" sub="파드 관리" />
      <Box x={x + 135} y={250} w={110} h={40} tone="part" label="kube-proxy" sub="네트워크 규칙" />
      <Box x={x + 15} y={298} w={230} h={38} tone="part" label="컨테이너 런타임" sub="containerd · 컨테이너 실행" />
      {pods.map((p, i) => (
        <Box key={p} x={x + 15 + i * 80} y={348} w={70} h={60} tone="pod" label="파드" sub={p} />
      ))}
    </g>
  );
}

/** Control plane (master node) components above two worker nodes, kubectl talking to the API server. */
export function ClusterArchitectureDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={445}
      title="쿠버네티스 클러스터의 구조"
      desc="컨트롤 플레인(마스터 노드)에는 kube-apiserver, etcd, kube-scheduler, kube-controller-manager가 있고, 워커 노드 두 대에는 각각 kubelet, kube-proxy, 컨테이너 런타임(containerd)이 있고, 그 위에서 파드가 실행됩니다. kubectl은 kube-apiserver에 요청을 보내고, 각 노드의 kubelet도 kube-apiserver와 통신합니다."
      caption="설계도는 컨트롤 플레인이, 실제 실행은 워커 노드가 맡습니다"
    >
      <Box x={20} y={20} w={90} h={44} tone="muted" label="kubectl" sub="우리" />
      <Box x={140} y={10} w={480} h={170} tone="plane" label="컨트롤 플레인 (마스터 노드)" labelAt="top" />
      <Box x={160} y={45} w={200} h={48} tone="part" label="kube-apiserver" sub="모든 요청의 정문" />
      <Box x={400} y={45} w={200} h={48} tone="part" label="etcd" sub="클러스터 데이터 저장소" />
      <Box x={160} y={115} w={200} h={48} tone="part" label="kube-scheduler" sub="파드를 둘 노드 선택" />
      <Box x={400} y={115} w={200} h={48} tone="part" label="kube-controller-manager" sub="디플로이먼트·레플리카셋 컨트롤러" />
      <Arrow id={ID} x1={110} y1={42} x2={158} y2={62} />
      <Arrow id={ID} x1={360} y1={69} x2={398} y2={69} label="저장" />
      <Arrow id={ID} x1={260} y1={93} x2={260} y2={113} />
      <Arrow id={ID} x1={480} y1={113} x2={340} y2={94} />
      <Arrow id={ID} x1={200} y1={93} x2={110} y2={248} dashed />
      <Arrow id={ID} x1={300} y1={93} x2={420} y2={248} dashed />
      <Worker x={20} name="worker-1" pods={['web-1', 'web-2', 'db-1']} />
      <Worker x={360} name="worker-2" pods={['web-3', 'api-1']} />
      <Label x={250} y={205} size={11}>
        kubelet이 할 일을 받고 상태를 보고
      </Label>
    </Figure>
  );
}
