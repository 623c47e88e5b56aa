import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './decode';
import { encodeFields, readFields } from './wire';

// Bodies captured from kubectl 1.32 (`create deployment web2 --image=nginx:1.14.2 --replicas=3`,
// `create namespace team-a`, `create service clusterip svc2 --tcp=80:8080`).
const CREATE_DEPLOYMENT =
  'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErcBCiEKBHdlYjISABoAIgAqADIAOABCAFoLCgNhcHASBHdlYjISgwEIAxINCgsKA2FwcBIEd2ViMhpoCh0KABIAGgAiACoAMgA4AEIAWgsKA2FwcBIEd2ViMhJHEikKBW5naW54EgxuZ2lueDoxLjE0LjIqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQABgAIAAoADgAGgAiAA==';
const CREATE_NAMESPACE = 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh4KFgoGdGVhbS1hEgAaACIAKgAyADgAQgASABoCCgAaACIA';
const CREATE_SERVICE =
  'azhzAAoNCgJ2MRIHU2VydmljZRJsCiEKBHN2YzISABoAIgAqADIAOABCAFoLCgNhcHASBHN2YzISQwobCgc4MC04MDgwEgNUQ1AYUCIHCAAQkD8aACgAEgsKA2FwcBIEc3ZjMhoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==';

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe('decodeKubernetesProtobuf (bodies from real kubectl 1.32)', () => {
  it('decodes create deployment into the JSON kubectl would have sent', () => {
    expect(decodeKubernetesProtobuf(bytes(CREATE_DEPLOYMENT))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web2', labels: { app: 'web2' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web2' } },
        template: { metadata: { labels: { app: 'web2' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] } },
      },
    });
  });

  it('decodes create namespace', () => {
    expect(decodeKubernetesProtobuf(bytes(CREATE_NAMESPACE))).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  });

  it('decodes a service with a named port and an int targetPort', () => {
    expect(decodeKubernetesProtobuf(bytes(CREATE_SERVICE))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc2', labels: { app: 'svc2' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'svc2' }, type: 'ClusterIP' },
    });
  });
});

describe('protobuf details', () => {
  const envelope = (kind: string, apiVersion: string, raw: Uint8Array) =>
    Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...encodeFields([
      { field: 1, value: encodeFields([{ field: 1, value: apiVersion }, { field: 2, value: kind }]) },
      { field: 2, value: raw },
    ])]);

  it('keeps an explicit replicas: 0 (pointer field) but drops other zero values', () => {
    const spec = encodeFields([{ field: 1, value: 0 }, { field: 5, value: 0 }]);
    const raw = encodeFields([{ field: 1, value: encodeFields([{ field: 1, value: 'z' }]) }, { field: 2, value: spec }]);
    expect(decodeKubernetesProtobuf(envelope('Deployment', 'apps/v1', raw))).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'z' }, spec: { replicas: 0 },
    });
  });

  it('decodes string IntOrString, quantities and negative varints', () => {
    const port = encodeFields([{ field: 1, value: 1 }, { field: 3, value: 'http' }]);
    const qty = encodeFields([{ field: 1, value: '250m' }]);
    const limits = encodeFields([{ field: 1, value: 'cpu' }, { field: 2, value: qty }]);
    const container = encodeFields([
      { field: 1, value: 'c' },
      { field: 8, value: encodeFields([{ field: 1, value: limits }]) },
    ]);
    const svcPort = encodeFields([{ field: 3, value: 80 }, { field: 4, value: port }]);
    const svc = encodeFields([{ field: 2, value: encodeFields([{ field: 1, value: svcPort }]) }]);
    expect(decodeKubernetesProtobuf(envelope('Service', 'v1', svc))).toEqual({
      apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 'http' }] },
    });
    const pod = encodeFields([{ field: 2, value: encodeFields([{ field: 2, value: container }, { field: 25, value: -5 }]) }]);
    expect(decodeKubernetesProtobuf(envelope('Pod', 'v1', pod))).toEqual({
      apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', resources: { limits: { cpu: '250m' } } }], priority: -5 },
    });
  });

  it('recognises the magic prefix only', () => {
    expect(isKubernetesProtobuf(bytes(CREATE_NAMESPACE))).toBe(true);
    expect(isKubernetesProtobuf(new TextEncoder().encode('{"kind":"Pod"}'))).toBe(false);
  });

  it('refuses unsupported kinds and truncated input', () => {
    expect(() => decodeKubernetesProtobuf(envelope('PersistentVolumeClaim', 'v1', new Uint8Array()))).toThrow(/PersistentVolumeClaim/);
    expect(() => readFields(Uint8Array.from([0x0a, 0x05, 0x61]))).toThrow(/truncated/);
  });

  it('refuses a negative length instead of reading the same field again and again', () => {
    // field 1, length -11 as a 10-byte varint: pos + len lands back on the field's own key
    expect(() => readFields(Uint8Array.from([0x0a, 0xf5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(/truncated/);
  });

  it('keeps a label key "__proto__" as a key instead of a prototype', () => {
    const label = encodeFields([{ field: 1, value: '__proto__' }, { field: 2, value: 'x' }]);
    const meta = encodeFields([{ field: 1, value: 'n' }, { field: 11, value: label }]);
    const decoded = decodeKubernetesProtobuf(envelope('Namespace', 'v1', encodeFields([{ field: 1, value: meta }]))) as { metadata: { labels: object } };
    expect(Object.getPrototypeOf(decoded.metadata.labels)).toBe(Object.prototype);
    expect(Object.keys(decoded.metadata.labels)).toEqual(['__proto__']);
  });
});
