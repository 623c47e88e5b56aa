/** Read-only informational commands: version, cluster-info, api-resources, completion (explain: ./explain). */
import { KubectlError, err, out, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { apiVersionOf, qualifiedPlural } from '../../k8s/kinds';
import { RESOURCE_TYPES } from '../resources';
import { tabulate } from '../tabwriter';
import { VERBS } from '../commands-spec';

/** The kubectl this terminal imitates: the simulator's own version, so `kubectl version` shows no skew there. */
export const CLIENT_VERSION = 'v1.34.2';
/** What kubectl v1.34 is built with (sigs.k8s.io/kustomize/kustomize/v5 in kubectl's go.mod). */
const KUSTOMIZE_VERSION = 'v5.7.1';
/** supportedMinorVersionSkew in staging/src/k8s.io/kubectl/pkg/cmd/version/skew_warning.go */
const SUPPORTED_MINOR_SKEW = 1;

export function majorMinor(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** getVersionSkewWarning: kubectl warns when client and server are more than one minor version apart. */
export function versionSkewWarning(client: string, server: string): string | undefined {
  const [c, s] = [majorMinor(client), majorMinor(server)];
  if (!c || !s || (c[0] === s[0] && Math.abs(c[1] - s[1]) <= SUPPORTED_MINOR_SKEW)) return undefined;
  return `Warning: version difference between client (${c[0]}.${c[1]}) and server (${s[0]}.${s[1]}) exceeds the supported minor version skew of +/-${SUPPORTED_MINOR_SKEW}`;
}

export async function runVersion(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const server = ctx.client.info().version;
  const lines = [`Client Version: ${CLIENT_VERSION}`, `Kustomize Version: ${KUSTOMIZE_VERSION}`];
  const showServer = cmd.flags.client !== true && server !== undefined;
  if (showServer) lines.push(`Server Version: ${server}`);
  out(ctx, lines.join('\n'));
  const warning = showServer ? versionSkewWarning(CLIENT_VERSION, server) : undefined;
  if (warning) err(ctx, warning);
  return 0;
}

export async function runClusterInfo(_cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const info = ctx.client.info();
  const server = info.mode === 'sim' ? 'https://127.0.0.1:6443' : (info.server && /^https?:/.test(info.server) ? info.server : 'https://kubernetes.default.svc');
  out(ctx, [
    `Kubernetes control plane is running at ${server}`,
    `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`,
    '',
    "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  ].join('\n'));
  return 0;
}

/** metrics.k8s.io/v1beta1 (metrics-server): read-only NodeMetrics and PodMetrics, no short names. */
const METRICS_RESOURCES = [
  { plural: 'nodes', shortNames: [], group: 'metrics.k8s.io', version: 'v1beta1', namespaced: false, kind: 'NodeMetrics' },
  { plural: 'pods', shortNames: [], group: 'metrics.k8s.io', version: 'v1beta1', namespaced: true, kind: 'PodMetrics' },
];

export async function runApiResources(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const namespaced = cmd.flags.namespaced;
  const metrics = ctx.client.metrics ? METRICS_RESOURCES : [];
  // k8s.io/kubectl pkg/cmd/apiresources sortableResource: by API group name, then resource name (not discovery order)
  type Row = { group: string; plural: string };
  const byGroupThenName = (a: Row, b: Row) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0);
  const rows = [...RESOURCE_TYPES, ...metrics].filter((r) => namespaced === undefined || r.namespaced === namespaced).sort(byGroupThenName);
  if (str(cmd.flags, 'output') === 'name') {
    out(ctx, rows.map(qualifiedPlural).join('\n'));
    return 0;
  }
  const text = ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND', ...rows.map((r) => `${r.plural}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}`)];
  out(ctx, tabulate(`${text.join('\n')}\n`));
  return 0;
}

export async function runCompletion(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const shell = cmd.sub ?? cmd.args[0];
  if (!shell) throw new KubectlError('error: Shell not specified.', '힌트: 예) kubectl completion bash');
  if (shell !== 'bash') {
    out(ctx, `# ${shell} completion for kubectl (이 연습용 터미널에서는 bash 예시만 보여 줘요)`);
    return 0;
  }
  out(ctx, [
    '# bash completion V2 for kubectl                              -*- shell-script -*-',
    '',
    '__kubectl_debug()',
    '{',
    '    if [[ -n ${BASH_COMP_DEBUG_FILE-} ]]; then',
    '        echo "$*" >> "${BASH_COMP_DEBUG_FILE}"',
    '    fi',
    '}',
    '# … (실제 스크립트는 수백 줄이라 여기서는 줄였어요)',
    '',
    'complete -o default -F __start_kubectl kubectl',
  ].join('\n'));
  err(ctx, [
    '',
    '# 자동 완성 켜기 (bash)',
    '# 1) 지금 셸에서 바로:        source <(kubectl completion bash)',
    "# 2) 새 셸에서도 계속:        echo 'source <(kubectl completion bash)' >> ~/.bashrc",
    '#    (bash-completion 패키지가 필요해요: sudo apt-get install bash-completion)',
    "# 3) k 별칭에도 쓰려면:       echo 'alias k=kubectl' >> ~/.bashrc",
    "#                            echo 'complete -o default -F __start_kubectl k' >> ~/.bashrc",
    '# 이 브라우저 터미널에서는 Tab 키로 바로 자동 완성을 쓸 수 있어요.',
  ].join('\n'));
  return 0;
}
