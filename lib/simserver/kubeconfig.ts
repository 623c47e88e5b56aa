/**
 * The kubeconfig a sim cluster server writes for itself: cluster, user and context all named
 * `kubesim`. `insecure-skip-tls-verify: true` makes @kubernetes/client-node accept the plain
 * http:// server URL; kubectl ignores it for http.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The kubeconfig YAML for a server URL. */
export function kubeconfigYaml(serverUrl: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubesim',
    '  cluster:',
    `    server: ${serverUrl}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: kubesim',
    '  user: {}',
    'contexts:',
    '- name: kubesim',
    '  context:',
    '    cluster: kubesim',
    '    user: kubesim',
    '    namespace: default',
    'current-context: kubesim',
    'preferences: {}',
    '',
  ].join('\n');
}

/** Write the kubeconfig (creating its directory), readable only by the owner. */
export async function writeKubeconfig(path: string, serverUrl: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigYaml(serverUrl), { mode: 0o600 });
}
