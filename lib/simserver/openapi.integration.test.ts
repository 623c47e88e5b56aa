/**
 * Real kubectl (≥ 1.27, which reads /openapi/v3) against the sim cluster server's OpenAPI documents:
 * `kubectl explain` renders them with its own template (kubectl pkg/explain/v2/templates/plaintext.tmpl), so its
 * output is an independent oracle for the browser's `kubectl explain` (lib/kubectl/commands/explain.ts without its
 * Korean lines); `kubectl apply --validate=strict` finds fieldValidation on the PATCH operation
 * (cli-runtime pkg/resource/query_param_verifier_v3.go) and prints the server's strict decoding error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_INFOS, resolveResource } from '../k8s/kinds';
import { DOCS } from '../k8s/kinds/upstream/docs';
import { renderExplain } from '../kubectl/commands/explain';
import { STRATEGY_EXPLAIN_HEAD } from '../kubectl/commands/explain-layout.fixture';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl, skipWithoutKubectl } from './kubectl-harness';

const newest = (await findKubectls()).filter((b) => b.minor >= 27).pop();
skipWithoutKubectl('OpenAPI v3 tests with the real kubectl (≥ 1.27)', newest);

describe.skipIf(!newest)(`real kubectl ${newest?.version ?? ''} reads /openapi/v3`, () => {
  let server: SimServer;
  let k: Kubectl;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubesim-openapi-'));
    const kubeconfig = join(dir, 'kubeconfig');
    server = await startSimServer({ port: 0, seed: 5, workers: 1, kubeconfigPath: kubeconfig, tickMs: 50 });
    k = new Kubectl(newest!, kubeconfig);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('explains a field in the real layout', async () => {
    const out = await k.ok('explain', 'deployment.spec.strategy');
    // written from the template: GROUP/KIND/VERSION, FIELD line with the referenced type's name, two newlines,
    // the field's description followed by its type's description, then the fields sorted by name
    expect(out.split('\n').slice(0, 13)).toEqual([...STRATEGY_EXPLAIN_HEAD, 'FIELDS:', '  rollingUpdate\t<RollingUpdateDeployment>']);
    expect(out).toContain('  type\t<string>\n  enum: Recreate, RollingUpdate\n');
    const rolling = await k.ok('explain', 'deploy.spec.strategy.rollingUpdate');
    expect(rolling).toContain('  maxSurge\t<IntOrString>\n');
  });

  it('prints exactly what the browser terminal prints, for every kind (recursive and not) and nested fields', async () => {
    const cases: [string, boolean][] = [
      ...KIND_INFOS.flatMap((info): [string, boolean][] => [[info.plural, true], [info.plural, false]]),
      ['pod.spec.containers', false],
      ['pod.spec.restartPolicy', false],
      ['service.spec.ports', false],
      ['node.status', false],
      ['deploy.spec.template.spec.containers.resources', false],
    ];
    for (const [arg, recursive] of cases) {
      const real = await k.ok('explain', arg, ...(recursive ? ['--recursive'] : []));
      const [type, ...path] = arg.split('.');
      expect(renderExplain(resolveResource(type)!, path, recursive, DOCS, false), `kubectl explain ${arg}${recursive ? ' --recursive' : ''}`).toBe(real);
    }
  });

  it('says a field does not exist as kubectl does', async () => {
    const r = await k.run('explain', 'deployment.spec.replica');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: field "replica" does not exist');
  });

  it('apply --validate=strict reports unknown fields with the server strict decoding error', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: bad}',
        'spec:',
        '  replica: 2',
        '  selector: {matchLabels: {app: bad}}',
        '  template:',
        '    metadata: {labels: {app: bad}}',
        '    spec:',
        '      containers: [{name: c, image: nginx, imagee: x}]',
      ].join('\n'),
    );
    const r = await k.run('apply', '--validate=strict', '-f', file);
    expect(r.code).toBe(1);
    // k8s.io/apimachinery pkg/runtime/serializer/json strict errors, wrapped by kubectl apply's "error when creating"
    expect(r.stderr.trim()).toBe(
      `Error from server (BadRequest): error when creating "${file}": Deployment in version "v1" cannot be handled as a Deployment: ` +
        'strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee"',
    );
  });

  it('still applies a change to an existing object as a strategic merge patch', async () => {
    const file = join(dir, 'web.yaml');
    const manifest = (image: string) =>
      ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 1', '  selector: {matchLabels: {app: web}}',
        '  template:', '    metadata: {labels: {app: web}}', `    spec: {containers: [{name: web, image: "${image}"}]}`].join('\n');
    writeFileSync(file, manifest('nginx:1.27'));
    expect(await k.ok('apply', '-f', file)).toContain('deployment.apps/web created');
    writeFileSync(file, manifest('nginx:1.28'));
    expect(await k.ok('apply', '-f', file)).toContain('deployment.apps/web configured');
    expect(await k.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].image}')).toBe('nginx:1.28');
  });
});
