/**
 * Hostile HTTP requests for the sim cluster server's fuzz test: bad percent-encodings, odd methods
 * and content types, nested and oversized bodies, and patch documents that aim at
 * Object.prototype. Every write is built to be refused (a missing target, a `__proto__` key, a
 * replica count over the simulator's quota, a body that cannot be decoded…), so a run must leave
 * the cluster exactly as it found it. Seeded: the same seed gives the same requests.
 */
import fc from 'fast-check';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** what the request tries, for failure messages */
  note: string;
}

/** The one object the test creates first, so patches have something real to aim at. */
export const FUZZ_TARGET = 'web';

/** A bit over the API server's 3 MiB body limit. */
const OVER_LIMIT = 3 * 1024 * 1024 + 17;

const BAD_SEGMENTS = ['%E0%A4%A', '%', '%zz', '%00', '%C0%AE', '%F0%9F%98', '..', '%2F', '%25%', encodeURIComponent('한글'), 'x'.repeat(300)];
/** Mostly well-formed, sometimes a bad segment: paths that fail decoding must not hide everything else. */
const segment = (...good: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_SEGMENTS) });
const NAMESPACES = segment('default', 'kube-system', 'no-such-ns');
const PLURALS = segment('pods', 'deployments', 'replicasets', 'services', 'nodes', 'namespaces', 'endpoints', 'events', 'daemonsets', 'bogus', '__proto__');
/** Names that exist nowhere: deletes and evictions aimed at them can only fail. */
const MISSING_NAMES = segment('missing-1', '__proto__', 'constructor', 'toString', 'hasOwnProperty');
const SUBRESOURCES = ['', 'scale', 'status', 'log', 'eviction', 'exec', 'bogus'];
const PREFIXES = segment('/api/v1', '/apis/apps/v1', '/apis/apps/v2', '/apis/bogus/v1');
const FIXED_PATHS = ['/', '/api', '/apis', '/version', '/openapi/v2', '/openapi/v3', '/openapi/v3/apis/apps/v1?hash=x', '/openapi/v3/%', '/healthz', '/%', '/%%%', '//', '/api/v1/%ZZ', '/apis/apps', '/api/v1/namespaces/%E0%A4%A/pods', '/api/v1/namespaces/default/pods/%'];
const CONTENT_TYPES = [
  'application/json', 'application/yaml', 'application/merge-patch+json', 'application/strategic-merge-patch+json',
  'application/json-patch+json', 'application/apply-patch+yaml', 'application/vnd.kubernetes.protobuf', 'text/plain',
  'application/json; charset=utf-8', '*/*', 'garbage/%%', '',
];
const QUERY = [
  'labelSelector=a%20in%20(', 'labelSelector=%E0%A4%A', 'fieldSelector=spec.bogus%3Dx', 'fieldSelector===', 'limit=-1', 'limit=1e309',
  'continue=%%%', 'continue=eyJhZnRlciI6MX0', 'dryRun=All', 'gracePeriodSeconds=abc', 'gracePeriodSeconds=-5', 'propagationPolicy=Sideways',
  'includeObject=%00', 'resourceVersion=abc', 'container=%E0%A4%A', 'pretty=true',
];
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype'];

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } },
  },
});

/** JSON text of `value` with `"__proto__": {...}` spliced in as an own key at the first `{` after `at` characters. */
function withProtoKey(json: string, at: number, payload: string): string {
  const i = json.indexOf('{', Math.min(at, json.length - 1));
  const pos = i < 0 ? 0 : i;
  return `${json.slice(0, pos + 1)}"__proto__":${payload},${json.slice(pos + 1)}`;
}

const text = (s: string) => Buffer.from(s, 'utf8');
const deep = (open: string, close: string, middle: string, depth: number) => open.repeat(depth) + middle + close.repeat(depth);

const pollution = fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '{"toString":1,"hasOwnProperty":2}', '[1]', '"x"');

/** Bodies, each with the content type that reaches the decoder it aims at. */
const bodyArb: fc.Arbitrary<{ body?: Buffer; contentType?: string; note: string }> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ note: 'no body' }) },
  { weight: 4, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...CONTENT_TYPES)).map(([v, ct]) => ({ body: text(JSON.stringify(v) ?? 'null'), contentType: ct, note: 'random JSON' })) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(['[', ']', ''], ['{"a":', '}', '1'], ['{a: ', '}', '1'], ['- ', '', 'x'], ['[{"b":', '}]', '2']), fc.integer({ min: 40, max: 20_000 }), fc.constantFrom('application/json', 'application/yaml', 'application/apply-patch+yaml', 'application/merge-patch+json'))
      .map(([[o, c, m], d, ct]) => ({ body: text(deep(o, c, m, d)), contentType: ct, note: `nesting ${d} deep (${o})` })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { body: Buffer.alloc(OVER_LIMIT, 'a'), contentType: 'application/json', note: 'body over 3 MiB' },
      // 1.1 M Hangul characters are under 3 Mi characters but 3.3 MB of UTF-8: the limit counts bytes
      { body: text(`{"a":"${'한'.repeat(1_100_000)}"}`), contentType: 'application/json', note: 'multi-byte body over 3 MiB' },
      { body: text(`a: [${'1,'.repeat(100_000)}1]`), contentType: 'application/yaml', note: 'wide YAML' },
      { body: text('---\n'.repeat(50_000)), contentType: 'application/yaml', note: 'many YAML documents' },
      { body: text('a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'), contentType: 'application/yaml', note: 'YAML alias expansion' },
      { body: Buffer.from([0x6b, 0x38, 0x73, 0x00, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x0a]), contentType: 'application/vnd.kubernetes.protobuf', note: 'truncated protobuf' },
      // field 1 with length -11: read naively, it points back at itself
      { body: Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xf5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), contentType: 'application/vnd.kubernetes.protobuf', note: 'protobuf with a negative length' },
      { body: Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x7b, 0x7d]), contentType: 'application/json', note: 'invalid UTF-8' },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 400 }), pollution, fc.constantFrom('application/json', 'application/yaml', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'))
      .map(([at, payload, ct]) => ({ body: text(withProtoKey(JSON.stringify(deployment('fz')), at, payload)), contentType: ct, note: `manifest with __proto__ at ${at}` })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.constantFrom('add', 'replace', 'copy', 'move', 'test', 'remove'),
      fc.constantFrom('/__proto__/polluted', '/constructor/prototype/polluted', '/metadata/__proto__/polluted', '/spec/__proto__', '/__proto__', '/spec/template/spec/containers/0/__proto__/x', '/metadata/labels/__proto__'),
      fc.constantFrom('/__proto__', '/constructor', '/metadata/labels', '/spec/template/constructor'),
      pollution,
    ).map(([op, path, from, value]) => ({
      body: text(`[{"op":"${op}","path":"${path}","from":"${from}","value":${value}}]`),
      contentType: 'application/json-patch+json',
      note: `json patch ${op} ${path}`,
    })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), fc.constantFrom('', 'metadata', 'spec', 'spec.template.spec', 'metadata.labels'), fc.constantFrom('', '$setElementOrder/', '$deleteFromPrimitiveList/', '$retainKeys'), pollution, fc.constantFrom('application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'))
      .map(([key, where, directive, payload, ct]) => {
        // always carries a __proto__ key somewhere, so the patch can only be refused
        let doc = `{"${directive}${key}":${payload},"__proto__":${payload}}`;
        for (const part of where.split('.').filter(Boolean).reverse()) doc = `{"${part}":${doc}}`;
        return { body: text(doc), contentType: ct, note: `merge-style patch with ${directive}${key} at ${where || 'top'}` };
      }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('{"spec":{"replicas":1000000000}}', '{"spec":{"replicas":2147483648}}', '{"spec":{"replicas":-1}}', '{"spec":{"replicas":"3"}}', '{"spec":{"replicas":1e400}}')
      .map((doc) => ({ body: text(doc), contentType: 'application/merge-patch+json', note: `replicas ${doc}` })),
  },
);

/** Where a manifest may carry a value of the wrong type. */
const FIELD_PATHS = [
  ['metadata', 'name'], ['metadata', 'namespace'], ['metadata', 'generateName'], ['metadata', 'labels'], ['metadata', 'annotations'],
  ['metadata', 'ownerReferences'], ['metadata', 'resourceVersion'], ['spec', 'replicas'], ['spec', 'selector'], ['spec', 'selector', 'matchLabels'],
  ['spec', 'strategy'], ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], ['spec', 'template', 'metadata', 'labels'], ['spec', 'template', 'spec'],
  ['spec', 'template', 'spec', 'containers'], ['spec', 'template', 'spec', 'containers', 0, 'image'], ['spec', 'template', 'spec', 'containers', 0, 'name'],
  ['spec', 'template', 'spec', 'containers', 0, 'ports'], ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'],
  ['spec', 'template', 'spec', 'containers', 0, 'env'], ['spec', 'template', 'spec', 'nodeSelector'], ['spec', 'template', 'spec', 'tolerations'], ['kind'], ['apiVersion'],
] as const;
const WRONG_VALUES: unknown[] = [{ toString: 1 }, { toString: 1, valueOf: 2 }, [], [[]], [{ toString: 1 }], true, 1e308, 1.5, -1, '', 'x'.repeat(300), null, { a: { b: 1 } }];

/** A valid manifest with one field replaced by a value of another type; sent as a dry run, so even an accepted one changes nothing. */
const wrongTypeArb = fc.tuple(fc.constantFrom(...FIELD_PATHS), fc.constantFrom(...WRONG_VALUES), fc.constantFrom('Deployment', 'Pod', 'Service'))
  .map(([path, value, kind]) => {
    const doc: Record<string, unknown> = kind === 'Deployment' ? deployment('fz-typed')
      : kind === 'Pod' ? { apiVersion: 'v1', kind, metadata: { name: 'fz-typed' }, spec: deployment('x').spec.template.spec }
      : { apiVersion: 'v1', kind, metadata: { name: 'fz-typed' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } };
    let at = doc as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string | number, unknown>;
    at[path[path.length - 1]] = value;
    const plural = kind === 'Deployment' ? '/apis/apps/v1/namespaces/default/deployments' : kind === 'Pod' ? '/api/v1/namespaces/default/pods' : '/api/v1/namespaces/default/services';
    return { path: `${plural}?dryRun=All`, body: text(JSON.stringify(doc)), note: `${kind} with ${path.join('.')} = ${JSON.stringify(value).slice(0, 40)}` };
  });

const pathArb: fc.Arbitrary<{ path: string; existing: boolean; named: boolean }> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...FIXED_PATHS).map((path) => ({ path, existing: false, named: true })) },
  {
    weight: 6,
    arbitrary: fc.record({
      prefix: PREFIXES,
      namespace: fc.option(NAMESPACES, { nil: undefined }),
      plural: PLURALS,
      name: fc.option(fc.oneof(MISSING_NAMES, fc.constant(FUZZ_TARGET)), { nil: undefined }),
      sub: fc.constantFrom(...SUBRESOURCES),
      query: fc.subarray(QUERY, { maxLength: 3 }),
    }).map(({ prefix, namespace, plural, name, sub, query }) => {
      let path = prefix + (namespace !== undefined ? `/namespaces/${namespace}` : '') + `/${plural}`;
      if (name !== undefined) path += `/${name}` + (sub ? `/${sub}` : '');
      if (query.length) path += `?${query.join('&')}`;
      return { path, existing: name === FUZZ_TARGET, named: name !== undefined };
    }),
  },
  {
    // the one real object and its collection, where bodies reach the decoder and the engine
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom('', `/${FUZZ_TARGET}`, `/${FUZZ_TARGET}/scale`, `/${FUZZ_TARGET}/status`), fc.constantFrom('', '?dryRun=All', '?fieldValidation=Strict'))
      .map(([tail, query]) => ({ path: `/apis/apps/v1/namespaces/default/deployments${tail}${query}`, existing: tail !== '', named: tail !== '' })),
  },
);

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * Whether a request may succeed and still must not change the cluster. Writes to the one real
 * object carry a body built to be refused; deletes never name it (a delete needs no body to be
 * valid), and a DELETE on a collection only ever matches nothing.
 */
function harmless(method: string, path: string, existing: boolean, note: string): boolean {
  if (method === 'DELETE') return !existing;
  if (!existing || method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
  return !/^(no body|random JSON)$/.test(note);
}

/** `count` seeded requests. */
export function fuzzRequests(seed: number, count: number): FuzzRequest[] {
  const arb = fc.tuple(fc.constantFrom(...METHODS), pathArb, bodyArb, fc.boolean(), fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongTypeArb }));
  const out: FuzzRequest[] = [];
  for (const [method, { path, existing, named }, { body, contentType, note }, table, typed] of fc.sample(arb, { seed, numRuns: count * 2 })) {
    if (out.length === count) break;
    if (typed) {
      out.push({ method: 'POST', path: typed.path, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: typed.body, note: typed.note });
      continue;
    }
    if (!harmless(method, path, existing, note)) continue;
    // a collection DELETE selects nothing, so at worst it deletes nothing
    const safePath = method === 'DELETE' && !named ? `${path}${path.includes('?') ? '&' : '?'}labelSelector=fuzz%3Dnever` : path;
    const headers: Record<string, string> = { accept: table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    out.push({ method, path: safePath, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, note });
  }
  return out;
}
