import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Serves the built site with `vitepress preview` (what `pnpm start` runs) and reads its pages over
// HTTP. Needs `docs:build` first; turbo orders that (see turbo.json, @intercalate/docs#test).
const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const port = 4300 + Math.floor(Math.random() * 500);
let server: ChildProcess | undefined;
let baseUrl = '';

beforeAll(async () => {
  if (!existsSync(`${docsRoot}/.vitepress/dist/index.html`)) {
    throw new Error('apps/docs/.vitepress/dist is missing: run `pnpm docs:build` first');
  }
  const vitepressBin = fileURLToPath(
    new URL('../node_modules/vitepress/bin/vitepress.js', import.meta.url),
  );
  server = spawn(process.execPath, [vitepressBin, 'preview', '--port', String(port)], {
    cwd: docsRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The preview server prints the URL it serves on; wait for it (bounded by the hook timeout).
  baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/localhost:\d+\/?/);
      if (match) resolve(match[0].replace(/\/$/, ''));
    };
    server?.stdout?.on('data', onData);
    server?.stderr?.on('data', onData);
    server?.on('exit', (code) =>
      reject(new Error(`vitepress preview exited with ${code}:\n${output}`)),
    );
  });
}, 30_000);

afterAll(() => {
  server?.kill();
});

async function page(path: string): Promise<string> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, `${path} status`).toBe(200);
  return response.text();
}

describe('docs site', () => {
  it('serves the home page on the printed localhost URL', async () => {
    expect(baseUrl).toBe(`http://localhost:${port}`);
    const html = await page('/');
    expect(html).toContain('Battery-materials science in TypeScript');
    expect(html).toContain('data-testid="live-d-spacing"');
    // Server-side rendering ran the real package: d(003) = c/3 = 14.2/3 = 4.73333 Å.
    expect(html).toContain('4.73333 Å');
  });

  it('serves the getting-started guide', async () => {
    const html = await page('/guide/getting-started');
    expect(html).toMatch(/<h1[^>]*>Getting started/);
    expect(html).toContain('href="/api/@intercalate/numerics/"');
  });

  it('has a generated API page for every package, with the TSDoc formulas', async () => {
    const index = await page('/api/');
    for (const name of [
      'numerics',
      'crystallography',
      'strain-model',
      'electrochem',
      'nmr',
      'imaging',
    ]) {
      expect(index).toContain(`@intercalate/${name}`);
    }
    const dSpacing = await page('/api/@intercalate/crystallography/functions/hexagonalDSpacing');
    expect(dSpacing).toContain('4(h² + hk + k²) / (3a²) + l² / c²');
    const variance = await page('/api/@intercalate/numerics/functions/variance');
    expect(variance).toContain('Chan, Golub &amp; LeVeque');
  });
});
