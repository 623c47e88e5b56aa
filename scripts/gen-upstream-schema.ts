/**
 * Generates lib/k8s/kinds/upstream/{structs,docs}.ts from the Kubernetes Go API types, the same source the API
 * server's OpenAPI (and so `kubectl explain`) is generated from:
 *
 *   git clone -b release-1.34 https://github.com/kubernetes/api /tmp/k8s-api
 *   git clone -b release-1.34 https://github.com/kubernetes/apimachinery /tmp/k8s-apimachinery
 *   npx tsx scripts/gen-upstream-schema.ts /tmp/k8s-api /tmp/k8s-apimachinery
 *
 * Descriptions follow kube-openapi's generateDescription (pkg/generators/openapi.go) and enum suffixes its
 * enum.go ("Possible enum values:"); a field is required when it has `+required`, or neither `+optional` nor
 * `omitempty` (isOptional in the same file). Only the types reachable from the registered kinds are written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIND_LIST } from '../lib/k8s/kinds/list';

const VERSION = '1.34';
/** The k8s.io/api package of an API group: `discovery.k8s.io` → `discovery`, the core group '' → `core`. */
const packageOf = (group: string) => group.split('.')[0] || 'core';
/** The root type of every registered kind and its package, read off the kind list (lib/k8s/kinds/list.ts). */
const ROOTS = KIND_LIST.map((k) => ({ name: k.kind, pkg: packageOf(k.group) }));
/** Packages parsed, in lookup order: core first, then the registered kinds' groups. Types are keyed by their Go name,
 * so on a clash (discovery's EndpointPort vs core's) the type reached first wins: core's, whose fields are the same
 * apart from `port` being required. */
const PACKAGES = [...new Set(['core', 'apps', ...ROOTS.map((r) => r.pkg)])];

/** Types the OpenAPI describes as scalars or free-form objects (their OpenAPISchemaType), by qualified name. */
const SPECIAL: Record<string, string> = {
  'metav1.Time': 'Time', 'metav1.MicroTime': 'MicroTime', 'metav1.Duration': 'string', 'intstr.IntOrString': 'IntOrString',
  'resource.Quantity': 'Quantity', 'runtime.RawExtension': 'RawExtension', 'metav1.FieldsV1': 'FieldsV1', 'types.UID': 'string',
};
const BUILTIN: Record<string, string> = {
  string: 'string', bool: 'boolean', int: 'integer', int32: 'integer', int64: 'integer', uint32: 'integer', uint64: 'integer',
  float32: 'number', float64: 'number',
};

interface GoField { name: string; type: string; tag: string; comments: string[]; embedded: boolean }
interface GoDecl { pkg: string; name: string; comments: string[]; struct?: GoField[]; underlying?: string }
interface GoConst { pkg: string; type: string; value: string; name: string; comments: string[] }

const decls = new Map<string, GoDecl>(); // `${pkg}.${name}`
const consts: GoConst[] = [];

/** go/ast CommentGroup.Text(): drop `//` and one following space; trim trailing space. */
const commentText = (line: string) => line.replace(/^\s*\/\/ ?/, '').replace(/\s+$/, '');

function parseFile(pkg: string, path: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  let comments: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*\/\//.test(line)) { comments.push(commentText(line)); continue; }
    const struct = /^type (\w+) struct \{/.exec(line);
    const named = /^type (\w+) (\S.*)$/.exec(line);
    if (struct) {
      const fields: GoField[] = [];
      let fieldComments: string[] = [];
      for (i++; i < lines.length && lines[i] !== '}'; i++) {
        const l = lines[i];
        if (/^\s*\/\//.test(l)) { fieldComments.push(commentText(l)); continue; }
        const m = /^\s+(?:(\w+)\s+)?([*\w.[\]]+)\s+`([^`]*)`/.exec(l);
        if (m) fields.push({ name: m[1] ?? m[2].replace(/^\*/, '').split('.').pop()!, type: m[2], tag: m[3], comments: fieldComments, embedded: !m[1] });
        fieldComments = [];
      }
      decls.set(`${pkg}.${struct[1]}`, { pkg, name: struct[1], comments, struct: fields });
    } else if (named && !named[2].startsWith('interface') && !named[2].startsWith('=')) {
      decls.set(`${pkg}.${named[1]}`, { pkg, name: named[1], comments, underlying: named[2].trim() });
    } else if (/^const \($/.test(line)) {
      let constComments: string[] = [];
      for (i++; i < lines.length && lines[i] !== ')'; i++) {
        const l = lines[i];
        if (/^\s*\/\//.test(l)) { constComments.push(commentText(l)); continue; }
        const m = /^\s+(\w+)\s+(\w+)\s*=\s*"([^"]*)"/.exec(l);
        // `AddressTypeFQDN = AddressType("FQDN")`, `AddressTypeIPv4 = AddressType(v1.IPv4Protocol)` (a constant of
        // an earlier package: core is parsed first)
        const conv = /^\s+(\w+)\s*=\s*(\w+)\((?:"([^"]*)"|(?:\w+\.)?(\w+))\)/.exec(l);
        if (m) consts.push({ pkg, name: m[1], type: m[2], value: m[3], comments: constComments });
        else if (conv) {
          const value = conv[3] ?? consts.find((c) => c.name === conv[4])?.value;
          if (value !== undefined) consts.push({ pkg, name: conv[1], type: conv[2], value, comments: constComments });
        }
        constComments = [];
      }
    }
    comments = [];
  }
}

/** kube-openapi generateDescription: paragraphs kept, `+markers` and TODOs dropped, indented lines kept as lines. */
function description(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    if (raw === '---') break;
    const line = raw.replace(/ +$/, '');
    const leading = line.replace(/^ +/, '');
    if (line.length === 0) { out = out.slice(0, -1) + '\n\n'; continue; }
    if (leading.startsWith('TODO') || leading.startsWith('+')) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) out = out.slice(0, -1) + `\n${line}\n`;
    else out += `${line} `;
  }
  return out.trim();
}

const jsonTag = (tag: string) => /json:"([^"]*)"/.exec(tag)?.[1];
const hasMarker = (comments: string[], marker: string) => comments.some((c) => c === `+${marker}` || c.startsWith(`+${marker}=`));

const structs: Record<string, Record<string, string>> = {};
const docs: Record<string, Record<string, string>> = {};
const enums: Record<string, string[]> = {};
/** Go package of each struct, for the OpenAPI definition names (io.k8s.api.apps.v1.Deployment). */
const packages: Record<string, string> = {};
const queue: GoDecl[] = [];

function lookup(pkg: string, expr: string): GoDecl | undefined {
  const alias: Record<string, string> = { metav1: 'meta', v1: 'core', corev1: 'core', runtime: 'runtime', intstr: 'intstr', resource: 'resource', types: 'types' };
  const [q, name] = expr.includes('.') ? expr.split('.') : [undefined, expr];
  return decls.get(`${q ? alias[q] : pkg}.${name}`);
}

/** The compact type string of a Go type expression: `[]ContainerPort`, `map[string]Quantity`, `string:PullPolicy`. */
function typeOf(pkg: string, expr: string): string {
  expr = expr.replace(/^\*/, '');
  if (expr === '[]byte') return 'string';
  if (expr.startsWith('[]')) return `[]${typeOf(pkg, expr.slice(2))}`;
  const map = /^map\[[^\]]+\](.+)$/.exec(expr);
  if (map) return `map[string]${typeOf(pkg, map[1])}`;
  if (BUILTIN[expr]) return BUILTIN[expr];
  const qualified = expr.includes('.') ? expr : `${pkg === 'core' ? 'v1' : pkg === 'meta' ? 'metav1' : pkg}.${expr}`;
  if (SPECIAL[qualified]) { addSpecialDoc(qualified); return SPECIAL[qualified]; }
  const decl = lookup(pkg, expr);
  if (!decl) throw new Error(`unknown Go type ${expr} in package ${pkg}`);
  if (decl.struct) { enqueue(decl); return decl.name; }
  const base = typeOf(decl.pkg, decl.underlying!);
  if (base === 'string' && hasMarker(decl.comments, 'enum')) {
    enums[decl.name] = [...new Set(consts.filter((c) => c.pkg === decl.pkg && c.type === decl.name).map((c) => c.value))].sort();
    return `string:${decl.name}`;
  }
  return base;
}

function addSpecialDoc(qualified: string): void {
  const decl = lookup('', qualified);
  if (decl && SPECIAL[qualified] !== 'string') docs[SPECIAL[qualified]] ??= { '': description(decl.comments) };
}

function enqueue(decl: GoDecl): void {
  if (structs[decl.name] || queue.includes(decl)) return;
  queue.push(decl);
}

/** Properties of a struct with inline members flattened, as kube-openapi does (shouldInlineMembers). */
function members(decl: GoDecl): { field: GoField; pkg: string }[] {
  return decl.struct!.flatMap((field) => {
    const tag = jsonTag(field.tag);
    if (tag === '-' || tag === undefined) return [];
    if (field.embedded && (tag === '' || tag.startsWith(','))) {
      return members(lookup(decl.pkg, field.type.replace(/^\*/, ''))!);
    }
    return [{ field, pkg: decl.pkg }];
  });
}

function enumLines(pkg: string, expr: string): string[] {
  const decl = lookup(pkg, expr.replace(/^\*/, ''));
  if (!decl || !decl.underlying || !hasMarker(decl.comments, 'enum')) return [];
  const seen = new Map<string, GoConst>();
  for (const c of consts.filter((k) => k.pkg === decl.pkg && k.type === decl.name)) {
    const prev = seen.get(c.value);
    const text = (k: GoConst) => k.comments.join(' ');
    if (!prev || text(prev).length < text(c).length || (text(prev).length === text(c).length && text(prev) > text(c))) seen.set(c.value, c);
  }
  const lines = [...seen.values()].map((c) => {
    const comment = c.comments.join(' ').trim().replace(new RegExp(`^${c.name}`), '').trim().replace(/\s+/g, ' ');
    return ` - \`${JSON.stringify(c.value)}\` ${comment}`;
  });
  return lines.length ? ['', 'Possible enum values:', ...lines.sort()] : [];
}

function emit(decl: GoDecl): void {
  const fields: Record<string, string> = {};
  const fieldDocs: Record<string, string> = { '': description(decl.comments) };
  structs[decl.name] = fields;
  packages[decl.name] = decl.pkg;
  for (const { field, pkg } of members(decl)) {
    const [name, ...opts] = jsonTag(field.tag)!.split(',');
    const required = hasMarker(field.comments, 'required') || (!hasMarker(field.comments, 'optional') && !opts.includes('omitempty'));
    fields[name] = typeOf(pkg, field.type) + (required ? '!' : '');
    fieldDocs[name] = description([...field.comments, ...enumLines(pkg, field.type)]);
  }
  docs[decl.name] = fieldDocs;
}

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) throw new Error('usage: gen-upstream-schema.ts <kubernetes/api checkout> <kubernetes/apimachinery checkout>');
for (const pkg of PACKAGES) parseFile(pkg, join(apiDir, `${pkg}/v1/types.go`));
for (const f of ['types.go', 'time.go', 'micro_time.go', 'duration.go']) parseFile('meta', join(machineryDir, 'pkg/apis/meta/v1', f));
parseFile('intstr', join(machineryDir, 'pkg/util/intstr/intstr.go'));
parseFile('resource', join(machineryDir, 'pkg/api/resource/quantity.go'));
parseFile('runtime', join(machineryDir, 'pkg/runtime/types.go'));
parseFile('types', join(machineryDir, 'pkg/types/uid.go'));

for (const root of ROOTS) {
  const decl = decls.get(`${root.pkg}.${root.name}`);
  if (!decl) throw new Error(`kind ${root.name}: no type ${root.name} in ${root.pkg}/v1/types.go`);
  enqueue(decl);
}
while (queue.length) emit(queue.shift()!);

const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
const header = `// Generated by scripts/gen-upstream-schema.ts from kubernetes/api and kubernetes/apimachinery release-${VERSION}. Do not edit.\n`;
writeFileSync('lib/k8s/kinds/upstream/structs.ts', `${header}/**
 * Every struct reachable from the registered kinds: JSON field name → type. \`[]T\` list, \`map[string]T\` map,
 * \`string:Enum\` enum-typed string, trailing \`!\` required. Scalars: string integer number boolean Time MicroTime IntOrString Quantity;
 * RawExtension and FieldsV1 are free-form objects.
 */
export const UPSTREAM_VERSION = '${VERSION}';
export const STRUCTS: Record<string, Record<string, string>> = ${JSON.stringify(sorted(structs), null, 1)};
export const ENUMS: Record<string, readonly string[]> = ${JSON.stringify(sorted(enums), null, 1)};
`);
writeFileSync('lib/k8s/kinds/upstream/docs.ts', `${header}/** Upstream English description of each type ('') and field, as the API server's OpenAPI carries them. */
export const DOCS: Record<string, Record<string, string>> = ${JSON.stringify(sorted(docs), null, 1)};
`);
writeFileSync('lib/k8s/kinds/upstream/packages.ts', `${header}/**
 * The Go package of every struct in structs.ts (\`core\` = k8s.io/api/core/v1, \`apps\` = k8s.io/api/apps/v1, \`meta\` =
 * k8s.io/apimachinery/pkg/apis/meta/v1): the OpenAPI documents name each definition after it.
 */
export const PACKAGES: Record<string, string> = ${JSON.stringify(sorted(packages), null, 1)};
`);
console.log(`${Object.keys(structs).length} structs, ${Object.values(structs).reduce((n, s) => n + Object.keys(s).length, 0)} fields, ${Object.keys(enums).length} enums`);
