/**
 * ConfigMaps and Secrets from the browser's kubectl. Expected text is the real kubectl's:
 * - objects as k8s.io/kubectl pkg/cmd/create/create_configmap.go and create_secret.go build them (no type unless
 *   --type, values base64 in a Secret), printed by -o yaml with keys sorted (sigs.k8s.io/yaml);
 * - `get` columns from pkg/printers/internalversion/printers.go (configMapColumnDefinitions: NAME DATA AGE;
 *   secretColumnDefinitions: NAME TYPE DATA AGE);
 * - describe from pkg/describe/describe.go (ConfigMapDescriber: each value under `----`; describeSecret: `N bytes`).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../sim';
import { EngineClient } from '../testing/engine-client';
import { kubectl } from '../testing/run';

const setup = () => new EngineClient(createSimulator({ seed: 3 }));

describe('kubectl create configmap / secret generic', () => {
  it('prints the client-side object with --dry-run=client -o yaml', async () => {
    const client = setup();
    expect((await kubectl(client, 'kubectl create configmap app-config --from-literal=MODE=dev --from-literal=URL=http://x?a=b --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  MODE: dev\n  URL: http://x?a=b\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: app-config\n',
    );
    expect((await kubectl(client, 'kubectl create secret generic db --from-literal=password=s3cr3t --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  password: czNjcjN0\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: db\n',
    );
    expect((await kubectl(client, 'kubectl get cm,secret')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('creates them, lists them with the 1.34 columns and describes them without secret values', async () => {
    const client = setup();
    expect((await kubectl(client, 'kubectl create configmap app-config --from-literal=MODE=dev --from-literal=LEVEL=3')).stdout).toBe('configmap/app-config created\n');
    expect((await kubectl(client, 'kubectl create secret generic db --from-literal=password=s3cr3t --from-literal=user=admin')).stdout).toBe('secret/db created\n');
    expect((await kubectl(client, 'kubectl get cm')).stdout).toMatch(/^NAME +DATA +AGE\napp-config +2 +\S+\n$/);
    expect((await kubectl(client, 'kubectl get secrets')).stdout).toMatch(/^NAME +TYPE +DATA +AGE\ndb +Opaque +2 +\S+\n$/);
    const secret = (await kubectl(client, 'kubectl describe secret db')).stdout;
    expect(secret).toBe('Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n');
    expect(secret).not.toContain('s3cr3t');
    expect((await kubectl(client, 'kubectl describe configmap app-config')).stdout).toBe(
      'Name:         app-config\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nLEVEL:\n----\n3\n\nMODE:\n----\ndev\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    );
  });

  it('answers files, bad literals and other secret types in Korean without writing anything', async () => {
    const client = setup();
    const fromFile = await kubectl(client, 'kubectl create configmap app --from-file=app.properties');
    expect(fromFile.exitCode).not.toBe(0);
    expect(fromFile.stderr).toContain('--from-file는 이 브라우저 터미널에서 쓸 수 없어요');
    expect(fromFile.stderr).toContain('--from-literal');
    expect((await kubectl(client, 'kubectl create configmap app --from-literal=novalue')).stderr).toContain('error: invalid literal source novalue, expected key=value');
    expect((await kubectl(client, 'kubectl create secret generic s --from-literal=a=1 --from-literal=a=2')).stderr).toContain('error: cannot add key a, another key by that name already exists');
    expect((await kubectl(client, 'kubectl create configmap app --from-literal=a/b=1')).stderr).toContain(`error: "a/b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters`);
    expect((await kubectl(client, 'kubectl create secret db --from-literal=a=1')).stderr).toContain('error: unknown command "db" for "kubectl create secret"');
    expect((await kubectl(client, 'kubectl get cm,secrets -o name')).stdout).toBe('');
  });
});
