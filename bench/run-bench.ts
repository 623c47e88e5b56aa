/** What every bench script does around its `main`: exit 0 when it ends, print the error and exit 1 when it throws. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

/** Stops the app server and then the sim cluster server a bench started (each kills only its own child). */
export async function stopServers(...servers: { stop(): Promise<void> }[]): Promise<void> {
  for (const s of servers) await s.stop();
}
