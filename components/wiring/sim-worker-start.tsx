/**
 * Starts the simulator's worker from the page's HTML: an inline script the browser runs as the parser reaches it, a
 * few hundred milliseconds before the page's own code has loaded and rendered (lib/cluster/sim-worker.ts adopts the
 * worker it leaves). A page renders this where it will run the engine; the script stands aside for bare machines
 * (`?machines=1`), whose engine stays on the page. After a navigation inside the app no HTML arrives, so nothing here
 * runs and the page starts the worker as it renders.
 */
import { headers } from 'next/headers';
import { NONCE_HEADER } from '@/lib/server/security-headers';
import { EARLY_START_SCRIPT } from '@/lib/cluster/sim-worker';

/** The inline start script, with the request's CSP nonce (proxy.ts), without which the browser would not run it. */
export async function SimWorkerStart() {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_START_SCRIPT }} />;
}
