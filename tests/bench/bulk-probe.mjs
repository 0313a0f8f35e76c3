// `npm run bench`: bundles the TypeScript benchmark with esbuild and runs it with Node. The
// benchmark drives the built extension in Debian's Chromium and prints figures; it asserts nothing.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Written beside this script, inside the project, so that Node finds node_modules from it.
const outfile = path.join(root, 'tests/bench/.bulk-probe.mjs');
await build({
  entryPoints: [path.join(root, 'tests/bench/bulk-probe.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  alias: { '@': root },
  logLevel: 'warning',
});
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
