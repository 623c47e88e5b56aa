/**
 * What a student's browser downloads before a lesson page runs: the page's <script src> chunks, gzipped as the server
 * would send them, except the `noModule` polyfills (a browser that runs modules never fetches them). Budget: 200 KiB
 * (the lesson page's first-load goal, issue 4; bench:graph prints the figure). It caught zod's whole namespace — its
 * ~40 error-message locales and JSON Schema tools — and the kind registry riding along on every lesson page.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUDGET_KIB = 200;

for (const path of ['/learn/what-is-kubernetes', '/playground']) {
  test(`first-load JS of ${path} stays within ${BUDGET_KIB} KiB gzipped`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0])).map((m) => m[1]))];
    expect(srcs.length).toBeGreaterThan(3);
    const sizes = await Promise.all(srcs.map(async (src) => ({ src, gz: gzipSync(await (await request.get(src)).body()).length })));
    const kib = sizes.reduce((n, s) => n + s.gz, 0) / 1024;
    const biggest = sizes.sort((a, b) => b.gz - a.gz).slice(0, 4).map((s) => `${s.src} ${(s.gz / 1024).toFixed(1)} KiB`);
    expect(kib, `first-load JS ${kib.toFixed(1)} KiB; biggest: ${biggest.join(', ')}`).toBeLessThanOrEqual(BUDGET_KIB);
  });
}
