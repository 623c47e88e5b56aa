/**
 * Until the sim API server reads the registry (phase 2b of the kind registry), it keeps tables of its own. These
 * checks prove the switch changes nothing it publishes: every row it holds is what the registry says. Delete
 * this file with those tables. (kubectl reads the registry itself: lib/kubectl/resources.ts.)
 */
import { describe, expect, it } from 'vitest';
import { DAEMONSET_RESOURCE } from '../../simserver/daemonsets';
import { RESOURCES } from '../../simserver/resources';
import { isKind } from '../types';
import { KIND_INFOS, kindInfo } from './registry';

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
});
