import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_HEADER } from './client-address';
import { CONNECTION_HEADER, RECEIVED_AT_HEADER, closeConnection, installHttpHardening, requestAgeMs, setContentEncoding } from './http-hardening';
import { MAX_URL_CHARS, uriTooLong } from './http-limits';

let server: Server;
let port: number;

/** Sends raw bytes and returns everything the server answered before closing. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(request));
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

beforeAll(async () => {
  installHttpHardening();
  server = createServer((req, res) => {
    const headers = { get: (n: string) => (req.headers[n] as string | undefined) ?? null };
    if (req.url === '/encoded') {
      // A route whose Response headers Next.js filters: the encoding goes on the Node response instead.
      const set = setContentEncoding(headers, 'gzip');
      res.end(JSON.stringify({ set, again: setContentEncoding(headers, 'br') }));
      return;
    }
    if (req.url === '/late') {
      res.writeHead(200);
      res.end(JSON.stringify({ set: setContentEncoding(headers, 'gzip') }));
      return;
    }
    if (req.url === '/hang-up') {
      // Like a dropped SSE stream: the handler gives up on a response it has begun.
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('retry: 2000\n\n');
      setTimeout(() => closeConnection(headers), 50);
      return;
    }
    res.setHeader('connection', 'close');
    res.end(JSON.stringify({ peer: req.headers[PEER_HEADER], receivedAt: req.headers[RECEIVED_AT_HEADER] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('HTTP limits', () => {
  it('answers a 20,000-character URL with 431 and a Korean JSON body, not a bare status line', async () => {
    const reply = await raw(`GET /api/cluster/stream?namespace=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)) as { message: string };
    expect(body.message).toMatch(/주소\(URL\)가 너무 큽니다/);
    expect(reply.length).toBeLessThan(1_000); // the URL is not echoed back
  });

  it('answers a malformed request with 400 and a body', async () => {
    const reply = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('요청 형식이 올바르지 않습니다');
  });

  it('stamps each request with its socket address and arrival time, overwriting what the client sent', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: '6.6.6.6', [RECEIVED_AT_HEADER]: '1' } });
    const seen = (await res.json()) as { peer: string; receivedAt: string };
    expect(seen.peer).toBe('127.0.0.1');
    expect(Date.now() - Number(seen.receivedAt)).toBeLessThan(5_000);
    expect(requestAgeMs({ get: () => '1000' }, 3_500)).toBe(2_500);
    // Unstamped after the hook is in: it came before the hook, so it is assumed as old as the process.
    const now = Date.now();
    expect(requestAgeMs({ get: () => null }, now)).toBe(Math.round(now - performance.timeOrigin));
  });

  it('lets a handler close the connection of a response it can no longer finish', async () => {
    const spoofed = await fetch(`http://127.0.0.1:${port}/`, { headers: { [CONNECTION_HEADER]: '1' } });
    expect(spoofed.status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${port}/hang-up`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow(); // the body ends in a reset, not a hang
    expect(closeConnection({ get: () => '999999' })).toBe(false);
  });

  it('lets a route set Content-Encoding on its Node response until the headers are sent', async () => {
    const reply = await raw('GET /encoded HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/\r\ncontent-encoding: br\r\n/i); // the last value set before the head went out
    expect(reply).toContain('{"set":true,"again":true}');
    const late = await raw('GET /late HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(late).not.toMatch(/content-encoding/i);
    expect(late).toContain('{"set":false}');
    expect(setContentEncoding({ get: () => '999999' }, 'gzip')).toBe(false);
    expect(setContentEncoding({ get: () => null }, 'gzip')).toBe(false);
  });

  it('gives routes a 414 with a Korean message past 8 KB of URL', async () => {
    expect(uriTooLong(`http://app/x?q=${'a'.repeat(100)}`)).toBeNull();
    const res = uriTooLong(`http://app/x?q=${'a'.repeat(MAX_URL_CHARS)}`)!;
    expect(res.status).toBe(414);
    expect(((await res.json()) as { message: string }).message).toMatch(/너무 깁니다/);
  });
});
