/**
 * A mistyped name: kubectl prints the API server's NotFound (apimachinery pkg/api/errors/errors.go NewNotFound:
 * `pods "webservr" not found`, shown by kubectl's pkg/cmd/util/helpers.go StandardErrorMessage as
 * `Error from server (NotFound): …`) and nothing else. The Korean hint after it names the object that was probably
 * meant: one of the same kind in the same namespace, a typo away or starting with what was typed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import type { ClusterClient } from '../cluster/types';
import { notFound } from '../k8s/status';
import { closestName, notFoundHint } from './not-found-hint';
import { kubectl } from './testing/run';

let client: SimClient;
afterEach(() => {
  client?.dispose();
  vi.useRealTimers();
});

async function cluster() {
  client = new SimClient({ seed: 2, autoplay: false });
  await client.ready;
  return client;
}

describe('closestName', () => {
  it('prefers a typo over a longer name that starts with the input, then the first by name', () => {
    expect(closestName('webservr', ['webserver', 'webservr-extra', 'db'])).toBe('webserver');
    expect(closestName('web', ['web-7f9c-b', 'web-7f9c-a', 'db'])).toBe('web-7f9c-a');
    expect(closestName('shop', ['web', 'database'])).toBeNull();
    expect(closestName('web', ['web'])).toBeNull();
  });
});

describe('a name that does not exist', () => {
  it('keeps kubectl’s NotFound line and names the close Pod (logs, describe, get)', async () => {
    const c = await cluster();
    await kubectl(c, 'kubectl run webserver --image=nginx');
    const logs = await kubectl(c, 'kubectl logs webservr');
    expect(logs.stderr).toBe(
      'Error from server (NotFound): pods "webservr" not found\n' +
        "힌트: 혹시 webserver인가요? 'kubectl get pods'로 지금 있는 이름을 확인해 보세요.\n",
    );
    expect(logs.exitCode).toBe(1);
    expect((await kubectl(c, 'kubectl describe pod websever')).stderr).toContain('혹시 webserver인가요?');
    const get = await kubectl(c, 'kubectl get pod webserve');
    expect(get.stderr).toBe(
      'Error from server (NotFound): pods "webserve" not found\n' +
        "힌트: 혹시 webserver인가요? 'kubectl get pods'로 지금 있는 이름을 확인해 보세요.\n",
    );
  });

  it('looks in the namespace the command named, and says so in the get it suggests', async () => {
    const c = await cluster();
    const r = await kubectl(c, 'kubectl describe deployment cordns -n kube-system');
    expect(r.stderr).toBe(
      'Error from server (NotFound): deployments.apps "cordns" not found\n' +
        "힌트: 혹시 coredns인가요? 'kubectl get deployments -n kube-system'로 지금 있는 이름을 확인해 보세요.\n",
    );
    // the same name in default: nothing close there, so the plain hint
    expect((await kubectl(c, 'kubectl describe deployment cordns')).stderr).toBe(
      'Error from server (NotFound): deployments.apps "cordns" not found\n' + "힌트: 'kubectl get deployments'로 지금 있는 이름을 확인해 보세요.\n",
    );
  });

  it('gives the plain hint when the list does not answer in time', async () => {
    vi.useFakeTimers();
    const stalled = { list: () => new Promise(() => {}) } as unknown as ClusterClient;
    const ctx = { client: stalled, files: new Map(), write: () => {}, now: () => 0 };
    const hint = notFoundHint(ctx, notFound({ group: '', plural: 'pods' } as never, 'webservr'), 'default');
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(hint).resolves.toBeNull();
  });
});
