/**
 * Refusals by the simulator's bounds (issue #12): kubectl in the browser prints the API server's Status as
 * kubectl does (`Error from server (Forbidden): …`) and a Korean hint that says which limit it was.
 */
import { describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { StatusError } from '../k8s/types';
import { describeError } from './errors';
import { kubectl } from './testing/run';

describe('quota refusals', () => {
  it('kubectl scale to a billion replicas prints the 403 and the simulator limit, and changes nothing', async () => {
    const client = new SimClient({ seed: 4, autoplay: false });
    await client.ready;
    await kubectl(client, 'kubectl create deployment web --image=nginx --replicas=3');
    const { stderr, exitCode } = await kubectl(client, 'kubectl scale deployment web --replicas=1000000000');
    expect(exitCode).toBe(1);
    expect(stderr).toBe(
      'Error from server (Forbidden): deployments.apps "web" is forbidden: exceeded quota: kubesim-replicas-per-workload, requested: replicas=999999997, used: replicas=3, limited: replicas=5000\n' +
        '힌트: 이 시뮬레이터는 디플로이먼트·레플리카셋 하나에 레플리카를 5,000개까지 허용해요. 레플리카 수를 줄여 보세요.\n',
    );
    expect((await kubectl(client, 'kubectl get deployment web -o jsonpath={.spec.replicas}')).stdout).toBe('3');
  });

  it('names any other ResourceQuota and how to look at it', () => {
    const refused = new StatusError({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 403, reason: 'Forbidden',
      message: 'pods "web-1" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=10, limited: pods=10',
    });
    expect(describeError(refused).hint).toBe("힌트: 리소스쿼터 compute의 한도를 넘었어요. 'kubectl describe resourcequota compute'로 한도와 사용량을 확인해 보세요.");
  });
});

describe('manifests over the YAML bounds', () => {
  it('kubectl apply -f of a file nested too deep fails before sending, with the spot and a Korean hint', async () => {
    const client = new SimClient({ seed: 5, autoplay: false });
    await client.ready;
    const files = new Map([['deep.yaml', `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${'['.repeat(300)}${']'.repeat(300)}\n`]]);
    const { stderr, exitCode } = await kubectl(client, 'kubectl apply -f deep.yaml', { files });
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/^error: error parsing deep\.yaml: error converting YAML to JSON: yaml: exceeded max depth of 100\n힌트: deep\.yaml 4:\d+ — YAML이 너무 깊게 중첩되어 있어요\. 괄호와 들여쓰기는 100단계까지 쓸 수 있어요\.\n$/);
  });
});
