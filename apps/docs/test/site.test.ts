import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from './preview-server';

// Reads the built site's pages over HTTP from `vitepress preview` (see preview-server.ts).
let server: Awaited<ReturnType<typeof startPreview>> | undefined;
let baseUrl = '';
let port = 0;

beforeAll(async () => {
  server = await startPreview();
  baseUrl = server.baseUrl;
  port = server.port;
}, 30_000);

afterAll(() => {
  server?.stop();
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

  it('serves the live pages, their example files and the benchmark tables', async () => {
    const diffraction = await page('/guide/diffraction');
    expect(diffraction).toContain('data-testid="diffraction-explorer"');
    expect(diffraction).toContain('synthetic, not measured');
    const nmr = await page('/guide/nmr');
    expect(nmr).toContain('data-testid="nmr-explorer"');
    expect(await page('/examples/nmc-synthetic.xye')).toContain('SYNTHETIC pattern (not measured)');
    expect(await page('/examples/li7-synthetic.jdx')).toContain('##JCAMP-DX= 5.01');
    // The benchmark tables are rendered at build time from benchmarks/results/*.json.
    const benchmarks = await page('/guide/benchmarks');
    expect(benchmarks).toContain('data-testid="bench-nmr"');
    expect(benchmarks).toMatch(/data-testid="bench-row"/);
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
