/**
 * Runs once when the Next.js server starts (Node.js runtime only). Installs the HTTP hooks Next.js has no
 * API for (lib/server/http-hardening.ts) and, without holding up startup, loads the cluster runtime so the
 * first /api/cluster/info does not pay for loading client-node inside its 3 s deadline.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installHttpHardening } = await import('./lib/server/http-hardening');
  installHttpHardening();
  void import('./lib/server/runtime').then(({ getClusterRuntime }) => getClusterRuntime()).catch(() => {});
}
