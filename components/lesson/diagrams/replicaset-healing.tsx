import { Arrow, Box, Figure, Label } from './primitives';

const ID = 'replicaset-healing';

/** A ReplicaSet noticing a lost pod and creating a replacement. */
export function ReplicaSetHealingDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={230}
      title="레플리카셋이 파드 수를 지키는 방법"
      desc="레플리카셋은 replicas 3을 원합니다. 파드 하나가 사라져 2개만 남으면 차이를 발견하고 새 파드를 하나 만들어 다시 3개로 맞춥니다."
      caption="원하는 상태(3개)와 실제 상태(2개)의 차이를 컨트롤러가 메웁니다"
    >
      <Box x={220} y={10} w={200} h={50} tone="plane" label="레플리카셋 web" sub="replicas: 3 · app=web" />
      <Box x={40} y={120} w={110} h={56} tone="pod" label="파드" sub="web-7x2k" />
      <Box x={190} y={120} w={110} h={56} tone="pod" label="파드" sub="web-9qfd" />
      <Box x={340} y={120} w={110} h={56} tone="danger" label="✗ 사라짐" sub="web-m4tz" dashed />
      <Box x={490} y={120} w={110} h={56} tone="worker" label="＋ 새 파드" sub="web-p8sd" />
      <Arrow id={ID} x1={280} y1={60} x2={100} y2={118} />
      <Arrow id={ID} x1={310} y1={60} x2={245} y2={118} />
      <Arrow id={ID} x1={360} y1={60} x2={540} y2={118} label="만들기" />
      <Label x={320} y={210}>
        실제 2개 &lt; 원하는 3개 → 1개 생성
      </Label>
    </Figure>
  );
}
