/**
 * The eviction loop of `kubectl drain`, as k8s.io/kubectl pkg/drain/drain.go (evictPods) and cmd/drain/drain.go
 * (deleteOrEvictPodsSimple, RunDrain) do it: evict every pod; a 429 (a PodDisruptionBudget that allows no
 * disruption) prints `error when evicting pods/"P" -n "NS" (will retry after 5s): …` and retries 5 s later until
 * --timeout (0: no limit) runs out; then the pods still pending and the error. Waits run on cluster time.
 */
import type { V1Pod } from '../../k8s/api-types';
import { isStatusError } from '../../k8s/types';
import { err, out, type KubectlContext } from '../context';
import { qualifiedSingular } from '../resources';

/** d.EvictErrorRetryDelay */
const RETRY_DELAY_MS = 5_000;

/** Resolves once the cluster clock has moved `ms` on, or on Ctrl+C (false). Polls the clock, not the engine. */
function waitClusterTime(ctx: KubectlContext, ms: number): Promise<boolean> {
  const until = ctx.now() + ms;
  return new Promise((resolve) => {
    const tick = () => {
      if (ctx.signal?.aborted) return resolve(false);
      if (ctx.now() >= until) return resolve(true);
      setTimeout(tick, 50);
    };
    tick();
  });
}

/** Evicts (or, where the client cannot evict, deletes) one pod, retrying while a budget refuses. Undefined on success. */
async function evictOne(ctx: KubectlContext, pod: V1Pod, deadline: number, timeoutText: string): Promise<string | undefined> {
  const name = pod.metadata!.name!;
  const ns = pod.metadata!.namespace ?? 'default';
  for (;;) {
    if (ctx.now() >= deadline) return `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${timeoutText}`;
    try {
      if (ctx.client.evict) await ctx.client.evict(name, ns);
      else await ctx.client.delete('Pod', name, ns);
      return undefined;
    } catch (e) {
      if (isStatusError(e) && e.code === 404) return undefined;
      if (!isStatusError(e) || e.code !== 429) return `error when evicting pods/"${name}" -n "${ns}": ${e instanceof Error ? e.message : String(e)}`;
      err(ctx, `error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${e.message}`);
      // without a way to stop it (no Ctrl+C here), a drain with no --timeout does not wait forever
      if (!ctx.signal && deadline === Infinity) return `error when evicting pods/"${name}" -n "${ns}": ${e.message}`;
      if (!(await waitClusterTime(ctx, RETRY_DELAY_MS))) return `error when evicting pods/"${name}" -n "${ns}": interrupted`;
    }
  }
}

/** Evicts the pods; prints `pod/NAME evicted` for each, or the pending pods and the error. Returns the exit code. */
export async function evictPods(ctx: KubectlContext, node: string, pods: V1Pod[], timeoutSeconds: number | undefined): Promise<number> {
  for (const p of pods) out(ctx, `evicting pod ${p.metadata?.namespace}/${p.metadata?.name}`);
  const deadline = timeoutSeconds ? ctx.now() + timeoutSeconds * 1000 : Infinity;
  const timeoutText = `${timeoutSeconds ?? 0}s`;
  const results = await Promise.all(
    pods.map(async (p) => {
      const failure = await evictOne(ctx, p, deadline, timeoutText);
      if (!failure) out(ctx, `${qualifiedSingular('Pod')}/${p.metadata?.name} evicted`);
      return { pod: p, failure };
    }),
  );
  const failed = results.filter((r) => r.failure);
  if (failed.length === 0) return 0;
  const message = failed.length === 1 ? failed[0].failure! : `[${failed.map((r) => r.failure).join(', ')}]`;
  err(ctx, `There are pending pods in node "${node}" when an error occurred: ${message}`);
  for (const r of failed) err(ctx, `pod/${r.pod.metadata?.name}`);
  err(ctx, `There are pending nodes to be drained:\n ${node}`);
  err(ctx, `error: ${message}`);
  err(ctx, /disruption budget|global timeout/.test(message)
    ? '힌트: PodDisruptionBudget(PDB)이 지금은 더 내보낼 수 없다고 막고 있어요. kubectl get pdb로 ALLOWED DISRUPTIONS를 확인하고, 대체 파드가 준비되면 다시 시도하세요.'
    : '힌트: 파드를 내보내지 못했어요. 위 오류를 확인한 뒤 다시 시도하세요.');
  return 1;
}
