/**
 * Runs once when the Next.js server starts (Node.js runtime only). Installs the HTTP hooks Next.js has no
 * API for (lib/server/http-hardening.ts) and, without holding up startup, loads the cluster runtime and
 * starts its first reachability probe, so the first /api/cluster/info neither loads client-node nor waits
 * for a whole probe inside its 3 s deadline.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installHttpHardening } = await import('./lib/server/http-hardening');
  installHttpHardening();
  void import('./lib/server/runtime').then(({ getClusterRuntime }) => getClusterRuntime().info()).catch(() => {});
}
