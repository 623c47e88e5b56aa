/** What a LiveClient is built from: where the app is, and (for tests) its EventSource and fetch. */
/** The slice of EventSource we use, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  /** The server's last `retry:` in ms (FetchEventSource; an EventSource keeps it to itself). */
  readonly retry?: number;
  onerror: ((ev: Event) => void) | null;
  addEventListener(type: string, cb: (ev: { data: string; lastEventId?: string }) => void): void;
  close(): void;
}

export interface LiveClientOptions {
  /** Origin + base path of the app, '' for same origin. */
  baseUrl?: string;
  /** Namespaces to stream (default: every namespace the server allows). */
  namespaces?: string[];
  eventSource?: (url: string) => EventSourceLike;
  fetch?: typeof fetch;
  /** Called once from dispose() (the page uses it to unwire header announcements). */
  onDispose?: () => void;
}
