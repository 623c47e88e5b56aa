/** `help` (and `kubectl <verb> --help`) in Korean. */
import { FLAGS, VERBS, flagsFor } from '../commands-spec';
import { tabulate, DESCRIBE } from '../tabwriter';

const EXAMPLES: Record<string, string[]> = {
  get: ['kubectl get pods', 'kubectl get pods -o wide', 'kubectl get deploy,rs,pods --show-labels', 'kubectl get pods -l app=web -w', 'kubectl get all -A', "kubectl get pods -o jsonpath='{.items[*].spec.nodeName}'", 'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName', 'kubectl get pods --sort-by=.metadata.creationTimestamp'],
  describe: ['kubectl describe pod web-7d4b9c-abcde', 'kubectl describe deploy/web', 'kubectl describe node worker-1'],
  run: ['kubectl run webserver --image=nginx:latest', 'kubectl run web --image=nginx --labels=app=web --port=80', 'kubectl run web --image=nginx --dry-run=client -o yaml', 'kubectl run tmp --rm -it --image=curlimages/curl -- sh'],
  create: ['kubectl create deployment web --image=nginx:1.24 --replicas=3', 'kubectl create deployment web --image=nginx --dry-run=client -o yaml', 'kubectl create -f deployment.yaml'],
  apply: ['kubectl apply -f deployment.yaml', 'kubectl apply -f deployment.yaml -f service.yaml'],
  delete: ['kubectl delete pod webserver', 'kubectl delete deploy/web', 'kubectl delete pods -l app=web', 'kubectl delete -f deployment.yaml'],
  scale: ['kubectl scale deploy/web --replicas=5'],
  set: ['kubectl set image deploy/web web=nginx:1.25'],
  rollout: ['kubectl rollout status deploy/web', 'kubectl rollout history deploy/web', 'kubectl rollout undo deploy/web', 'kubectl rollout undo deploy/web --to-revision=1', 'kubectl rollout restart deploy/web'],
  expose: ['kubectl expose deployment web --port=80 --target-port=80 --type=NodePort'],
  label: ['kubectl label pod webserver env=prod', 'kubectl label pod webserver env-'],
  annotate: ['kubectl annotate deployment/web kubernetes.io/change-cause="nginx 1.16.1로 업데이트"', 'kubectl annotate deployment/web kubernetes.io/change-cause-'],
  drain: ['kubectl drain worker-1 --ignore-daemonsets', 'kubectl uncordon worker-1'],
  logs: ['kubectl logs webserver', 'kubectl logs deploy/web --tail=5', 'kubectl logs webserver -f'],
  explain: ['kubectl explain pod', 'kubectl explain deployment.spec.strategy'],
};

/** Korean help: the command list, or one verb's flags and examples. */
export function helpText(verb?: string): string {
  if (verb && VERBS[verb] && verb !== 'help') {
    const spec = VERBS[verb];
    const lines = [`kubectl ${verb}: ${spec.help}`];
    if (spec.unsupported) lines.push('', '이 연습용 터미널에서는 아직 지원하지 않는 명령이에요.');
    else {
      if (spec.subcommands) lines.push('', `하위 명령: ${spec.subcommands.join(', ')}`);
      const examples = EXAMPLES[verb] ?? EXAMPLES[verb === 'uncordon' || verb === 'cordon' ? 'drain' : ''] ?? [];
      if (examples.length) lines.push('', '예시:', ...examples.map((e) => `  ${e}`));
      lines.push('', '옵션:', tabulate(flagsFor(verb).map((f) => `  ${FLAGS[f].short ? `-${FLAGS[f].short}, ` : ''}--${f}\t${FLAGS[f].help}`).join('\n') + '\n', DESCRIBE).trimEnd());
    }
    return `${lines.join('\n')}\n`;
  }
  const supported = Object.entries(VERBS).filter(([v, s]) => !s.unsupported && v !== 'help');
  const rows = supported.map(([v, s]) => `  ${v}\t${s.help}`).join('\n');
  return [
    'kubectl 연습용 터미널 — 실제 kubectl처럼 입력해 보세요. (k는 kubectl의 별칭이에요)',
    '',
    '쓸 수 있는 명령:',
    tabulate(`${rows}\n`, DESCRIBE).trimEnd(),
    '',
    '리소스 종류: pods(po), deployments(deploy), replicasets(rs), services(svc), nodes(no), endpoints(ep), namespaces(ns), events(ev), all',
    '',
    '터미널 사용법:',
    '  Tab          명령, 리소스 종류, 이름, 옵션 자동 완성',
    '  ↑ / ↓        이전 명령 다시 불러오기',
    '  Ctrl+C       -w, rollout status, logs -f 멈추기',
    '  Ctrl+L, clear  화면 지우기',
    '  -f 파일이름   YAML 에디터의 파일을 적용 (예: kubectl apply -f deployment.yaml)',
    '  curl URL     클러스터 밖(내 컴퓨터)에서 요청 보내기 (예: curl http://192.168.56.11:30080/)',
    '  traffic      서비스에 요청을 계속 보내기 (예: traffic start svc/web --rate 20, traffic stop)',
    '',
    "명령별 도움말: kubectl <명령> --help  (예: kubectl rollout --help)",
    '',
  ].join('\n');
}
