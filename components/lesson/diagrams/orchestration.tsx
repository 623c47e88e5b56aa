import { Arrow, Box, Figure, Label } from './primitives';

const ID = 'orchestration';

/** Desired state in, automated deploy/scale/heal across servers out. */
export function OrchestrationDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={220}
      title="컨테이너 오케스트레이션"
      desc="우리가 '웹 서버 컨테이너 3개'라는 원하는 상태를 알려 주면, 쿠버네티스가 여러 서버에 컨테이너를 배포하고, 필요하면 개수를 늘리거나 줄이고, 멈춘 컨테이너를 다시 띄웁니다."
      caption="우리는 원하는 상태를 말하고, 쿠버네티스가 그 상태를 계속 지킵니다"
    >
      <Box x={10} y={70} w={150} h={70} tone="muted" label="원하는 상태" sub="웹 서버 3개" />
      <Box x={210} y={55} w={170} h={100} tone="plane" label="쿠버네티스" sub="배포 · 스케일링 · 관리" />
      <Arrow id={ID} x1={160} y1={105} x2={208} y2={105} />
      {['서버 1', '서버 2', '서버 3'].map((s, i) => (
        <g key={s}>
          <Box x={440} y={10 + i * 70} w={190} h={56} tone="worker" label={s} sub={i === 2 ? '컨테이너가 멈추면 다시 띄움' : '웹 서버 컨테이너'} />
          <Arrow id={ID} x1={380} y1={105} x2={438} y2={38 + i * 70} />
        </g>
      ))}
      <Label x={295} y={190} size={11}>
        사람이 서버마다 들어가 명령을 칠 필요가 없어요
      </Label>
    </Figure>
  );
}
