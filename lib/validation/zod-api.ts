/**
 * The part of zod this app uses, as named re-exports (lib/validation/zod.ts makes them the `z` namespace). A page that
 * imports zod's own `z` keeps every export of zod alive, since the namespace object is a value the bundler cannot
 * prune: its ~40 error-message locales, JSON Schema conversion and the rest — 93 KB of gzipped JS against 26 KB for
 * named imports (esbuild, minified), on every page that checks saved progress. Add a name here to use it.
 */
export { array, boolean, custom, discriminatedUnion, enum, literal, number, object, record, strictObject, string, undefined, union } from 'zod';
export type { infer, ZodError, ZodType } from 'zod';
export type * as core from 'zod/v4/core';
