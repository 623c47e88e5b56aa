import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeQr, formatBits } from './encode';

describe('encodeQr', () => {
  it('format bits match the standard table (ISO/IEC 18004 Annex C; level M, masks 0 and 5)', () => {
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010');
    expect(formatBits(5).toString(2).padStart(15, '0')).toBe('100000011001110');
  });

  it('picks the smallest version for the text and draws the three finder patterns', () => {
    expect(encodeQr('HELLO').length).toBe(21);
    const link = encodeQr('http://localhost:3000/class?code=ABCD2345');
    expect(link.length).toBe(29); // 41 bytes → version 3 (42 bytes at level M)
    const finderRow = [true, true, true, true, true, true, true];
    expect(link[0].slice(0, 7)).toEqual(finderRow);
    expect(link[0].slice(22, 29)).toEqual(finderRow);
    expect(link[28].slice(0, 7)).toEqual(finderRow);
    expect(link[2].slice(0, 7)).toEqual([true, false, true, true, true, false, true]);
  });

  it('refuses text too long for version 6 with a Korean message', () => {
    expect(() => encodeQr('x'.repeat(107))).toThrow('QR 코드에 담기에는');
  });
});

// An independent decoder (zbar, Debian's zbar-tools) reads what we draw: versions 1, 3 and 6 (four interleaved blocks).
const zbar = spawnSync('zbarimg', ['--version']).status === 0;
if (!zbar) console.warn('zbarimg가 없어 QR 디코딩 확인을 건너뜁니다 (apt-get install zbar-tools).');
describe.skipIf(!zbar)('encodeQr read back by zbarimg', () => {
  it.each(['HELLO', 'http://localhost:3000/class?code=ABCD2345', `https://school.example.kr/class?code=Z9XY8WVU&x=${'k'.repeat(50)}`])('%s', (text) => {
    const m = encodeQr(text);
    const pad = (row: boolean[]) => [0, 0, 0, 0, ...row.map((d) => (d ? 1 : 0)), 0, 0, 0, 0];
    const blank = new Array<number>(m.length + 8).fill(0);
    const rows = [blank, blank, blank, blank, ...m.map(pad), blank, blank, blank, blank];
    // Scale ×4 so the decoder's binariser sees clean modules.
    const scaled = rows.flatMap((r) => Array(4).fill(r.flatMap((v) => [v, v, v, v]).join(' ')));
    const file = join(mkdtempSync(join(tmpdir(), 'qr-')), 'code.pbm');
    writeFileSync(file, `P1\n${scaled.length} ${scaled.length}\n${scaled.join('\n')}\n`);
    const out = spawnSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' });
    expect(out.stdout.trim()).toBe(text);
  });
});
