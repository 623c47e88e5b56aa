import { Arrow, Box, Figure, Label } from './primitives';

const ID = 'kubeadm-setup';

/** kubeadm init on the master, Calico, then kubeadm join from each worker. */
export function KubeadmSetupDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={250}
      title="kubeadm으로 클러스터 만들기"
      desc="마스터 노드에서 kubeadm init으로 컨트롤 플레인을 만들고 Calico CNI를 설치합니다. init이 출력한 kubeadm join 명령을 워커 노드 두 대에서 실행하면 워커 노드가 클러스터에 합류합니다."
      caption="init은 마스터에서 한 번, join은 워커마다 한 번"
    >
      <Box x={20} y={20} w={280} h={200} tone="plane" label="마스터 노드" labelAt="top" />
      <Box x={40} y={55} w={240} h={40} tone="part" label="① sudo kubeadm init" />
      <Box x={40} y={110} w={240} h={40} tone="part" label="② kubeconfig 복사 → kubectl" />
      <Box x={40} y={165} w={240} h={40} tone="part" label="③ Calico(CNI) 설치" />
      <Box x={380} y={30} w={240} h={80} tone="worker" label="워커 노드 1" sub="④ sudo kubeadm join …" />
      <Box x={380} y={140} w={240} h={80} tone="worker" label="워커 노드 2" sub="④ sudo kubeadm join …" />
      <Arrow id={ID} x1={378} y1={70} x2={302} y2={75} label="토큰·해시" />
      <Arrow id={ID} x1={378} y1={180} x2={302} y2={130} />
      <Label x={500} y={240} size={11}>
        모든 노드가 Ready가 되면 완성
      </Label>
    </Figure>
  );
}
