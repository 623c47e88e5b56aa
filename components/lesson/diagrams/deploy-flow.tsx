import { Arrow, Box, Figure, type Tone } from './primitives';

const ID = 'deploy-flow';
const STEPS: { label: string; sub: string; tone: Tone }[] = [
  { label: '① kubectl', sub: 'Deployment 생성 요청', tone: 'muted' },
  { label: '② kube-apiserver', sub: '요청 검사 후 저장', tone: 'plane' },
  { label: '③ etcd', sub: '원하는 상태 기록', tone: 'plane' },
  { label: '④ 컨트롤러', sub: 'ReplicaSet·Pod 생성', tone: 'plane' },
  { label: '⑤ kube-scheduler', sub: '파드에 노드 배정', tone: 'plane' },
  { label: '⑥ kubelet', sub: '워커 노드에서 실행', tone: 'worker' },
];

/** The path a Deployment travels from kubectl to running containers, one box per hop. */
export function DeployFlowDiagram() {
  const w = 150;
  const gap = 30;
  return (
    <Figure
      id={ID}
      width={STEPS.length * (w + gap) - gap + 20}
      height={110}
      title="디플로이먼트를 만들면 일어나는 일"
      desc="kubectl이 디플로이먼트 생성을 요청하면 kube-apiserver가 etcd에 저장하고, 컨트롤러가 레플리카셋과 파드를 만들고, kube-scheduler가 노드를 고르고, 워커 노드의 kubelet이 컨테이너를 실행합니다."
      caption="파란색은 컨트롤 플레인, 초록색은 워커 노드에서 일어나는 일입니다"
    >
      {STEPS.map((s, i) => {
        const x = 10 + i * (w + gap);
        return (
          <g key={s.label}>
            <Box x={x} y={30} w={w} h={56} tone={s.tone} label={s.label} sub={s.sub} />
            {i < STEPS.length - 1 && <Arrow id={ID} x1={x + w + 2} y1={58} x2={x + w + gap - 2} y2={58} />}
          </g>
        );
      })}
    </Figure>
  );
}
