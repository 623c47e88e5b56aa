/** `-f NAME`: manifests from the editor's named files, with kubectl's wording for parse failures. */
import { parseManifests, type ManifestDoc, type YamlProblem } from '../../yaml';
import { KubectlError, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';

export interface FileDoc extends ManifestDoc {
  file: string;
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
 * builder does); unknown fields come back per document so the caller reports them like the API server.
 */
export function readManifests(cmd: ParsedCommand, ctx: KubectlContext): { docs: FileDoc[]; strict: { file: string; problem: YamlProblem }[] } {
  const names = fileNames(cmd);
  if (names.length === 0) {
    throw new KubectlError(
      'error: must specify one of -f and -k',
      `힌트: 에디터의 파일 이름을 -f로 넘겨 주세요. 예) kubectl ${cmd.verb} -f deployment.yaml`,
    );
  }
  const docs: FileDoc[] = [];
  const strict: { file: string; problem: YamlProblem }[] = [];
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
    for (const problem of parsed.problems) strict.push({ file, problem });
    for (const d of parsed.docs) docs.push({ ...d, file });
  }
  if (docs.length === 0 && strict.length === 0) {
    throw new KubectlError('error: no objects passed to apply', '힌트: 파일이 비어 있어요. 에디터의 템플릿 메뉴로 시작해 보세요.');
  }
  return { docs, strict };
}

/** The API server's strict-decoding rejection, as kubectl prints it for one document. */
export function strictError(verb: 'creating' | 'applying' | 'patching', file: string, p: YamlProblem): string {
  return `Error from server (BadRequest): error when ${verb} "${file}": ${p.detail}`;
}
