/**
 * `kubectl annotate TYPE NAME KEY=VALUE … | KEY-`: staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go.
 * Resources come first, then the changes (cmdutil.GetResourcesAndPairs); a key that already has another value
 * needs --overwrite; every object touched prints `<type>/<name> annotated`.
 */
import { validateLabelKey } from '../../k8s/selectors';
import { KubectlError, out, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { qualifiedSingular } from '../resources';
import { selectObjects } from './mutate';

/** GetResourcesAndPairs: an argument with "=" or a trailing "-" is a change, and no resource may follow one. */
function resourcesAndChanges(args: string[]): { resources: string[]; changes: string[] } {
  const resources: string[] = [];
  const changes: string[] = [];
  for (const a of args) {
    const isChange = a.includes('=') || a.endsWith('-');
    if (isChange) changes.push(a);
    else if (changes.length > 0) throw new KubectlError(`error: all resources must be specified before annotation changes: ${a}`, '힌트: 리소스를 먼저 쓰고 어노테이션을 뒤에 써 주세요. 예) kubectl annotate deployment/web kubernetes.io/change-cause="nginx 1.16.1로 업데이트"');
    else resources.push(a);
  }
  return { resources, changes };
}

export async function runAnnotate(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const { resources, changes } = resourcesAndChanges(cmd.args);
  if (changes.length === 0) {
    throw new KubectlError('error: at least one annotation update is required', '힌트: 키=값 형식으로 써 주세요. 예) kubectl annotate deployment/web kubernetes.io/change-cause="nginx 1.16.1로 업데이트" (지우려면 키 뒤에 -)');
  }
  const updates: Record<string, string | null> = {};
  for (const c of changes) {
    const eq = c.indexOf('=');
    const key = eq < 0 ? c.slice(0, -1) : c.slice(0, eq);
    const problems = validateLabelKey(key);
    if (problems.length > 0) throw new KubectlError(`error: invalid annotation format: ${c}`, `힌트: 어노테이션 키가 올바르지 않아요: ${problems[0]}`);
    updates[key] = eq < 0 ? null : c.slice(eq + 1);
  }
  const found = await selectObjects({ ...cmd, args: resources }, ctx, 'annotate');
  for (const { kind, obj } of found) {
    const current = obj.metadata?.annotations ?? {};
    const clashes = Object.entries(updates).filter(([k, v]) => v !== null && k in current && current[k] !== v);
    if (clashes.length > 0 && cmd.flags.overwrite !== true) {
      const list = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join(', ');
      throw new KubectlError(`error: --overwrite is false but found the following declared annotation(s): ${list}`, '힌트: 값을 바꾸려면 --overwrite를 붙여 주세요.');
    }
    await ctx.client.patch(kind, obj.metadata!.name!, obj.metadata?.namespace, { metadata: { annotations: updates } }, 'merge');
    out(ctx, `${qualifiedSingular(kind)}/${obj.metadata?.name} annotated`);
  }
  return 0;
}
