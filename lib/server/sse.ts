/**
 * Server-Sent Events framing (WHATWG HTML §9.2). One event = optional `id:`/`event:` lines, one `data:` line
 * per line of payload, then a blank line. Comments (`: …`) keep proxies from closing an idle stream.
 */

const encoder = new TextEncoder();

export interface SseMessage {
  event?: string;
  id?: string;
  data: string;
  /** Reconnection delay the browser should use (ms). */
  retry?: number;
}

/** Frames one message. Newlines inside data become separate data lines, as the spec requires. */
export function formatSse(msg: SseMessage): string {
  let out = '';
  if (msg.retry !== undefined) out += `retry: ${Math.max(0, Math.floor(msg.retry))}\n`;
  if (msg.id !== undefined) out += `id: ${msg.id.replace(/[\r\n]/g, '')}\n`;
  if (msg.event !== undefined) out += `event: ${msg.event.replace(/[\r\n]/g, '')}\n`;
  for (const line of msg.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + '\n';
}

/** A comment line: ignored by EventSource, but it keeps the connection visibly alive. */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
}

export function encodeSse(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Event ids are `<hub epoch>.<sequence>`; returns the sequence when the id belongs to this epoch. */
export function parseEventId(raw: string | null | undefined, epoch: string): number | null {
  if (!raw) return null;
  const dot = raw.lastIndexOf('.');
  if (dot <= 0 || raw.slice(0, dot) !== epoch) return null;
  const n = Number(raw.slice(dot + 1));
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function formatEventId(epoch: string, seq: number): string {
  return `${epoch}.${seq}`;
}
