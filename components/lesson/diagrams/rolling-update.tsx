import { Box, Figure, Label } from './primitives';

const ID = 'rolling-update';
// Each row is one moment of a rolling update with replicas 3, maxSurge 1, maxUnavailable 1.
const ROWS: { note: string; pods: ('v1' | 'v2' | 'v1-off' | 'v2-new')[] }[] = [
  { note: '시작: v1 파드 3개', pods: ['v1', 'v1', 'v1'] },
  { note: 'v2 1개 추가(maxSurge), v1 1개 종료(maxUnavailable)', pods: ['v1', 'v1', 'v1-off', 'v2-new'] },
  { note: 'v2가 준비되면 다음 교체', pods: ['v1', 'v1-off', 'v2', 'v2-new'] },
  { note: '끝: v2 파드 3개, 중단 없이 교체', pods: ['v2', 'v2', 'v2'] },
];

const STYLE = {
  v1: { tone: 'pod', label: 'v1' },
  v2: { tone: 'worker', label: 'v2' },
  'v1-off': { tone: 'danger', label: 'v1 종료' },
  'v2-new': { tone: 'worker', label: 'v2 생성' },
} as const;

/** Snapshots of a rolling update from v1 to v2. */
export function RollingUpdateDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={ROWS.length * 60 + 10}
      title="롤링 업데이트: 조금씩 바꾸기"
      desc="replicas 3, maxSurge 1, maxUnavailable 1일 때 v1 파드 3개가 v2 파드로 한두 개씩 교체됩니다. 새 파드가 준비되어야 다음 교체가 진행되므로 서비스가 멈추지 않습니다."
      caption="한 번에 모두 바꾸지 않으므로 요청을 받는 파드가 항상 남아 있습니다"
    >
      {ROWS.map((row, r) => (
        <g key={row.note}>
          {row.pods.map((p, i) => (
            <Box key={i} x={10 + i * 80} y={10 + r * 60} w={70} h={42} tone={STYLE[p].tone} label={STYLE[p].label} dashed={p === 'v1-off'} />
          ))}
          <Label x={340} y={36 + r * 60} anchor="start">
            {row.note}
          </Label>
        </g>
      ))}
    </Figure>
  );
}
