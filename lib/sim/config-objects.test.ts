/**
 * ConfigMap and Secret through the simulator's API server path, with the messages a 1.34 API server gives:
 * keys and sizes from pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret and their *Update,
 * IsConfigMapKey in k8s.io/apimachinery/pkg/util/validation), Secret defaults from pkg/apis/core/v1/defaults.go
 * (SetDefaults_Secret) and `stringData` from pkg/apis/core/v1/conversion.go (Convert_v1_Secret_To_core_Secret).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from './index';
import type { KubeObject, V1Secret } from '../k8s/types';

const sim = () => createSimulator({ seed: 1 });
const cm = (data: Record<string, string>, extra: object = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data, ...extra }) as KubeObject;
const secret = (body: object) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, ...body }) as KubeObject;

function failure(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (e) {
    const s = (e as { status?: { code: number; message: string } }).status ?? (e as { code: number; message: string });
    return { code: s.code, message: s.message };
  }
  throw new Error('expected a failure');
}

describe('ConfigMap', () => {
  it('stores data in the namespace', () => {
    const s = sim();
    s.create(cm({ 'app.properties': 'color=blue', MODE: 'dev' }));
    expect(s.get('ConfigMap', 'app', 'default')).toMatchObject({ data: { MODE: 'dev' }, metadata: { namespace: 'default' } });
  });

  it('refuses keys outside [-._a-zA-Z0-9]+ and the dot names', () => {
    const f = failure(() => sim().create(cm({ 'a b': 'x', '..x': 'y' })));
    expect(f.code).toBe(422);
    expect(f.message).toContain(`data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.'`);
    expect(f.message).toContain(`data[..x]: Invalid value: "..x": must not start with '..'`);
  });

  it('refuses more than 1 MiB of data (field.TooLong on the empty path: the whole object)', () => {
    const f = failure(() => sim().create(cm({ big: 'x'.repeat(1024 * 1024 + 1) })));
    expect(f.message).toBe('ConfigMap "app" is invalid: : Too long: may not be more than 1048576 bytes');
  });

  it('keeps an immutable ConfigMap as it is', () => {
    const s = sim();
    s.create(cm({ a: '1' }, { immutable: true }));
    const stored = s.get('ConfigMap', 'app', 'default') as KubeObject;
    const f = failure(() => s.update({ ...stored, data: { a: '2' } } as KubeObject));
    expect(f.message).toBe('ConfigMap "app" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    const g = failure(() => s.update({ ...stored, immutable: false } as KubeObject));
    expect(g.message).toBe('ConfigMap "app" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
  });
});

describe('Secret', () => {
  it('defaults type to Opaque and merges stringData into data as base64', () => {
    const s = sim();
    s.create(secret({ data: { user: 'YWRtaW4=' }, stringData: { password: 's3cr3t', user: 'root' } }));
    const stored = s.get('Secret', 'db', 'default') as V1Secret & { stringData?: unknown };
    expect(stored.type).toBe('Opaque');
    expect(stored.data).toEqual({ user: 'cm9vdA==', password: 'czNjcjN0' });
    expect(stored.stringData).toBeUndefined();
  });

  it('refuses data that is not base64 with the decoder message', () => {
    const f = failure(() => sim().create(secret({ data: { password: 'plain text' } })));
    expect(f.code).toBe(400);
    expect(f.message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5');
  });

  it('requires the keys of its type and keeps type and immutable data', () => {
    expect(failure(() => sim().create(secret({ type: 'kubernetes.io/tls', data: {} }))).message).toBe(
      'Secret "db" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    );
    const s = sim();
    s.create(secret({ stringData: { a: '1' }, immutable: true }));
    const stored = s.get('Secret', 'db', 'default') as KubeObject;
    expect(failure(() => s.update({ ...stored, data: { a: 'Mg==' } } as KubeObject)).message).toBe(
      'Secret "db" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
    expect(failure(() => s.update({ ...stored, type: 'kubernetes.io/basic-auth' } as KubeObject)).message).toContain('type: Invalid value: "kubernetes.io/basic-auth": field is immutable');
  });
});
