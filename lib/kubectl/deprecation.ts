/**
 * Deprecation warnings the API server sends with every response about a deprecated API, which kubectl prints
 * once per command on stderr as `Warning: …` (rest.WarningHandler, deduplicated). The text is built as in
 * staging/src/k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go (WarningMessage): "<group/version>
 * <Kind> is deprecated in v<major>.<minor>+; use <replacement group/version> <Kind>". Core v1 Endpoints carries
 * `+k8s:prerelease-lifecycle-gen:deprecated=1.33` with EndpointSlice as its replacement.
 */
import { kindInfo } from '../k8s/kinds';
import { deprecationWarning } from '../k8s/kinds/kind';
import type { Kind } from '../k8s/types';
import { majorMinor } from './commands/info';
import { err, type KubectlContext } from './context';

const printed = new WeakMap<KubectlContext, Set<string>>();

/** Print the server's warning for `kind` once per command, if the server is new enough to send it. */
export function warnIfDeprecated(ctx: KubectlContext, kind: Kind): void {
  const info = kindInfo(kind);
  const text = info && deprecationWarning(info);
  const since = info?.deprecated && majorMinor(`v${info.deprecated.since}`);
  const server = majorMinor(ctx.client.info().version ?? '');
  if (!text || !since || !server || server[0] < since[0] || (server[0] === since[0] && server[1] < since[1])) return;
  const message = `Warning: ${text}`;
  const seen = printed.get(ctx) ?? new Set<string>();
  printed.set(ctx, seen);
  if (seen.has(message)) return;
  seen.add(message);
  err(ctx, message);
}
