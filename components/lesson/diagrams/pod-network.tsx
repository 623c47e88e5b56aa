import { Arrow, Box, Figure, Label } from './primitives';

const ID = 'pod-network';

/** Two containers sharing one pod's network namespace, next to a second pod with its own IP. */
export function PodNetworkDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={250}
      title="파드 안의 컨테이너는 네트워크를 함께 씁니다"
      desc="파드 web의 IP는 10.244.1.5이고 그 안의 nginx 컨테이너(포트 80)와 log-agent 컨테이너(포트 9000)는 같은 네트워크 네임스페이스를 공유해 localhost로 통신합니다. 다른 파드 api는 자기만의 IP 10.244.2.8을 가지며 파드 IP로 접근합니다."
      caption="같은 파드 = 같은 IP·포트 공간·호스트 이름, 다른 파드 = 다른 IP"
    >
      <Box x={20} y={20} w={360} h={210} tone="pod" label="파드 web · IP 10.244.1.5" labelAt="top" />
      <Box x={40} y={50} w={320} h={36} tone="muted" label="공유: 네트워크 네임스페이스 · IPC · 호스트 이름" />
      <Box x={40} y={110} w={140} h={56} tone="part" label="nginx 컨테이너" sub="포트 80" />
      <Box x={220} y={110} w={140} h={56} tone="part" label="log-agent 컨테이너" sub="포트 9000" />
      <Arrow id={ID} x1={220} y1={150} x2={182} y2={150} />
      <Label x={200} y={190} size={11}>
        curl localhost:80
      </Label>
      <Label x={200} y={210} size={11}>
        한 파드 안에서 같은 포트를 두 번 쓸 수는 없어요
      </Label>
      <Box x={460} y={70} w={160} h={110} tone="pod" label="파드 api" sub="IP 10.244.2.8" />
      <Arrow id={ID} x1={458} y1={125} x2={382} y2={125} label="10.244.1.5:80" />
    </Figure>
  );
}
