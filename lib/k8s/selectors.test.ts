import { describe, expect, it } from 'vitest';
import { isStatusError } from './types';
import {
  fieldValue,
  labelSelectorObjectMatches,
  labelsMatch,
  matchesFieldSelector,
  parseFieldSelector,
  parseLabelSelector,
  selectorErrorKo,
} from './selectors';

describe('label selectors', () => {
  const web = { app: 'web', tier: 'frontend', env: 'prod' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['env in (prod,qa)', true],
    ['env in (qa)', false],
    ['env notin (qa, dev)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
    ['missing!=x', true],
    ['', true],
  ])('%s → %s', (sel, expected) => {
    expect(labelsMatch(sel, web)).toBe(expected);
  });

  it('supports gt/lt on integers', () => {
    expect(labelsMatch('n>3', { n: '5' })).toBe(true);
    expect(labelsMatch('n<3', { n: '5' })).toBe(false);
  });

  it('sorts requirements by key like apimachinery', () => {
    expect(parseLabelSelector('z=1,a=2').requirements.map((r) => r.key)).toEqual(['a', 'z']);
  });

  it.each([
    ['app in', "unable to parse requirement: found '' expected: '('"],
    ['app=web,', "found '', expected: identifier after ','"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
  ])('rejects %j with the API server wording', (sel, msg) => {
    try {
      parseLabelSelector(sel);
      expect.unreachable();
    } catch (e) {
      expect(isStatusError(e)).toBe(true);
      if (isStatusError(e)) {
        expect(e.code).toBe(400);
        expect(e.reason).toBe('BadRequest');
        expect(e.message).toBe(msg);
      }
    }
  });

  it('rejects invalid label values', () => {
    expect(() => parseLabelSelector('app=we b')).toThrow();
    expect(() => parseLabelSelector('app=-bad')).toThrow(/Invalid value: "-bad"/);
  });

  it('matches metav1.LabelSelector objects', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] };
    expect(labelSelectorObjectMatches(sel, web)).toBe(true);
    expect(labelSelectorObjectMatches(sel, { app: 'web', env: 'dev' })).toBe(false);
  });

  it('explains errors in Korean', () => {
    let err: unknown;
    try {
      parseLabelSelector('app in');
    } catch (e) {
      err = e;
    }
    expect(selectorErrorKo(err, 'app in')).toContain('괄호');
  });
});

describe('field selectors', () => {
  const pod = { metadata: { name: 'web-1', namespace: 'default' }, spec: { nodeName: 'worker-1' }, status: { phase: 'Running' } };
  it('matches supported fields', () => {
    expect(matchesFieldSelector(parseFieldSelector('spec.nodeName=worker-1', 'Pod'), pod)).toBe(true);
    expect(matchesFieldSelector(parseFieldSelector('status.phase!=Running', 'Pod'), pod)).toBe(false);
    expect(matchesFieldSelector(parseFieldSelector('metadata.name==web-1,metadata.namespace=default', 'Pod'), pod)).toBe(true);
    expect(fieldValue({ involvedObject: { kind: 'Pod' } }, 'involvedObject.kind')).toBe('Pod');
  });
  it('rejects unsupported fields like the API server', () => {
    expect(() => parseFieldSelector('spec.foo=bar', 'Pod')).toThrow('field label not supported: spec.foo');
    expect(() => parseFieldSelector('spec.nodeName=x', 'Deployment')).toThrow('field label not supported: spec.nodeName');
  });
});
