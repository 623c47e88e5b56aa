import { Arrow, Box, Figure } from './primitives';

const ID = 'resource-hierarchy';

/** Deployment owning a new and an old ReplicaSet, each owning its pods. */
export function ResourceHierarchyDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={270}
      title="디플로이먼트 → 레플리카셋 → 파드"
      desc="디플로이먼트 web이 두 레플리카셋을 관리합니다. 새 레플리카셋(nginx:1.16.1)은 파드 3개를 가지고, 이전 레플리카셋(nginx:1.14.2)은 파드 0개로 줄어든 채 롤백을 위해 남아 있습니다."
      caption="위의 리소스가 아래 리소스의 생명 주기를 관리합니다"
    >
      <Box x={220} y={10} w={200} h={50} tone="plane" label="디플로이먼트 web" sub="replicas: 3" />
      <Box x={40} y={100} w={260} h={50} tone="plane" label="레플리카셋 web-6b7f (새 버전)" sub="nginx:1.16.1 · 파드 3개" />
      <Box x={360} y={100} w={240} h={50} tone="muted" label="레플리카셋 web-5d9c (이전)" sub="nginx:1.14.2 · 파드 0개, 롤백용" dashed />
      <Arrow id={ID} x1={290} y1={60} x2={170} y2={98} />
      <Arrow id={ID} x1={350} y1={60} x2={480} y2={98} />
      {[0, 1, 2].map((i) => (
        <g key={i}>
          <Box x={40 + i * 90} y={200} w={80} h={50} tone="pod" label="파드" sub={`web-6b7f-${['a1', 'b2', 'c3'][i]}`} />
          <Arrow id={ID} x1={170} y1={150} x2={80 + i * 90} y2={198} />
        </g>
      ))}
    </Figure>
  );
}
