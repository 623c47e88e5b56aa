/**
 * zod, set up for code that also runs in pages. The pages' Content-Security-Policy forbids eval (see proxy.ts);
 * zod would otherwise probe `new Function` on its first parse to compile a fast path, which the browser reports as
 * a CSP violation even though zod catches it. Every schema imports zod from here, so the setting is made before
 * any of them parses, whichever page loads first. `z` holds only what zod-api.ts re-exports, so pages carry no more
 * of zod than they use.
 */
import { config } from 'zod';
import * as z from './zod-api';

config({ jitless: true });

export { z };
