/** `-f NAME`: manifests from the editor's named files, with kubectl's wording for parse failures. */
import { parseAllDocuments } from 'yaml';
import type { Kind, KubeObject } from '../../k8s/types';
import { parseManifests, type ManifestDoc, type YamlProblem } from '../../yaml';
import { KubectlError, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';

export interface FileDoc extends ManifestDoc {
  file: string;
  /** Unknown fields or wrong types the API server's strict decoding will reject this document for. */
  problems?: YamlProblem[];
}

/** Korean hint line for a YAML problem, pointing at file, line and column. */
export function problemHint(file: string, p: YamlProblem): string {
  return `힌트: ${file} ${p.line}:${p.column} — ${p.message}`;
}

/** The file names given with -f (comma lists allowed). */
export function fileNames(cmd: ParsedCommand): string[] {
  const f = cmd.flags.filename;
  return Array.isArray(f) ? f.filter((n) => n !== '') : [];
}

/**
 * Read and parse every -f file. Syntax and apiVersion/kind problems abort before anything is sent (as kubectl's
 * builder does). A document with unknown fields or wrong value types still comes back, in file order, carrying
 * its `problems`: the API server is the one that rejects it, so the caller words the rejection per document.
 */
export function readManifests(cmd: ParsedCommand, ctx: KubectlContext): FileDoc[] {
  const names = fileNames(cmd);
  if (names.length === 0) {
    throw new KubectlError(
      'error: must specify one of -f and -k',
      `힌트: 에디터의 파일 이름을 -f로 넘겨 주세요. 예) kubectl ${cmd.verb} -f deployment.yaml`,
    );
  }
  const docs: FileDoc[] = [];
  for (const file of names) {
    const text = ctx.files.get(file);
    if (text === undefined) {
      const available = [...ctx.files.keys()];
      throw new KubectlError(
        `error: the path "${file}" does not exist`,
        available.length > 0
          ? `힌트: 에디터에 있는 파일: ${available.join(', ')}`
          : '힌트: 먼저 YAML 에디터에서 파일을 만들고 그 이름을 -f로 넘겨 주세요.',
      );
    }
    const parsed = parseManifests(text);
    const fatal = parsed.problems.find((p) => p.kind !== 'strict');
    if (fatal) {
      const detail =
        fatal.kind === 'syntax'
          ? `error: error parsing ${file}: ${fatal.detail}`
          : fatal.detail.startsWith('no matches')
            ? `error: resource mapping not found for name: "" namespace: "" from "${file}": ${fatal.detail}\nensure CRDs are installed first`
            : `error: error validating "${file}": ${fatal.detail}; if you choose to ignore these errors, turn validation off with --validate=false`;
      throw new KubectlError(detail, problemHint(file, fatal));
    }
    const accepted = new Map(parsed.docs.map((d) => [d.docIndex, d]));
    const rejected = rejectedDocuments(text, parsed.problems);
    const order = [...new Set([...accepted.keys(), ...rejected.keys()])].sort((x, y) => x - y);
    for (const i of order) docs.push({ ...(accepted.get(i) ?? rejected.get(i)!), file });
  }
  if (docs.length === 0) {
    throw new KubectlError('error: no objects passed to apply', '힌트: 파일이 비어 있어요. 에디터의 템플릿 메뉴로 시작해 보세요.');
  }
  return docs;
}

/** Documents that failed the strict field check, with their objects (kind and name are known by then). */
function rejectedDocuments(text: string, problems: YamlProblem[]): Map<number, ManifestDoc & { problems: YamlProblem[] }> {
  const byDoc = new Map<number, YamlProblem[]>();
  for (const p of problems) byDoc.set(p.docIndex, [...(byDoc.get(p.docIndex) ?? []), p]);
  const result = new Map<number, ManifestDoc & { problems: YamlProblem[] }>();
  if (byDoc.size === 0) return result;
  const documents = parseAllDocuments(text);
  for (const [docIndex, list] of byDoc) {
    const object = (Array.isArray(documents) ? documents[docIndex] : undefined)?.toJS({ maxAliasCount: 100 }) as KubeObject;
    result.set(docIndex, { object, kind: (object as { kind: Kind }).kind, docIndex, line: list[0].line, problems: list });
  }
  return result;
}

/**
 * The API server's decoding error for one document (k8s.io/apimachinery/pkg/runtime/serializer/json: a type
 * mismatch stops decoding; otherwise every unknown field goes into ONE strict decoding error, in order:
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo",
 * unknown field "spec.bar"`).
 */
export function decodingError(problems: YamlProblem[]): string {
  const typeError = problems.find((p) => !p.detail.includes('strict decoding error: '));
  if (typeError) return typeError.detail;
  const [prefix] = problems[0].detail.split('strict decoding error: ');
  return `${prefix}strict decoding error: ${problems.map((p) => p.detail.split('strict decoding error: ')[1]).join(', ')}`;
}

/** `%+v` of a decoded JSON value in Go (maps with sorted keys), as the API server quotes a bad patch. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goValue(o[k])}`).join(' ')}]`;
  }
  return String(v);
}
