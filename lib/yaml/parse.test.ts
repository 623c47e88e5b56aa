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
