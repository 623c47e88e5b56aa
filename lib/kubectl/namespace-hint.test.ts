/**
 * A mistyped `-n`: kubectl lists an empty result for a namespace that does not exist (the list call in
 * staging/src/k8s.io/kubectl/pkg/cmd/get/get.go just returns no items, and it prints
 * `No resources found in kube-sytem namespace.`). The student then believes the namespace is empty; the Korean line
 * after it says the namespace does not exist and names the close one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { kubectl } from './testing/run';

let client: SimClient;
afterEach(() => client?.dispose());

async function cluster() {
  client = new SimClient({ seed: 2, autoplay: false });
  await client.ready;
  return client;
}

describe('a namespace that does not exist', () => {
  it('keeps kubectl’s line and adds a Korean hint naming the closest namespace (get and describe)', async () => {
    const c = await cluster();
    for (const line of ['kubectl get pods -n kube-sytem', 'kubectl describe pods -n kube-sytem']) {
      const r = await kubectl(c, line);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        "No resources found in kube-sytem namespace.\n힌트: 네임스페이스 kube-sytem은 없어요. 혹시 kube-system인가요? 'kubectl get namespaces'로 있는 네임스페이스를 볼 수 있어요.\n",
      );
      expect(r.exitCode).toBe(0);
    }
  });

  it('says only that it does not exist when no namespace is close', async () => {
    const r = await kubectl(await cluster(), 'kubectl get deploy -n shop');
    expect(r.stderr).toBe("No resources found in shop namespace.\n힌트: 네임스페이스 shop은 없어요. 'kubectl get namespaces'로 있는 네임스페이스를 확인해 보세요.\n");
  });

  it('adds nothing for an existing namespace that is empty, or for cluster-scoped kinds', async () => {
    const c = await cluster();
    await kubectl(c, 'kubectl create namespace shop');
    expect((await kubectl(c, 'kubectl get pods -n shop')).stderr).toBe('No resources found in shop namespace.\n');
    expect((await kubectl(c, 'kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    expect((await kubectl(c, 'kubectl get namespaces -l team=none -n kube-sytem')).stderr).toBe('No resources found\n');
  });
});
