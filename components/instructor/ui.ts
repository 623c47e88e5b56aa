/** Shared class names for the instructor tools (buttons look like the Playground's controls). */
export const BUTTON =
  'rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

export const PRIMARY_BUTTON =
  'rounded-md bg-brand-500 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-600 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500';
