import { describe, expect, it } from 'vitest';
import { parseFieldPath, readField } from './field-path';

describe('field paths', () => {
  it('parses keys, indices and quoted keys', () => {
    expect(parseFieldPath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(parseFieldPath('metadata.labels["app.kubernetes.io/name"]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });

  it('rejects malformed paths', () => {
    for (const bad of ['', '.spec', 'spec..replicas', 'spec.containers[x]', 'spec.containers[0']) expect(() => parseFieldPath(bad)).toThrow();
  });

  it('reads nested values and returns undefined for missing steps', () => {
    const obj = { spec: { containers: [{ image: 'nginx' }] } };
    expect(readField(obj, 'spec.containers[0].image')).toBe('nginx');
    expect(readField(obj, 'spec.containers[1].image')).toBeUndefined();
    expect(readField(obj, 'status.phase')).toBeUndefined();
  });
});
