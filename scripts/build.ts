/**
 * `npm run build`: the gateway as plain JavaScript in dist/, run by Node alone (`node dist/main.js`)
 * after a production install. The sources import each other without file extensions (TypeScript's
 * "Bundler" resolution), which Node's ES modules cannot load as tsc would emit them; esbuild bundles
 * src/ into dist/ instead and leaves every package an import, resolved from node_modules at run time.
 * Code splitting keeps the embedded emulator's code (loaded by a dynamic import, in demo mode only)
 * in a chunk of its own, so that main.js never loads cognito-local, which production does not install.
 */
import { build } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** dist/ unless given (the production-install test builds into its own copy of the project). */
const outdir = resolve(process.argv[2] ?? `${root}dist`);

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
// Read at run time next to the module that serves GraphiQL (src/http/graphiql-page.ts), now main.js.
await copyFile(`${root}src/http/graphiql-sign-in.browser.js`, `${outdir}/graphiql-sign-in.browser.js`);
console.log(`built ${outdir}/main.js: run it with \`node --enable-source-maps dist/main.js\``);
