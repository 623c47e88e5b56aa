/**
 * kubectl command-line parsing: `kubectl`/`k` prefix, verb (with "Did you mean this?"), sub-command, positional
 * arguments and pflag-style flags (`--name=value`, `--name value`, `-n value`, `-nvalue`, `-Aw`, `--`). Pure and
 * total: every input yields a command or an error message worded like kubectl's, plus a Korean hint.
 */
import { FLAGS, VERBS, flagsFor, shortFlag, type FlagSpec } from './commands-spec';
import { suggestionsFor } from '../text/suggest';
import { tokenize } from './tokenize';

export type FlagValue = string | boolean | number | string[];

export interface ParsedCommand {
  /** kubectl verb; '' for a blank line, 'clear' for the terminal's clear built-in. */
  verb: string;
  /** Sub-command of rollout / create / set / completion when given. */
  sub?: string;
  args: string[];
  /** Flags by long name. Array flags (`-f`) collect every value. */
  flags: Record<string, FlagValue>;
  /** Words after a bare `--`. */
  trailing: string[];
}

export type ParseResult = { ok: true; command: ParsedCommand } | { ok: false; error: string; hint?: string };

const VERB_NAMES = Object.keys(VERBS);

function fail(error: string, hint?: string): ParseResult {
  return { ok: false, error, hint };
}

/** Parse one command line. Never throws. */
export function parseKubectl(line: string): ParseResult {
  try {
    return parseWords(line);
  } catch (e) {
    return fail(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseWords(line: string): ParseResult {
  const tokens = tokenize(line);
  if (!tokens.ok) return fail(tokens.error, tokens.hint);
  const words = tokens.words;
  const empty: ParsedCommand = { verb: '', args: [], flags: {}, trailing: [] };
  if (words.length === 0) return { ok: true, command: empty };
  const [program, ...rest] = words;
  if (program === 'clear') return { ok: true, command: { ...empty, verb: 'clear' } };
  if (program === 'help') return { ok: true, command: { ...empty, verb: 'help', args: rest } };
  if (program !== 'kubectl' && program !== 'k') {
    const hint = VERBS[program]
      ? `힌트: 명령 앞에 kubectl을 붙여 보세요: kubectl ${words.join(' ')}`
      : "힌트: 이 터미널에서는 kubectl 명령만 쓸 수 있어요. 'help'를 입력하면 쓸 수 있는 명령을 볼 수 있어요.";
    return fail(`bash: ${program}: command not found`, hint);
  }

  const verbIndex = findVerbIndex(rest);
  if (verbIndex < 0) {
    // `kubectl`, `kubectl --help`, `kubectl -n x`: kubectl prints its usage
    return { ok: true, command: { ...empty, verb: 'help' } };
  }
  const verb = rest[verbIndex];
  if (!VERBS[verb]) {
    const suggestions = suggestionsFor(verb, VERB_NAMES.filter((v) => v !== 'help'));
    let error = `error: unknown command "${verb}" for "kubectl"`;
    if (suggestions.length > 0) error += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
    const hint =
      suggestions.length > 0
        ? `힌트: 철자를 확인해 보세요. 혹시 'kubectl ${suggestions.includes('get') ? 'get' : suggestions[0]}' 명령을 쓰려던 건가요?`
        : "힌트: 'help'를 입력하면 쓸 수 있는 명령 목록을 볼 수 있어요.";
    return fail(error, hint);
  }
  // commands we don't simulate keep their words unparsed, so the executor can say so instead of a flag error
  if (VERBS[verb].unsupported) return { ok: true, command: { ...empty, verb, args: rest.slice(verbIndex + 1) } };
  const parsed = parseFlags(verb, [...rest.slice(0, verbIndex), ...rest.slice(verbIndex + 1)]);
  if (!parsed.ok) return parsed;
  const command = parsed.command;
  const subs = VERBS[verb].subcommands;
  if (subs && command.args.length > 0 && subs.includes(command.args[0])) {
    command.sub = command.args.shift();
  } else if (verb === 'create' && command.args[0] === 'deploy') {
    command.sub = 'deployment';
    command.args.shift();
  } else if (verb === 'create' && command.args[0] === 'ns') {
    command.sub = 'namespace';
    command.args.shift();
  } else if (verb === 'create' && command.args[0] === 'cj') {
    command.sub = 'cronjob';
    command.args.shift();
  } else if (verb === 'create' && command.args[0] === 'pdb') {
    command.sub = 'poddisruptionbudget';
    command.args.shift();
  }
  return { ok: true, command };
}

/** Index of the first word that is not a flag or the value of a leading `-n`/`--namespace`. */
function findVerbIndex(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '-n' || w === '--namespace') {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    return i;
  }
  return -1;
}

function usage(verb: string): string {
  return `\nSee 'kubectl ${verb} --help' for usage.`;
}

function parseFlags(verb: string, words: string[]): ParseResult {
  const command: ParsedCommand = { verb, args: [], flags: {}, trailing: [] };
  const allowed = new Set(flagsFor(verb));
  const hint = `힌트: 'kubectl ${verb} --help'로 쓸 수 있는 옵션을 확인해 보세요.`;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      command.trailing = words.slice(i + 1);
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      if (!allowed.has(name)) return fail(`error: unknown flag: --${name}${usage(verb)}`, hint);
      const spec = FLAGS[name];
      let value: string | undefined = eq < 0 ? undefined : word.slice(eq + 1);
      if (value === undefined && spec.type !== 'bool') {
        if (spec.bare !== undefined) value = spec.bare;
        else if (i + 1 < words.length) value = words[++i];
        else return fail(`error: flag needs an argument: --${name}${usage(verb)}`, hint);
      }
      const set = setFlag(command, name, spec, value, `--${name}`);
      if (set) return fail(set, hint);
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const letter = word[j];
        const name = shortFlag(verb, letter);
        if (!name) return fail(`error: unknown shorthand flag: '${letter}' in ${word}${usage(verb)}`, hint);
        const spec = FLAGS[name];
        if (spec.type === 'bool') {
          const inline = word[j + 1] === '=' ? word.slice(j + 2) : undefined;
          const set = setFlag(command, name, spec, inline, `-${letter}, --${name}`);
          if (set) return fail(set, hint);
          if (inline !== undefined) break;
          continue;
        }
        let value = word.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          if (i + 1 >= words.length) return fail(`error: flag needs an argument: '${letter}' in -${letter}${usage(verb)}`, hint);
          value = words[++i];
        }
        const set = setFlag(command, name, spec, value, `-${letter}, --${name}`);
        if (set) return fail(set, hint);
        break;
      }
      continue;
    }
    command.args.push(word);
  }
  return { ok: true, command };
}

/** Store a flag value; returns an error message when the value doesn't fit the flag's type. */
function setFlag(command: ParsedCommand, name: string, spec: FlagSpec, value: string | undefined, label: string): string | undefined {
  switch (spec.type) {
    case 'bool': {
      if (value === undefined || /^(true|t|1|TRUE|True|T)$/.test(value)) command.flags[name] = true;
      else if (/^(false|f|0|FALSE|False|F)$/.test(value)) command.flags[name] = false;
      else return `error: invalid argument "${value}" for "${label}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
      return undefined;
    }
    case 'int': {
      if (value === undefined || !/^[+-]?\d+$/.test(value)) {
        return `error: invalid argument "${value ?? ''}" for "${label}" flag: strconv.ParseInt: parsing "${value ?? ''}": invalid syntax`;
      }
      command.flags[name] = Number(value);
      return undefined;
    }
    case 'array': {
      const prev = command.flags[name];
      command.flags[name] = [...(Array.isArray(prev) ? prev : []), ...(value ?? '').split(',')];
      return undefined;
    }
    default:
      command.flags[name] = value ?? '';
      return undefined;
  }
}
