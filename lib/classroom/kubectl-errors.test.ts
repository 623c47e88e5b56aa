import { describe, expect, it } from 'vitest';
import { SimClient } from '@/lib/cluster/sim-client';
import { executeKubectl } from '@/lib/kubectl';
import { classifyKubectlError } from './kubectl-errors';

// kubectl's wording: k8s.io/kubectl pkg/cmd/util/helpers.go (StandardErrorMessage: `Error from server (Reason): …`;
// `The Kind "name" is invalid: …`), cobra's `unknown flag` / `unknown command`, and `error: …` for usage.
describe('classifyKubectlError', () => {
  it('classes what the practice terminal prints for common mistakes', async () => {
    const c = new SimClient({ autoplay: false });
    await c.ready;
    const stderrOf = async (line: string) => {
      let err = '';
      await executeKubectl(line, { client: c, files: new Map(), write: (t, s) => void (s === 'stderr' && (err += t)), now: () => c.time.now() });
      return err;
    };
    const cases: [string, string | null][] = [
      ['kubectl get pod nope', 'NotFound'],
      ['kubectl create deployment hello --image=nginx', null],
      ['kubectl create deployment hello --image=nginx', 'AlreadyExists'],
      ['kubectl create deployment Bad_Name --image=nginx', 'Invalid'],
      ['kubectl get widgets', 'UnknownResource'],
      ['kubectl get pods --colour', 'UnknownFlag'],
      ['kubectl frobnicate', 'UnsupportedCommand'],
      ['kubectl scale deployment hello', 'Usage'],
      ['kubectl run', 'Usage'],
    ];
    for (const [line, expected] of cases) expect([line, classifyKubectlError(await stderrOf(line))]).toEqual([line, expected]);
    c.dispose();
  });

  it('reads a quota refusal as its own class, and an unknown Status reason as Other', () => {
    expect(classifyKubectlError('Error from server (Forbidden): pods "w" is forbidden: exceeded quota: kubesim-pods, requested: pods=1, used: pods=100, limited: pods=100')).toBe('QuotaExceeded');
    expect(classifyKubectlError('Error from server (ServiceUnavailable): the server is currently unable to handle the request')).toBe('Other');
  });
});
