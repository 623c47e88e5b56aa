/**
 * Incremental Server-Sent Events parser for streams read with fetch(), following the event stream interpretation of
 * the HTML standard (§9.2.6): lines end in CRLF, LF or CR; `:` starts a comment; `field: value` loses one space after
 * the colon; `data` lines join with LF; a blank line dispatches (nothing when there is no data); `id` sets the last
 * event id (kept across events, ignored when it holds NUL); `retry` is a reconnection delay in ms.
 *
 * Linear in the text: each character is scanned once, and a line split over many chunks is joined once when it ends.
 * A 20,000-pod snapshot comes as ~1.6 MB `data:` lines in chunks of tens of KB; a parser that appended each chunk to
 * one string and searched it from the start again copied and scanned such a line once per chunk.
 */
export interface SseHandlers {
  event(type: string, data: string, lastEventId: string): void;
  retry?(ms: number): void;
}

const LF = 10;

/** Feed it decoded text chunks in order; it calls back once per complete event. */
export function createSseParser(handlers: SseHandlers | ((type: string, data: string, lastEventId: string) => void)): (chunk: string) => void {
  const on: SseHandlers = typeof handlers === 'function' ? { event: handlers } : handlers;
  /** Pieces of the line not yet ended. */
  let pending: string[] = [];
  /** The last chunk ended with CR: an LF opening the next one ends no second line. */
  let skipLF = false;
  let type = '';
  let data: string[] = [];
  let lastEventId = '';

  const field = (line: string): void => {
    if (line === '') {
      if (data.length > 0) on.event(type || 'message', data.length === 1 ? data[0] : data.join('\n'), lastEventId);
      type = '';
      data = [];
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line.charCodeAt(colon + 1) === 32 ? 2 : 1));
    if (name === 'data') data.push(value);
    else if (name === 'event') type = value;
    else if (name === 'id') {
      if (!value.includes('\0')) lastEventId = value;
    } else if (name === 'retry' && /^\d+$/.test(value)) on.retry?.(Number(value));
  };

  return (chunk) => {
    if (chunk.length === 0) return;
    let start = 0;
    if (skipLF) {
      skipLF = false;
      if (chunk.charCodeAt(0) === LF) start = 1;
    }
    let cr = chunk.indexOf('\r', start);
    let lf = chunk.indexOf('\n', start);
    while (cr >= 0 || lf >= 0) {
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      const piece = chunk.slice(start, end);
      let line = piece;
      if (pending.length > 0) {
        pending.push(piece);
        line = pending.join('');
        pending = [];
      }
      start = end + 1;
      if (end === cr) {
        if (start === chunk.length) skipLF = true;
        else if (chunk.charCodeAt(start) === LF) start++;
      }
      field(line);
      if (cr >= 0 && cr < start) cr = chunk.indexOf('\r', start);
      if (lf >= 0 && lf < start) lf = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  };
}
