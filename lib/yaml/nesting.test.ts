/**
 * The pre-parse nesting measures (issue #12 item 1): exact for JSON, an upper bound for YAML that
 * must never come out lower than the real depth, whatever style the YAML is written in.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonNestingDepth, yamlShape } from './nesting';

/** Containers on the longest path from the root (`[[1]]` → 2, `1` → 0). */
function realDepth(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(v as object).map(realDepth));
}

/** Random values with a long chain somewhere inside, of maps and lists in any mix. */
const nested = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.tuple(fc.boolean(), fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 60 }))
  .map(([leaf, chain]) => chain.reduce<unknown>((inner, [asList, key]) => (asList ? [inner, 1] : { [key]: inner, z: 'x' }), leaf));

const styles = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  indent: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  flowCollectionPadding: fc.boolean(),
});

describe('jsonNestingDepth', () => {
  it('is the exact depth, whatever the strings contain', () => {
    fc.assert(
      fc.property(nested, (v) => {
        expect(jsonNestingDepth(JSON.stringify(v))).toBe(realDepth(v));
      }),
      { numRuns: 300 },
    );
    expect(jsonNestingDepth('{"a":"[[[\\"[{","b":[[1]]}')).toBe(3);
  });

  it('stops counting early once past the bound', () => {
    expect(jsonNestingDepth('['.repeat(1_000_000), 100)).toBe(101);
  });
});

describe('yamlShape', () => {
  it('never reports less than the real depth, in block, flow, compact and zero-indented styles', () => {
    fc.assert(
      fc.property(nested, styles, (v, opts) => {
        const text = stringify(v, opts);
        // the yaml library can print text it can't read back (e.g. an empty key over a flush sequence): skip those
        let back: unknown;
        try {
          back = parse(text);
        } catch {
          fc.pre(false);
        }
        expect(back).toEqual(v); // the text really holds that value
        expect(yamlShape(text).depthBound).toBeGreaterThanOrEqual(realDepth(v));
      }),
      { numRuns: 250 },
    );
  });

  it('bounds compact sequences and multi-line flow, and ignores brackets inside quotes and block scalars', () => {
    expect(yamlShape('- - - - x\n').depthBound).toBeGreaterThanOrEqual(4);
    expect(yamlShape('a:\n  - [1,\n [2,\n  [3]]]\n').depthBound).toBeGreaterThanOrEqual(5);
    expect(yamlShape(`a: "${'['.repeat(500)}"\nb: |\n  ${'{'.repeat(500)}\n`).depthBound).toBeLessThan(10);
  });

  it('stops at the first token past the bound and says where', () => {
    const text = 'a: 1\nb: ' + '['.repeat(50_000);
    const shape = yamlShape(text, 210);
    expect(shape.overAt).toBeGreaterThan(text.indexOf('['));
    expect(shape.overAt).toBeLessThan(text.indexOf('[') + 220);
  });

  it('counts document starts', () => {
    expect(yamlShape('a: 1\n---\nb: 2\n---\n').documentStarts).toBe(2);
  });
});
