import { describe, expect, it } from 'vitest';
import { JsonPathError, renderJsonPath } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, spec: { nodeName: 'worker-1', containers: [{ image: 'nginx:1.24' }, { image: 'busybox' }] } },
    { metadata: { name: 'b' }, spec: { nodeName: 'worker-2', containers: [{ image: 'nginx:1.25' }] } },
  ],
};

describe('renderJsonPath', () => {
  it('joins multiple results with spaces, like kubectl', () => {
    expect(renderJsonPath('{.items[*].metadata.name}', list)).toBe('a b');
    expect(renderJsonPath('{.items[0].spec.containers[*].image}', list)).toBe('nginx:1.24 busybox');
    expect(renderJsonPath('{.items[1].metadata.labels}', list)).toBe('');
    expect(renderJsonPath('{.items[0].metadata.labels}', list)).toBe('{"app":"web"}');
  });

  it('supports range/end and quoted literals', () => {
    expect(renderJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}', list)).toBe('a\tworker-1\nb\tworker-2\n');
  });

  it('rejects what it does not support', () => {
    expect(() => renderJsonPath('{.items[?(@.x=="y")]}', list)).toThrow(JsonPathError);
    expect(() => renderJsonPath('{range .items[*]}{.a}', list)).toThrow(JsonPathError);
  });
});
