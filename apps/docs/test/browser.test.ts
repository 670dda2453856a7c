import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  docsRoot,
  examples,
  figure,
  screenshots,
  setNumber,
  textNumber,
  useBrowser,
} from './browser-harness';

// Drives Debian's Chromium (playwright-core, no browser download) against the built site served
// by `vitepress preview`: every page loads without console errors, each figure renders an SVG with
// marks, changing a control or dropping a file changes the figure and the numbers, and each page
// leaves a screenshot in test/screenshots/ for review (gitignored).
// Reference values are closed forms or the parameters of the scripts that generated the example
// files (apps/docs/scripts/*.py), never this site's own output.

const open = useBrowser();

async function pathOf(page: Page, testid: string): Promise<string> {
  return (
    (await page.getAttribute(`[data-testid="${testid}"] svg [aria-label="line"] path`, 'd')) ?? ''
  );
}

const CU_KA1 = 1.54059292; // Å, International Tables (the package's WAVELENGTHS.Cu.kAlpha1)
const HC = 12.398419843320026; // keV·Å, CODATA 2018
/** 2θ (degrees) of 00l for the given c (Å): d = c/l, 2θ = 2 asin(λ/2d). */
const twoTheta00l = (c: number, l: number, wavelength: number) =>
  (2 * Math.asin(wavelength / (2 * (c / l))) * 180) / Math.PI;

describe('docs site in Chromium', () => {
  it('home: loads cleanly and the live d-spacing follows the inputs', async () => {
    const { page, errors } = await open('/');
    await page.waitForSelector('[data-testid="d-value"]');
    expect(await page.textContent('[data-testid="d-value"]')).toContain('4.73333 Å'); // 14.2/3
    await setNumber(page, 'l', 6);
    // d(006) = c/6 = 14.2/6 = 2.36667 Å (closed form)
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="d-value"]')?.textContent?.includes('2.36667'),
    );
    await page.screenshot({ path: `${screenshots}/home.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('diffraction: the pattern follows the lattice and the wavelength', async () => {
    const { page, errors } = await open('/guide/diffraction');
    const first = await figure(page, 'figure-pattern', '[aria-label="line"] path');
    expect(first).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid="figure-pattern"] svg [aria-label="rule"] line').count(),
    ).toBeGreaterThan(5);
    // NMC811 preset (Table 1: c = 14.2127 Å) at Cu Kα1
    expect(await textNumber(page, '[data-testid="two-theta-003"]')).toBeCloseTo(
      twoTheta00l(14.2127, 3, CU_KA1),
      3,
    );
    const rows = await page.locator('[data-testid="reflections-table"] tbody tr').count();
    expect(rows).toBeGreaterThan(8);
    const before = await pathOf(page, 'figure-pattern');
    await setNumber(page, 'c', 14.4);
    await page.waitForFunction(
      (expected) =>
        Math.abs(
          Number(document.querySelector('[data-testid="two-theta-003"]')?.textContent) - expected,
        ) < 1e-3,
      twoTheta00l(14.4, 3, CU_KA1),
    );
    await page.waitForFunction((old) => {
      const d = document
        .querySelector('[data-testid="figure-pattern"] svg [aria-label="line"] path')
        ?.getAttribute('d');
      return d !== undefined && d !== old;
    }, before);
    expect(await page.inputValue('select[name="preset"]')).toBe('custom');
    // Synchrotron at 27 keV: λ = hc/E
    await page.selectOption('select[name="radiation"]', 'synchrotron');
    await page.waitForFunction(
      (expected) =>
        Math.abs(
          Number(document.querySelector('[data-testid="two-theta-003"]')?.textContent) - expected,
        ) < 1e-3,
      twoTheta00l(14.4, 3, HC / 27),
    );
    await page.screenshot({ path: `${screenshots}/diffraction.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('diffraction: a dropped .xye pattern is fitted, a bad one reported', async () => {
    const { page, errors } = await open('/guide/diffraction');
    await page.waitForSelector('[data-testid="xy-drop-input"]', { state: 'attached' });
    await page.setInputFiles('[data-testid="xy-drop-input"]', `${examples}/nmc-synthetic.xye`);
    await page.waitForSelector('[data-testid="fit-a"]', { timeout: 30_000 });
    // The generating script's lattice: a = 2.8650 Å, c = 14.2600 Å (example_xy.py)
    expect(Math.abs((await textNumber(page, '[data-testid="fit-a"]')) - 2.865)).toBeLessThan(2e-3);
    expect(Math.abs((await textNumber(page, '[data-testid="fit-c"]')) - 14.26)).toBeLessThan(5e-3);
    await figure(page, 'figure-fit', '[aria-label="line"] path');
    await figure(page, 'figure-residual', '[aria-label="line"] path');
    expect(await page.locator('[data-testid="peaks-table"] tbody tr').count()).toBeGreaterThan(5);
    await page.screenshot({ path: `${screenshots}/diffraction-fit.png`, fullPage: true });
    await page.setInputFiles('[data-testid="xy-drop-input"]', {
      name: 'broken.xy',
      mimeType: 'text/plain',
      buffer: Buffer.from('18.70 1520\n18.72 oops\n'),
    });
    const message = await page
      .locator('[data-testid="xy-drop-error"]')
      .textContent({ timeout: 30_000 });
    expect(message).toMatch(/^RangeError: .*line 2/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('nmr: the prediction follows composition and spinning rate', async () => {
    const { page, errors } = await open('/guide/nmr');
    await figure(page, 'figure-environments', '[aria-label="rule"] line');
    await figure(page, 'figure-spectrum', '[aria-label="line"] path');
    // Sideband spacing ν_r/ν₀ with ν₀ = 300 MHz × Ξ(⁷Li) = 300 × 0.38863797 (IUPAC 2001)
    const nu0 = 300 * 0.38863797;
    expect(await textNumber(page, '[data-testid="sideband-spacing"]')).toBeCloseTo(60_000 / nu0, 1);
    // Mean shift of NMC811 (Ni²⁺ 0.1, Ni³⁺ 0.7, Mn⁴⁺ 0.1, Co³⁺ 0.1) from the Märker et al. table:
    // 6·(0.1·(−30) + 0.7·(−15) + 0.1·250) + 6·(0.1·170 + 0.7·110 + 0.1·(−60)) = 597 ppm
    expect(await textNumber(page, '[data-testid="mean-shift"]')).toBeCloseTo(597, 1);
    const before = await pathOf(page, 'figure-spectrum');
    await setNumber(page, 'spinning-rate', 40);
    await page.waitForFunction(
      (expected) =>
        Math.abs(
          Number(document.querySelector('[data-testid="sideband-spacing"]')?.textContent) -
            expected,
        ) < 0.1,
      40_000 / nu0,
    );
    await page.waitForFunction((old) => {
      const d = document
        .querySelector('[data-testid="figure-spectrum"] svg [aria-label="line"] path')
        ?.getAttribute('d');
      return d !== undefined && d !== old;
    }, before);
    // LiNiO2, all Ni³⁺: 6·(−15) + 6·110 = 570 ppm
    await page.fill('input[name="formula"]', 'LiNiO2');
    await page.press('input[name="formula"]', 'Enter');
    await page.locator('input[name="formula"]').blur();
    await page.waitForFunction(
      () =>
        Math.abs(Number(document.querySelector('[data-testid="mean-shift"]')?.textContent) - 570) <
        0.05,
    );
    await page.screenshot({ path: `${screenshots}/nmr.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('nmr: a dropped JCAMP-DX spectrum is fitted and quantified, a bad one reported', async () => {
    const { page, errors } = await open('/guide/nmr');
    await page.waitForSelector('[data-testid="nmr-drop-input"]', { state: 'attached' });
    await page.setInputFiles('[data-testid="nmr-drop-input"]', `${examples}/li7-synthetic.jdx`);
    await page.waitForSelector('[data-testid="fraction-2"]', { timeout: 30_000 });
    await figure(page, 'figure-nmr-fit', '[aria-label="line"] path');
    await figure(page, 'figure-nmr-residual', '[aria-label="line"] path');
    // The generating script's areas: 0.9 (620 ppm) and 0.1 (0 ppm) (example_jcamp.py)
    const fractions = [
      Number.parseFloat((await page.textContent('[data-testid="fraction-1"]')) ?? ''),
      Number.parseFloat((await page.textContent('[data-testid="fraction-2"]')) ?? ''),
    ].sort();
    expect(Math.abs(fractions[0] - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(fractions[1] - 0.9)).toBeLessThan(0.01);
    await page.screenshot({ path: `${screenshots}/nmr-fit.png`, fullPage: true });
    await page.setInputFiles('[data-testid="nmr-drop-input"]', {
      name: 'broken.jdx',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        '##TITLE= broken\n##JCAMP-DX= 5.01\n##NPOINTS= 99999999999\n##XYDATA= (X++(Y..Y))\n1 2 3\n',
      ),
    });
    const message = await page
      .locator('[data-testid="nmr-drop-error"]')
      .textContent({ timeout: 30_000 });
    expect(message).toMatch(/^(RangeError|TypeError): /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('benchmarks: one table row and one bar per measured workload', async () => {
    // The page is generated at build time from benchmarks/results/*.json; results written after
    // the build (someone ran `pnpm bench` since) are not on the page yet and are only reported.
    const dir = `${docsRoot}/benchmarks/results`;
    const built = statSync(`${docsRoot}/.vitepress/dist/index.html`).mtimeMs;
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({
        name,
        newer: statSync(`${dir}/${name}`).mtimeMs > built,
        json: JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')),
      }));
    for (const file of files.filter((f) => f.newer)) {
      console.warn(
        `benchmarks/results/${file.name} is newer than the site build: rebuild to show it`,
      );
    }
    const current = files.filter((f) => !f.newer);
    expect(current.length).toBeGreaterThan(0);
    const { page, errors } = await open('/guide/benchmarks');
    await figure(page, 'figure-benchmarks', '[aria-label="bar"] rect');
    let total = 0;
    for (const { json } of current) {
      const expected = json.comparisons.reduce(
        (sum: number, c: { workloads: unknown[] }) => sum + c.workloads.length,
        0,
      );
      const section = `[data-testid="bench-${json.package.replace('@intercalate/', '')}"]`;
      expect(await page.locator(`${section} [data-testid="bench-row"]`).count(), json.package).toBe(
        expected,
      );
      total += expected;
    }
    const rows = await page.locator('[data-testid="bench-row"]').count();
    const bars = await page
      .locator('[data-testid="figure-benchmarks"] svg [aria-label="bar"] rect')
      .count();
    expect(rows).toBeGreaterThanOrEqual(total);
    expect(bars).toBe(rows);
    await page.screenshot({ path: `${screenshots}/benchmarks.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('getting started: loads without console errors', async () => {
    const { page, errors } = await open('/guide/getting-started');
    await page.waitForSelector('h1');
    await page.screenshot({ path: `${screenshots}/getting-started.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
