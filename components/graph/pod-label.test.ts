import { describe, expect, it } from 'vitest';
import { nodeNameChars, podTileLabel, podTileStatusLine, tileName } from './pod-label';

describe('nodeNameChars', () => {
  it('gives a flat box header the characters that fit beside its chips, never fewer than a tile name', () => {
    // 10 tiles: 876 px of header, 249 px of chips and gaps, 627 px / 8.4 px a character
    expect(nodeNameChars(10)).toBe(74);
    // 4 tiles: 348 px; 99 px left is 11 characters
    expect(nodeNameChars(4)).toBe(11);
    expect(nodeNameChars(1)).toBe(11);
    // an EKS node name (44 characters) in a 6-tile box: 32 characters, its start and its last dash-separated part
    expect(nodeNameChars(6)).toBe(32);
    expect(tileName('ip-10-0-1-23.ap-northeast-2.compute.internal', nodeNameChars(6))).toBe('ip-10-0-1-23…-2.compute.internal');
  });
});

describe('tileName', () => {
  it('leaves names that fit alone', () => {
    expect(tileName('webserver')).toBe('webserver');
    expect(tileName('solo', 4)).toBe('solo');
  });

  it('keeps the generated suffix of controller-made names whole', () => {
    // Deployment pods are <replicaset>-<5 random chars>; the suffix is what differs between siblings.
    expect(tileName('web-7d4b9c6f5-x7k2p')).toBe('web-…-x7k2p');
    expect(tileName('coredns-5d78c9869d-abcde')).toBe('core…-abcde');
    expect(tileName('web-7d4b9c6f5-x7k2p')).toHaveLength(11);
  });

  it('shortens other names at the start and keeps a tail', () => {
    expect(tileName('averyveryverylongpodname')).toBe('averyv…name');
    // A suffix too long to keep whole falls back to start + tail.
    expect(tileName('app-averyverylongsuffix')).toBe('app-av…ffix');
  });

  it('never exceeds the budget', () => {
    for (const name of ['a-b', 'x'.repeat(40), 'web-' + 'y'.repeat(30), 'q-abcdefghij']) {
      for (const max of [6, 8, 11, 16]) expect(tileName(name, max).length).toBeLessThanOrEqual(max);
    }
  });
});

describe('podTileLabel and podTileStatusLine', () => {
  const pod = (over: Partial<{ restarts: number; lastReason: string | null; probeNote: string | null }> = {}) => ({
    name: 'web-1',
    status: { label: '실행 중', status: 'Running', icon: '●', restarts: 0, lastReason: null, probeNote: null, ...over },
  });
  it('names the pod and its state, and adds restarts, probe and Service only when they apply', () => {
    expect(podTileLabel(pod(), null, null)).toBe('파드 web-1, 실행 중 (Running)');
    expect(podTileLabel(pod({ restarts: 2, lastReason: 'OOMKilled' }), true, null)).toBe('파드 web-1, 실행 중 (Running), 재시작 2회 (OOMKilled), 서비스가 선택함');
    expect(podTileLabel(pod({ probeNote: '준비성 프로브 미통과 (web)' }), false, 'app=api 아님')).toBe(
      '파드 web-1, 실행 중 (Running), 준비성 프로브 미통과 (web), 선택 안 됨: app=api 아님',
    );
  });
  it('puts the same facts on the second line as marks', () => {
    expect(podTileStatusLine(pod(), null)).toBe('● Running');
    expect(podTileStatusLine(pod({ restarts: 3, probeNote: 'x' }), false)).toBe('● Running ↻3 ⚠ ✕');
  });
});
