/** A centred, announced loading line in Korean, for the Playground's lazily loaded parts. */
export function Loading({ text }: { text: string }) {
  return (
    <p role="status" className="flex h-full items-center justify-center text-sm text-zinc-600 dark:text-zinc-400">
      {text}
    </p>
  );
}
