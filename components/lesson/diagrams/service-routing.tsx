import { Arrow, Box, Figure, Label } from './primitives';

const ID = 'service-routing';

/** An external request through a reverse proxy and a Service to pods on two worker nodes. */
export function ServiceRoutingDiagram() {
  return (
    <Figure
      id={ID}
      width={640}
      height={345}
      title="서비스가 요청을 파드로 보내는 길"
      desc="외부 요청은 마스터 노드의 리버스 프록시(nginx-proxy-manager)를 거쳐 서비스 php-test-1(포트 8000, 셀렉터 app=php-test-1)에 도착하고, 서비스는 레이블이 맞는 파드들 — 워커 노드 1의 10.10.130.130, 워커 노드 2의 10.10.208.67 — 중 하나로 요청을 보냅니다."
      caption="서비스는 레이블로 파드를 고르고, 파드가 어느 노드에 있든 요청을 나눠 줍니다"
    >
      <Box x={10} y={20} w={120} h={50} tone="muted" label="외부 요청" sub="브라우저" />
      <Box x={170} y={20} w={180} h={50} tone="plane" label="리버스 프록시" sub="nginx-proxy-manager" />
      <Box x={390} y={10} w={240} h={70} tone="part" label="서비스 php-test-1" sub="port 8000 · selector app=php-test-1" />
      <Arrow id={ID} x1={130} y1={45} x2={168} y2={45} />
      <Arrow id={ID} x1={350} y1={45} x2={388} y2={45} />
      <Box x={60} y={150} w={260} h={160} tone="worker" label="워커 노드 1" labelAt="top" />
      <Box x={340} y={150} w={260} h={160} tone="worker" label="워커 노드 2" labelAt="top" />
      <Box x={90} y={190} w={200} h={56} tone="pod" label="파드 (app: php-test-1)" sub="IP 10.10.130.130" />
      <Box x={370} y={190} w={200} h={56} tone="pod" label="파드 (app: php-test-1)" sub="IP 10.10.208.67" />
      <Box x={90} y={260} w={200} h={36} tone="muted" label="파드 (app: other)" sub="선택되지 않음" dashed />
      <Arrow id={ID} x1={470} y1={80} x2={200} y2={188} />
      <Arrow id={ID} x1={560} y1={80} x2={540} y2={188} />
      <Label x={320} y={336} size={11}>
        엔드포인트: 10.10.130.130:8000, 10.10.208.67:8000
      </Label>
    </Figure>
  );
}
