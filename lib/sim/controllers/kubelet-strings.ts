/**
 * Strings the kubelet writes into the events of every pod, made once per container name or image instead of once per
 * event: a rollout records four or five events per pod, each Event keeps its message and field path for an hour, and
 * a string built by a template literal is a tree of pieces (and the event recorder's comparisons flatten it into yet
 * another copy). The text is the same as built each time. Each cache is bounded; past the bound it starts over.
 */
const MAX_ENTRIES = 1024;

function memo(build: (s: string) => string): (s: string) => string {
  const made = new Map<string, string>();
  return (s) => {
    let v = made.get(s);
    if (v === undefined) {
      if (made.size >= MAX_ENTRIES) made.clear();
      made.set(s, (v = build(s)));
    }
    return v;
  };
}

/** `spec.containers{NAME}`, the involvedObject.fieldPath of a container's events */
export const containerFieldPath = memo((name) => `spec.containers{${name}}`);
export const pullingMessage = memo((image) => `Pulling image "${image}"`);
export const createdMessage = memo((name) => `Created container ${name}`);
export const startedMessage = memo((name) => `Started container ${name}`);
export const stoppingMessage = memo((name) => `Stopping container ${name}`);

const pulled = new Map<string, { secs: number; size: number; message: string }>();
/** The Pulled event's message after a pull of `secs` seconds. */
export function pulledMessage(image: string, secs: number, sizeBytes: number): string {
  const hit = pulled.get(image);
  if (hit !== undefined && hit.secs === secs && hit.size === sizeBytes) return hit.message;
  if (pulled.size >= MAX_ENTRIES) pulled.clear();
  const message = `Successfully pulled image "${image}" in ${secs}s (${secs}s including waiting). Image size: ${sizeBytes} bytes.`;
  pulled.set(image, { secs, size: sizeBytes, message });
  return message;
}
