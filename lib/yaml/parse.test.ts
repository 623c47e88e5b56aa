import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';
import { TEMPLATES } from './templates';

describe('parseManifests', () => {
  it('accepts every template and multi-document files, skipping empty documents', () => {
    for (const t of TEMPLATES) expect(parseManifests(t.content).problems).toEqual([]);
    const all = parseManifests(`---\n${TEMPLATES.map((t) => t.content).join('---\n')}---\n`);
    expect(all.ok).toBe(true);
    expect(all.docs.map((d) => d.kind)).toEqual(['Pod', 'ReplicaSet', 'Deployment', 'Service']);
  });

  it('points syntax errors at line and column, in Korean', () => {
    const r = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n\tlabels: {}\n');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 5, kind: 'syntax' });
    expect(r.problems[0].message).toMatch(/^YAML 문법 오류: /);
    expect(r.problems[0].detail).toMatch(/^error converting YAML to JSON: yaml: line 5: /);
  });

  it('reports unknown fields like strict decoding, with a hint', () => {
    const text = TEMPLATES.find((t) => t.id === 'deployment')!.content.replace('replicas: 3', 'replica: 3').replace('image: nginx:1.24', 'imagee: nginx:1.24');
    const r = parseManifests(text);
    expect(r.problems.map((p) => [p.line, p.column, p.hint])).toEqual([
      [8, 3, 'replicas를 말씀하신 건가요?'],
      [19, 9, 'image를 말씀하신 건가요?'],
    ]);
    expect(r.problems[0].detail).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
    expect(r.problems[1].detail).toContain('unknown field "spec.template.spec.containers[0].imagee"');
  });

  it('reports wrong value types and wrong apiVersion/kind', () => {
    const wrongType = parseManifests('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: three\n');
    expect(wrongType.problems[0]).toMatchObject({ line: 5, column: 13, message: expect.stringContaining('spec.replicas에는 정수가') });
    expect(wrongType.problems[0].detail).toContain('cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(parseManifests('apiVersion: v1\nkind: Deployment\nmetadata: {name: a}\n').problems[0].message).toBe('Deployment의 apiVersion은 apps/v1이에요. (지금: v1)');
    expect(parseManifests('apiVersion: v1\nkind: Pdo\n').problems[0].hint).toBe('Pod를 말씀하신 건가요?');
    expect(parseManifests('metadata: {name: a}\n').problems[0].message).toContain('kind가 없어요');
  });

  it('accepts every field a 1.34 API server accepts, from the same schema the engine decodes with', () => {
    // kubernetes/api release-1.34 core/v1/types.go, type Container: stdinOnce, resizePolicy, restartPolicy and
    // volumeDevices are known fields; the editor's old hand-written schema rejected all four.
    const pod = [
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '  - name: sidecar', '    image: busybox',
      '    restartPolicy: Always', '    stdinOnce: true', '    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]',
      '    volumeDevices: [{name: disk, devicePath: /dev/xvda}]', '  containers: [{name: c, image: nginx}]', '',
    ].join('\n');
    expect(parseManifests(pod).problems).toEqual([]);
    const typo = parseManifests('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n  volumes: [{name: v, emptyDir: {sizeLimitt: 1Gi}}]\n');
    expect(typo.problems.map((p) => p.hint)).toEqual(['sizeLimit를 말씀하신 건가요?']);
    expect(typo.problems[0].detail).toContain('unknown field "spec.volumes[0].emptyDir.sizeLimitt"');
  });

  it('checks map values like encoding/json does, and picks the right Korean particle', () => {
    // A label value must be a string: `version: 1.0` decodes as a number, which the API server rejects with
    // json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string.
    const r = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {version: 1.0}\nspec:\n  containers: [{name: c, image: nginx}]\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toBe('metadata.labels에는 문자열이 와야 해요. (지금: 숫자)');
    expect(r.problems[0].detail).toContain('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    const quantity = parseManifests('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx, resources: {limits: {cpu: 1, memory: 128Mi}}}]\n');
    expect(quantity.problems).toEqual([]);
  });

  it('refuses text over 128 KiB (counted in UTF-8 bytes) before parsing it, in Korean', () => {
    const big = parseManifests(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'x'.repeat(128 * 1024)}\n`);
    expect(big.problems).toEqual([expect.objectContaining({ line: 1, column: 1, kind: 'syntax', message: expect.stringContaining('128KiB까지') })]);
    // 45,000 Hangul characters are 135,000 bytes of UTF-8
    expect(parseManifests(`a: ${'한'.repeat(45_000)}\n`).problems[0].message).toContain('128KiB까지');
  });

  it('refuses nesting deeper than 100 levels at the place it happens, also through anchors and aliases', () => {
    const deep = parseManifests(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: ${'['.repeat(300)}${']'.repeat(300)}\n`);
    expect(deep.problems).toHaveLength(1);
    expect(deep.problems[0]).toMatchObject({ line: 5, kind: 'syntax', detail: 'error converting YAML to JSON: yaml: exceeded max depth of 100' });
    expect(deep.problems[0].column).toBeGreaterThan(11);
    expect(deep.problems[0].message).toContain('100단계');
    // each alias wraps the previous anchor in 45 more lists: three of them nest 135 deep, each line only 45
    const wrap = (inner: string) => '['.repeat(45) + inner + ']'.repeat(45);
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  l0: &a0 ${wrap('1')}\n  l1: &a1 ${wrap('*a0')}\n  l2: ${wrap('*a1')}\n`;
    const aliased = parseManifests(text);
    expect(aliased.problems).toEqual([expect.objectContaining({ kind: 'syntax', detail: 'error converting YAML to JSON: yaml: exceeded max depth of 100' })]);
    expect(aliased.problems[0].message).toContain('별칭');
  });

  it('refuses more than 1,000 documents in one text', () => {
    const r = parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n' + '---\n'.repeat(1_001));
    expect(r.problems[0].message).toContain('1,000개까지');
  });

  it('reports constructor and __proto__ as unknown fields, not as schema entries every object inherits', () => {
    const r = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  constructor: 1\nspec:\n  __proto__: {}\n  containers: [{name: c, image: nginx}]\n');
    expect(r.problems.map((p) => p.detail)).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.constructor"',
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.__proto__"',
    ]);
  });

  it('never throws on 1,000 random YAML documents, and every problem points inside the text', () => {
    const manifest = fc.record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', 7),
      kind: fc.constantFrom('Pod', 'Deployment', 'Service', 'ReplicaSet', 'Thing'),
      metadata: fc.record({ name: fc.string({ maxLength: 8 }), labels: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })) }),
      spec: fc.anything({ maxDepth: 3 }),
    });
    const text = fc.oneof(
      manifest.map((m) => stringify(m)),
      fc.array(manifest, { maxLength: 3 }).map((ms) => ms.map((m) => stringify(m)).join('---\n')),
      fc.tuple(manifest, fc.nat(), fc.string({ maxLength: 4 })).map(([m, at, junk]) => {
        const s = stringify(m);
        const i = at % (s.length + 1);
        return s.slice(0, i) + junk + s.slice(i);
      }),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parseManifests(t);
        expect(r.ok).toBe(r.problems.length === 0);
        const lines = t.split(/\r\n|\r|\n/).length;
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines + 1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
