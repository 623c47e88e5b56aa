/**
 * `curl …` typed in the browser terminal runs on the student's laptop, outside the cluster: in the simulator its
 * packets reach the nodes' addresses (a NodePort answers) and nothing else — a ClusterIP, a pod IP or a Service
 * name doesn't work from there, exactly the lesson of Service types.
 */
import { KubectlError, type KubectlContext } from '../context';

/** Programs the terminal runs on the laptop instead of answering "command not found". */
export const LAPTOP_PROGRAMS = new Set(['curl']);

export async function runOnLaptop(words: string[], ctx: KubectlContext): Promise<number> {
  if (!ctx.client.runOnLaptop)
    throw new KubectlError(`bash: ${words[0]}: command not found`, '힌트: 실제 클러스터 모드에서는 이 터미널에서 요청을 보낼 수 없어요(읽기 전용). 시뮬레이터 모드에서 노드 IP와 NodePort로 curl을 해 보세요.', 127);
  const r = await ctx.client.runOnLaptop(words);
  if (r.stdout) ctx.write(r.stdout, 'stdout');
  if (r.stderr) ctx.write(r.stderr, 'stderr');
  if (r.exitCode === 28 || r.exitCode === 6)
    ctx.write('힌트: 이 터미널은 클러스터 밖(내 컴퓨터)이에요. 밖에서는 노드 IP(kubectl get nodes -o wide)와 NodePort로만 닿아요. 클러스터 안에서 보내려면 kubectl exec로 파드 안에서 실행해 보세요.\n', 'stderr');
  return r.exitCode;
}
