/** How kubectl words failures (StandardErrorMessage), and the Korean hint line we add after each. */
import { KIND_INFOS } from '../k8s/kinds';
import { isStatusError, type StatusBody } from '../k8s/types';
import { KubectlError } from './context';

export interface PrintedError {
  message: string;
  hint: string;
}

/** `Error from server (NotFound): pods "x" not found`, or the `The Pod "x" is invalid: …` form for Invalid. */
export function statusMessage(status: StatusBody): string {
  if (status.reason === 'Invalid' && status.details?.causes?.length) {
    const kind = status.details.kind ?? '';
    const what = `The ${kindTitle(kind)} "${status.details.name ?? ''}" is invalid: `;
    const causes = status.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    return causes.length === 1 ? what + causes[0] : `${what}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  return `Error from server (${status.reason}): ${status.message}`;
}

/**
 * The Kind an Invalid Status names. The API server's details carry the Kind (`Deployment`), which kubectl prints
 * as is (kubectl pkg/cmd/util/helpers.go checkErr: `The %s %q is invalid`); a resource name (`deployments.apps`)
 * from an older producer is mapped to its Kind through the registry.
 */
function kindTitle(kind: string): string {
  const base = kind.split('.')[0];
  return KIND_INFOS.find((k) => k.plural === base)?.kind ?? kind;
}

function statusHint(status: StatusBody): string {
  const resource = (status.details?.kind ?? '').split('.')[0] || 'all';
  switch (status.reason) {
    case 'NotFound':
      return `힌트: 'kubectl get ${resource}'로 지금 있는 이름을 확인해 보세요.`;
    case 'AlreadyExists':
      return "힌트: 같은 이름이 이미 있어요. 바꾸려면 'kubectl apply -f'를 쓰거나, 'kubectl delete'로 지운 뒤 다시 만들어 보세요.";
    case 'Invalid':
      return '힌트: 위에 표시된 필드의 값을 고친 뒤 다시 실행해 보세요.';
    case 'Conflict':
      return '힌트: 그 사이에 리소스가 바뀌었어요. 같은 명령을 한 번 더 실행해 보세요.';
    case 'BadRequest':
      return '힌트: 입력한 값(이름, 셀렉터, 형식)을 다시 확인해 보세요.';
    case 'Forbidden':
      return quotaHint(status.message) ?? '힌트: 이 클러스터에서는 허용되지 않는 작업이에요.';
    case 'MethodNotAllowed':
      return '힌트: 이 클러스터에서는 허용되지 않는 작업이에요.';
    default:
      return "힌트: 잠시 뒤 다시 시도하거나 'kubectl get all'로 클러스터 상태를 확인해 보세요.";
  }
}

/**
 * The hint for a ResourceQuota refusal (`exceeded quota: NAME, requested: …, used: …, limited: pods=10`):
 * the simulator's own quotas (lib/sim/quota.ts) get their meaning, any other quota points at describe.
 */
function quotaHint(message: string | undefined): string | undefined {
  const m = /exceeded quota: ([^,]+), requested: [^,]*, used: [^,]*, limited: (\S+)=(\d+)/.exec(message ?? '');
  if (!m) return undefined;
  const [, quota, , limited] = m;
  const limit = Number(limited).toLocaleString('en-US');
  if (quota === 'kubesim-replicas-per-workload') return `힌트: 이 시뮬레이터는 디플로이먼트·레플리카셋 하나에 레플리카를 ${limit}개까지 허용해요. 레플리카 수를 줄여 보세요.`;
  if (quota === 'kubesim-pods') return `힌트: 이 시뮬레이터 클러스터는 파드를 모두 합쳐 ${limit}개까지 허용해요. 다른 워크로드의 레플리카를 줄이거나 지운 뒤 다시 해 보세요.`;
  return `힌트: 리소스쿼터 ${quota}의 한도를 넘었어요. 'kubectl describe resourcequota ${quota}'로 한도와 사용량을 확인해 보세요.`;
}

/** Turn anything a command threw into what the terminal prints. */
export function describeError(e: unknown): PrintedError & { exitCode: number } {
  if (e instanceof KubectlError) return { message: e.message, hint: e.hint, exitCode: e.exitCode };
  if (isStatusError(e)) return { message: statusMessage(e.status), hint: statusHint(e.status), exitCode: 1 };
  const message = e instanceof Error ? e.message : String(e);
  return {
    message: `error: ${message}`,
    hint: '힌트: 예상하지 못한 오류예요. 명령을 다시 확인하거나 다른 방법으로 시도해 보세요.',
    exitCode: 1,
  };
}
