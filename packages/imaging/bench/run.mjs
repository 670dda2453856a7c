// Runs every benchmark of @intercalate/imaging in turn (each file is also runnable alone:
// `node bench/<name>.mjs` after `pnpm build`). Run all packages' benchmarks with `pnpm bench`.
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs' && !name.startsWith('.'))
  .sort();
for (const name of files) await import(new URL(name, here).href);
