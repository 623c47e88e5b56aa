/**
 * Narration claims (schema.ts NarrationClaim) evaluated at a step's checkpoint: a cluster claim is a wait condition
 * on the client's cache, an output claim a regular expression over the step's command output. Pure; used by the
 * content test that plays every scenario, so a narration that says "파드 4개" while the screen shows six fails there.
 */
import type { KubeObject } from '../k8s/types';
import { evaluateCondition } from './conditions';
import type { NarrationClaim, ScenarioStep } from './schema';

/** Korean sentences for every claim of the step that does not hold; empty when the narration is true. */
export function falseClaims(step: ScenarioStep, cache: ReadonlyMap<string, KubeObject>, output: string | undefined): string[] {
  return (step.claims ?? []).flatMap((claim) => {
    const why = claimMiss(claim, cache, output);
    return why ? [`“${claim.says}” — ${why}`] : [];
  });
}

function claimMiss(claim: NarrationClaim, cache: ReadonlyMap<string, KubeObject>, output: string | undefined): string | null {
  if (claim.output !== undefined) {
    if (output === undefined) return '명령 출력이 없습니다';
    return new RegExp(claim.output, 'm').test(output) ? null : `출력이 /${claim.output}/와 맞지 않습니다:\n${output}`;
  }
  const { says: _says, output: _output, ...condition } = claim;
  const outcome = evaluateCondition(condition, cache);
  return outcome.ok ? null : `클러스터가 다릅니다: ${outcome.waitingFor.join('; ')}`;
}
