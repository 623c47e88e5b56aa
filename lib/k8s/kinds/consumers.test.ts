/**
 * Until kubectl and the sim API server read the registry (phase 2 of the kind registry), they keep tables of
 * their own. These checks prove the switch changes nothing they publish: every row they hold is what the
 * registry says. Delete this file with those tables.
 */
import { describe, expect, it } from 'vitest';
import { ALL_CATEGORY, RESOURCE_TYPES } from '../../kubectl/resources';
import { DAEMONSET_RESOURCE } from '../../simserver/daemonsets';
import { RESOURCES } from '../../simserver/resources';
import { isKind } from '../types';
import { KIND_INFOS, kindInfo, kindsInCategory } from './registry';

describe('the registry matches the tables it replaces', () => {
  it('sim API server discovery rows', () => {
    for (const r of RESOURCES) {
      const k = kindInfo(r.kind)!;
      expect({ ...r }, r.kind).toEqual({
        kind: k.kind, group: k.group, version: k.version, plural: k.plural, singular: k.singular, namespaced: k.namespaced,
        shortNames: k.shortNames, categories: k.categories, verbs: k.verbs, subresources: k.subresources,
      });
    }
    expect(RESOURCES.map((r) => r.kind).sort()).toEqual(KIND_INFOS.filter((k) => isKind(k.kind)).map((k) => k.kind).sort());
    const ds = kindInfo('DaemonSet')!;
    // The sim API server serves DaemonSets read-only (derived from pods) until the engine stores them.
    expect({ ...DAEMONSET_RESOURCE, verbs: undefined }).toEqual({
      name: ds.plural, singularName: ds.singular, namespaced: ds.namespaced, kind: ds.kind, verbs: undefined,
      shortNames: ds.shortNames, categories: ds.categories,
    });
  });

  it('kubectl resource types and the all category', () => {
    for (const r of RESOURCE_TYPES) {
      const k = kindInfo(r.kind)!;
      expect(r).toEqual({ kind: k.kind, plural: k.plural, singular: k.singular, shortNames: k.shortNames, group: k.group, version: k.version, namespaced: k.namespaced });
    }
    expect([...ALL_CATEGORY]).toEqual(kindsInCategory('all').filter((k) => isKind(k.kind)).map((k) => k.kind));
  });
});
