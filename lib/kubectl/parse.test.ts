import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKubectl } from './parse';

describe('parseKubectl', () => {
  it('reads verbs, resources, names and flags in every pflag spelling', () => {
    const r = parseKubectl('k get po web -n kube-system -owide --show-labels');
    expect(r).toEqual({ ok: true, command: { verb: 'get', args: ['po', 'web'], flags: { namespace: 'kube-system', output: 'wide', 'show-labels': true }, trailing: [] } });
    const s = parseKubectl('kubectl -n dev rollout undo deploy/web --to-revision=2');
    expect(s.ok && s.command).toMatchObject({ verb: 'rollout', sub: 'undo', args: ['deploy/web'], flags: { namespace: 'dev', 'to-revision': 2 } });
    const w = parseKubectl('kubectl get pods -Aw -l "app in (web, api)"');
    expect(w.ok && w.command.flags).toEqual({ 'all-namespaces': true, watch: true, selector: 'app in (web, api)' });
  });

  it('resolves -f per verb: filename for apply, follow for logs', () => {
    const apply = parseKubectl('kubectl apply -f a.yaml -f b.yaml');
    expect(apply.ok && apply.command.flags.filename).toEqual(['a.yaml', 'b.yaml']);
    const logs = parseKubectl('kubectl logs web -f');
    expect(logs.ok && logs.command.flags.follow).toBe(true);
  });

  it('treats a bare --dry-run as client and keeps words after --', () => {
    const r = parseKubectl('kubectl run box --image=busybox --dry-run -o yaml -- sleep 3600');
    expect(r.ok && r.command).toMatchObject({ flags: { 'dry-run': 'client', output: 'yaml', image: 'busybox' }, trailing: ['sleep', '3600'] });
  });

  it('suggests commands in kubectl order, like cobra', () => {
    const r = parseKubectl('kubectl gt pods');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBe('error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n');
      expect(r.hint).toMatch(/^힌트: .*kubectl get/);
    }
    const d = parseKubectl('kubectl descibe pod x');
    expect(!d.ok && d.error).toContain('\tdescribe\n');
  });

  it('reports flag mistakes the way pflag does', () => {
    expect(parseKubectl('kubectl get pods --foo')).toMatchObject({ ok: false, error: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage." });
    expect(parseKubectl('kubectl get pods -x')).toMatchObject({ ok: false, error: expect.stringContaining("unknown shorthand flag: 'x' in -x") });
    expect(parseKubectl('kubectl scale deploy web --replicas=three')).toMatchObject({ ok: false, error: expect.stringContaining('strconv.ParseInt: parsing "three": invalid syntax') });
    expect(parseKubectl('kubectl get pods -n')).toMatchObject({ ok: false, error: expect.stringContaining("flag needs an argument: 'n' in -n") });
  });

  it('explains non-kubectl input and shell syntax in Korean', () => {
    expect(parseKubectl('get pods')).toMatchObject({ ok: false, error: 'bash: get: command not found', hint: expect.stringContaining('kubectl get pods') });
    expect(parseKubectl('kubectl get pods | grep web')).toMatchObject({ ok: false, hint: expect.stringContaining('파이프') });
    expect(parseKubectl('kubectl get "pods')).toMatchObject({ ok: false, hint: expect.stringContaining('따옴표') });
  });

  it('never throws on 10,000 random lines', () => {
    const word = fc.oneof(
      fc.constantFrom('kubectl', 'k', 'get', 'gt', 'pods', 'po', 'deploy/web', '-n', '-o', 'yaml', '--replicas=3', '-f', '--', '"', "'", '\\', '|', '-Aw', '--dry-run', '='),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), (words) => {
        const r = parseKubectl(words.join(' '));
        expect(r.ok ? typeof r.command.verb : typeof r.error).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });
});
