/**
 * The one selector printer. apimachinery pkg/labels/selector.go: internalSelector.Add sorts requirements by key
 * and Requirement.String() sorts the values of `in`/`notin`; pkg/apis/meta/v1/helpers.go FormatLabelSelector
 * prints `<none>` for a selector that prints empty (printReplicaSet and printDaemonSet in
 * pkg/printers/internalversion/printers.go use it; printDeployment prints selector.String()).
 */
import { describe, expect, it } from 'vitest';
import { formatLabelSelector, selectorString } from './printing';

describe('selector printing', () => {
  it('sorts requirements by key and values within a set', () => {
    const sel = { matchLabels: { tier: 'fe', app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['qa', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }] };
    expect(selectorString(sel)).toBe('app=web,!canary,env notin (dev,qa),tier=fe');
    expect(formatLabelSelector(sel)).toBe('app=web,!canary,env notin (dev,qa),tier=fe');
  });

  it('prints an empty or missing selector as nothing, and FormatLabelSelector as <none>', () => {
    expect(selectorString(undefined)).toBe('');
    expect(selectorString({})).toBe('');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector(null)).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: {} })).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] })).toBe('gpu');
  });
});
