import { describe, expect, it } from 'vitest';
import { parseFrameAncestors, parseOrigin, parseSecuritySettings } from './security-settings';

describe('security settings', () => {
  it('defaults to the safe side: no trusted proxy, no embedding, baseline pod security', () => {
    const s = parseSecuritySettings({});
    expect(s).toMatchObject({ trustProxyHops: 0, publicOrigin: null, frameAncestors: "'none'", podSecurity: 'baseline' });
    expect(s.maxQueuedBytes).toBe(32 * 1024 * 1024);
  });

  it('reads each setting and ignores malformed values', () => {
    const s = parseSecuritySettings({ TRUST_PROXY: '1', PUBLIC_ORIGIN: 'https://k8s.example.org/learn', POD_SECURITY: 'Privileged', STREAM_MAX_PER_CLIENT: '4', STREAM_QUEUE_MB: 'lots' });
    expect(s).toMatchObject({ trustProxyHops: 1, publicOrigin: 'https://k8s.example.org', podSecurity: 'privileged', maxStreamsPerClient: 4, maxQueuedBytes: 32 * 1024 * 1024 });
    expect(parseSecuritySettings({ TRUST_PROXY: 'yes' }).trustProxyHops).toBe(0);
    expect(parseOrigin('javascript:alert(1)')).toBeNull();
  });

  it('bounds the gzipped streams: 64 by default, 0 turns compression off, nonsense keeps the default', () => {
    expect(parseSecuritySettings({}).maxGzipStreams).toBe(64);
    expect(parseSecuritySettings({ STREAM_GZIP_MAX: '0' }).maxGzipStreams).toBe(0);
    expect(parseSecuritySettings({ STREAM_GZIP_MAX: '8' }).maxGzipStreams).toBe(8);
    expect(parseSecuritySettings({ STREAM_GZIP_MAX: '-1' }).maxGzipStreams).toBe(64);
  });

  it('turns FRAME_ANCESTORS into a CSP source list that cannot smuggle in another directive', () => {
    expect(parseFrameAncestors('self')).toBe("'self'");
    expect(parseFrameAncestors("'self' https://lms.example.edu/course")).toBe("'self' https://lms.example.edu");
    expect(parseFrameAncestors("https://a.example; script-src 'unsafe-inline'")).toBe("'none'");
    expect(parseFrameAncestors('*')).toBe("'none'");
    expect(parseFrameAncestors('self none')).toBe("'none'");
  });
});
