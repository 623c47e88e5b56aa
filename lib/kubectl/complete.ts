/**
 * Tab completion for the browser terminal: commands, sub-commands, resource types and short names, object names
 * from the client's cache, flags and flag values (-o, -n, -f). Pure: the caller passes what it knows.
 */
import { resolveResourceType, resourceTypeWords } from './resources';
import { FLAGS, VERBS, flagsFor } from './commands-spec';

export interface CompletionSources {
  /** `kind/namespace/name` keys, as ClusterClient.cached() holds them. */
  objectKeys?: Iterable<string>;
  files?: Iterable<string>;
}

export interface Completion {
  /** Offset in the line where the completed word starts. */
  from: number;
  /** Matching words (sorted, unique). */
  candidates: string[];
  /** Longest common prefix of the candidates (what Tab inserts). */
  common: string;
}

const OUTPUTS = ['wide', 'yaml', 'json', 'name', 'jsonpath=', 'custom-columns='];
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'];
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function names(keys: Iterable<string>, kind: string, namespace?: string): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const [k, ns, ...rest] = key.split('/');
    if (k === kind && (namespace === undefined || ns === '' || ns === namespace)) out.push(rest.join('/'));
  }
  return out;
}

/** Complete the word that ends at `cursor` (default: end of line). */
export function completeKubectl(line: string, sources: CompletionSources = {}, cursor = line.length): Completion {
  const before = line.slice(0, cursor);
  const from = before.search(/\S*$/);
  const current = before.slice(from);
  const words = before.slice(0, from).trim().split(/\s+/).filter(Boolean);
  const keys = [...(sources.objectKeys ?? [])];
  const done = (list: string[]): Completion => {
    const candidates = [...new Set(list.filter((w) => w.startsWith(current)))].sort();
    return { from, candidates, common: candidates.length ? commonPrefix(candidates) : current };
  };

  if (words.length === 0) return done(['kubectl', 'k', 'clear', 'help']);
  if (words[0] !== 'kubectl' && words[0] !== 'k') return done([]);
  const rest = words.slice(1);
  const positional = rest.filter((w, i) => !w.startsWith('-') && !(i > 0 && /^-(n|o|f|l|c)$|^--(namespace|output|filename|selector|image|type|container|port|replicas)$/.test(rest[i - 1])));
  const verb = positional[0];
  if (!verb) return done(current.startsWith('-') ? ['--namespace', '-n', '--help'] : Object.keys(VERBS).filter((v) => !VERBS[v].unsupported));

  const previous = words[words.length - 1];
  const namespaceIndex = rest.findIndex((w) => w === '-n' || w === '--namespace');
  const namespace = namespaceIndex >= 0 ? rest[namespaceIndex + 1] : 'default';
  if (previous === '-o' || previous === '--output') return done(OUTPUTS);
  if (previous === '-n' || previous === '--namespace') return done(names(keys, 'Namespace'));
  if ((previous === '-f' || previous === '--filename') && verb !== 'logs') return done([...(sources.files ?? [])]);
  if (previous === '--type') return done(SERVICE_TYPES);
  if (current.startsWith('-')) {
    return done(flagsFor(verb).flatMap((f) => [`--${f}${FLAGS[f].type === 'bool' ? '' : '='}`, ...(FLAGS[f].short ? [`-${FLAGS[f].short}`] : [])]));
  }
  if (current.startsWith('--') || current.includes('=')) return done([]);

  const spec = VERBS[verb];
  const args = positional.slice(1);
  if (spec?.subcommands && args.length === 0) return done(spec.subcommands);
  const typeArgs = spec?.subcommands && spec.subcommands.includes(args[0]) ? args.slice(1) : args;
  if (verb === 'top') return done(/^no/.test(args[0]) ? names(keys, 'Node') : names(keys, 'Pod', namespace));
  if (NODE_VERBS.has(verb)) return done(names(keys, 'Node'));
  if (verb === 'logs') return done(names(keys, 'Pod', namespace));
  if (verb === 'explain') return done(resourceTypeWords().filter((w) => w !== 'all'));
  if (['get', 'describe', 'delete', 'scale', 'rollout', 'set', 'expose', 'label', 'annotate'].includes(verb)) {
    if (current.includes('/')) {
      const [typeWord] = current.split('/');
      const type = resolveResourceType(typeWord);
      return done(type ? names(keys, type.kind, type.namespaced ? namespace : undefined).map((n) => `${typeWord}/${n}`) : []);
    }
    if (typeArgs.length === 0) return done(resourceTypeWords());
    const type = resolveResourceType(typeArgs[0].split(',')[0]);
    if (type) return done(names(keys, type.kind, type.namespaced ? namespace : undefined));
  }
  return done([]);
}
