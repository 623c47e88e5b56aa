/**
 * Limits on the HTTP request itself, answered with a Korean body instead of a bare status line:
 *   - URLs over MAX_URL_CHARS → 414 (routes and proxy.ts check this)
 *   - requests Node's parser rejects before Next.js sees them — headers (the URL included) over Node's
 *     16 KB limit, malformed requests, header timeouts → 431 / 400 / 408 from `answerClientError`, which
 *     instrumentation.ts installs as the server's 'clientError' handler. Without it Node writes only
 *     "HTTP/1.1 431 Request Header Fields Too Large" and closes, which a browser shows as a blank page.
 */
import type { Duplex } from 'node:stream';

export const MAX_URL_CHARS = 8 * 1024;

const URI_TOO_LONG = `주소(URL)가 너무 깁니다 (최대 ${MAX_URL_CHARS / 1024} KB). 주소 뒤의 매개변수를 줄여 주세요.`;

/** A 414 response when the URL is over the limit, else null. */
export function uriTooLong(url: string): Response | null {
  if (url.length <= MAX_URL_CHARS) return null;
  return Response.json({ message: URI_TOO_LONG }, { status: 414, headers: { 'cache-control': 'no-store' } });
}

/** Node's own choice of status for each parser error (lib/_http_server.js), with our message. */
function statusFor(code: string | undefined): [number, string, string] {
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'Request Header Fields Too Large', '요청 헤더와 주소(URL)가 너무 큽니다 (합쳐서 16 KB까지). 주소 뒤의 매개변수를 줄여 주세요.'];
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return [413, 'Payload Too Large', '요청 본문의 청크 확장이 너무 큽니다.'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request Timeout', '요청이 제시간에 끝까지 도착하지 않았습니다.'];
  return [400, 'Bad Request', '요청 형식이 올바르지 않습니다.'];
}

interface SocketWithMessage extends Duplex {
  _httpMessage?: { _headerSent?: boolean } | null;
}

/** The 'clientError' handler: a short JSON answer when a response can still be written, else just close. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const s = socket as SocketWithMessage;
  // A reset peer cannot read an answer, and a response already under way must not be corrupted.
  if (err.code === 'ECONNRESET' || !s.writable || s._httpMessage?._headerSent) {
    s.destroy();
    return;
  }
  const [code, text, message] = statusFor(err.code);
  const body = JSON.stringify({ message });
  s.end(`HTTP/1.1 ${code} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
}
