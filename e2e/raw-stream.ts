/**
 * An SSE response read as raw bytes off the socket (node:http does not decode Content-Encoding, unlike fetch), so a
 * test sees exactly what the server sent: gzip once, twice or not at all, and when each byte arrived.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import { constants, gunzipSync } from 'node:zlib';

export interface RawStream {
  headers: IncomingHttpHeaders;
  /** Everything received so far, gunzipped once when the response says gzip (a sync flush lets it stop anywhere). */
  text(): string;
  /** Resolves once `test(text())` holds; rejects after `timeoutMs`. */
  waitFor(test: (text: string) => boolean, timeoutMs?: number): Promise<void>;
  /** Whether the response is still going (the server has not ended it). */
  open(): boolean;
  close(): void;
}

export function openRawStream(url: string, acceptEncoding: string | null): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      let ended = false;
      let wake = () => {};
      res.on('data', (b: Buffer) => (chunks.push(b), wake()));
      res.on('end', () => ((ended = true), wake()));
      res.on('error', () => ((ended = true), wake()));
      const text = () => {
        const body = Buffer.concat(chunks);
        return (res.headers['content-encoding'] === 'gzip' ? gunzipSync(body, { finishFlush: constants.Z_SYNC_FLUSH }) : body).toString();
      };
      resolve({
        headers: res.headers,
        text,
        open: () => !ended,
        close: () => req.destroy(),
        waitFor: (test, timeoutMs = 30_000) =>
          new Promise<void>((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`not in the stream after ${timeoutMs} ms: ${text().slice(-300)}`)), timeoutMs);
            wake = () => {
              if (!test(text())) return;
              clearTimeout(timer);
              wake = () => {};
              done();
            };
            wake();
          }),
      });
    });
    req.on('error', reject);
  });
}
