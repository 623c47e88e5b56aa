/**
 * decodeBody's bounds (issue #12 items 1 and 4): nesting is measured before any parser runs and
 * answered with a 400 Status; YAML text has its own size bound (413), JSON sent as YAML does not.
 * (The crash reproductions with 5,000-deep YAML run in a child process: hardening.integration.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { isStatusError } from '../k8s/types';
import { decodeBody, patchTypeOf } from './body';

function statusOf(call: () => unknown): { code: number; message: string } {
  try {
    call();
  } catch (e) {
    if (isStatusError(e)) return { code: e.status.code, message: e.status.message };
    throw e;
  }
  throw new Error('decoded without complaint');
}

const nested = (depth: number) => Buffer.from('['.repeat(depth) + ']'.repeat(depth));

describe('decodeBody', () => {
  it('takes JSON nested 100 deep and refuses 101 with 400, before recursing', () => {
    expect(decodeBody(nested(100), 'application/json')).toBeInstanceOf(Array);
    for (const depth of [101, 20_000]) {
      expect(statusOf(() => decodeBody(nested(depth), 'application/json'))).toEqual({ code: 400, message: 'the body of the request could not be decoded: exceeded max depth of 100' });
    }
  });

  it('refuses YAML nested past the bound, in flow and block style', () => {
    expect(statusOf(() => decodeBody(Buffer.from('a: ' + '['.repeat(150) + ']'.repeat(150)), 'application/yaml')).code).toBe(400);
    expect(statusOf(() => decodeBody(Buffer.from('- '.repeat(250) + 'x'), 'application/apply-patch+yaml')).code).toBe(400);
    expect(decodeBody(Buffer.from('a:\n  b:\n    - [1, {c: d}]\n'), 'application/yaml')).toEqual({ a: { b: [[1, { c: 'd' }]] } });
  });

  it('refuses YAML over 128 KiB with 413, but reads JSON sent as YAML (kubectl apply --server-side) up to the body limit', () => {
    const yaml = Buffer.from(`a: "${'x'.repeat(128 * 1024)}"\n`);
    expect(statusOf(() => decodeBody(yaml, 'application/yaml'))).toEqual({ code: 413, message: 'Request entity too large: limit is 131072 for YAML (JSON bodies may be larger)' });
    const json = Buffer.from(JSON.stringify({ a: 'x'.repeat(1024 * 1024) }));
    expect(decodeBody(json, 'application/apply-patch+yaml')).toEqual({ a: 'x'.repeat(1024 * 1024) });
  });

  it('refuses YAML whose aliases nest past the bound although the text does not', () => {
    const wrap = (inner: string) => '['.repeat(45) + inner + ']'.repeat(45);
    const text = `a: &a ${wrap('1')}\nb: &b ${wrap('*a')}\nc: ${wrap('*b')}\n`;
    expect(statusOf(() => decodeBody(Buffer.from(text), 'application/yaml')).message).toBe('the body of the request could not be decoded: exceeded max depth of 100');
  });

  it('maps only its own patch media types (not "constructor")', () => {
    expect(patchTypeOf('application/merge-patch+json; charset=utf-8')).toBe('merge');
    expect(statusOf(() => patchTypeOf('constructor')).code).toBe(415);
  });
});
