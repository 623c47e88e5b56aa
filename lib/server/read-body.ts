/**
 * Reads a request body as UTF-8 text, counting bytes (not characters: "가" is 3 bytes) and stopping at the
 * limit: a declared Content-Length over the limit is refused before reading, and a body that grows past it
 * is cancelled mid-stream, so a 1 GB upload costs at most `maxBytes` of memory.
 */

export type BodyResult = { ok: true; text: string } | { ok: false; code: 400 | 413; message: string };

const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

export async function readBodyLimited(req: Request, maxBytes: number): Promise<BodyResult> {
  const notUtf8: BodyResult = { ok: false, code: 400, message: '요청 본문이 올바른 UTF-8 텍스트가 아닙니다.' };
  const tooLarge: BodyResult = { ok: false, code: 413, message: `요청 본문이 너무 큽니다 (최대 ${kib(maxBytes)}).` };
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  if (!req.body) return { ok: true, text: '' };
  const reader = req.body.getReader();
  // fatal: a body that is not UTF-8 is refused rather than silently patched with U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return { ok: false, code: 400, message: '요청 본문을 끝까지 받지 못했습니다.' };
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    try {
      text += decoder.decode(chunk.value, { stream: true });
    } catch {
      await reader.cancel().catch(() => {});
      return notUtf8;
    }
  }
  try {
    return { ok: true, text: text + decoder.decode() };
  } catch {
    return notUtf8;
  }
}
