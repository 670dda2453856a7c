import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  examples,
  figure,
  screenshots,
  setNumber,
  textNumber,
  useBrowser,
} from './browser-harness';

// The Imaging page in Debian's Chromium (the shared harness of browser-harness.ts):
// it loads without console errors, its figures render SVG marks, changing a control changes the
// figures and the numbers, the example TIFF gives the region count of the script that generated
// it, and a file of random bytes shows the reader's error. Screenshots go to test/screenshots/.
// Reference values: the closed-form models of the synthetic data (stated at each check) and the
// parameters of apps/docs/scripts/example_particles_tiff.py, never this site's own output.

const open = useBrowser();

/** Waits until the number shown in `selector` satisfies `test` (a predicate source). */
async function waitNumber(page: Page, selector: string, min: number, max: number) {
  await page.waitForFunction(
    ([s, lo, hi]) => {
      const value = Number(document.querySelector(s as string)?.textContent);
      return value >= (lo as number) && value <= (hi as number);
    },
    [selector, min, max] as const,
    { timeout: 30_000 },
  );
}

const rasterHref = (page: Page, testid: string) =>
  page.getAttribute(`[data-testid="${testid}"] svg [aria-label="raster"] image`, 'href');

describe('imaging page in Chromium', () => {
  it('operando movie: traces, synchronicity index and the frame slider', async () => {
    const { page, errors } = await open('/guide/imaging');
    await figure(page, 'figure-frame', '[aria-label="raster"] image');
    await figure(page, 'figure-traces-first', '[aria-label="line"] path');
    await figure(page, 'figure-traces-second', '[aria-label="line"] path');
    // 8 particles: 8 trace lines per charge and 8 ROI outlines on the frame
    expect(
      await page
        .locator('[data-testid="figure-traces-first"] svg [aria-label="line"] path')
        .count(),
    ).toBe(8);
    expect(
      await page.locator('[data-testid="figure-frame"] svg [aria-label="line"] path').count(),
    ).toBe(8);
    // First charge: logistic steps of width w = 0.01 at 0.5 ± 0.4, 0.1 apart; each transition
    // window spans 2w ln 9 ≈ 0.044 < 0.1, so no two windows overlap: Jaccard index 0 (closed form).
    await page.waitForSelector('[data-testid="sync-first"]');
    expect(await textNumber(page, '[data-testid="sync-first"]')).toBeLessThan(0.05);
    expect(await page.textContent('[data-testid="class-first"]')).toBe('asynchronous');
    // Second charge: common ramps of width 0.12 (windows 2·0.12·ln 9 ≈ 0.53 wide) whose centres
    // differ by ≤ 0.04: J ≥ (0.53 − 0.04)/(0.53 + 0.04) ≈ 0.86 for every pair.
    expect(await textNumber(page, '[data-testid="sync-second"]')).toBeGreaterThan(0.8);
    expect(await page.textContent('[data-testid="class-second"]')).toBe('synchronous');
    // Frame slider: frame 50 is frame 9 of the second charge, SOC 9/40 = 0.225.
    const before = await rasterHref(page, 'figure-frame');
    await setNumber(page, 'frame', 50);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="frame-soc"]')?.textContent?.trim() === '0.225',
    );
    expect(await page.textContent('[data-testid="frame-info"]')).toContain('second charge');
    await page.waitForFunction(
      (old) =>
        document
          .querySelector('[data-testid="figure-frame"] svg [aria-label="raster"] image')
          ?.getAttribute('href') !== old,
      before,
    );
    // The current-frame rule moves to the second-charge figure.
    await figure(page, 'figure-traces-second', '[aria-label="rule"] line');
    await page.screenshot({ path: `${screenshots}/imaging-movie.png`, fullPage: true });
    // No onset spread: all first-charge steps at SOC 0.5, identical windows, J = 1 up to noise.
    await setNumber(page, 'onset-spread', 0);
    await waitNumber(page, '[data-testid="sync-first"]', 0.8, 1);
    expect(await page.textContent('[data-testid="class-first"]')).toBe('synchronous');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('particle image: the example TIFF gives its 12 regions, random bytes the reader error', async () => {
    const { page, errors } = await open('/guide/imaging');
    await page.waitForSelector('[data-testid="tiff-drop-input"]', { state: 'attached' });
    await page.setInputFiles(
      '[data-testid="tiff-drop-input"]',
      `${examples}/imaging/particles-synthetic.tif`,
    );
    await page.waitForSelector('[data-testid="region-count"]', { timeout: 30_000 });
    // example_particles_tiff.py draws 12 separate particles; scikit-image's threshold_otsu of the
    // written file is 79 (test/fixtures/particles-synthetic.skimage.json).
    expect(await textNumber(page, '[data-testid="region-count"]')).toBe(12);
    expect(await textNumber(page, '[data-testid="otsu-threshold"]')).toBe(79);
    expect(await page.locator('[data-testid="regions-table"] tbody tr').count()).toBe(12);
    await figure(page, 'figure-labels', '[aria-label="raster"] image');
    await figure(page, 'figure-histogram', '[aria-label="rect"] rect');
    expect(
      await page.locator('[data-testid="figure-histogram"] svg [aria-label="rule"] line').count(),
    ).toBeGreaterThan(0);
    // A minimum area above every particle's (the smallest, r = 8 px, is ≈ π·8² ≈ 200 px) and below
    // the largest (20 × 9 px semi-axes, ≈ 565 px) keeps fewer regions.
    await setNumber(page, 'min-area', 400);
    await page.waitForFunction(() => {
      const n = Number(document.querySelector('[data-testid="region-count"]')?.textContent);
      return n > 0 && n < 12;
    });
    await page.screenshot({ path: `${screenshots}/imaging-particles.png`, fullPage: true });
    // Random bytes: not a PNG, so readTiff reports that the data are not a TIFF file.
    const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 41) % 256));
    await page.setInputFiles('[data-testid="tiff-drop-input"]', {
      name: 'random.tif',
      mimeType: 'image/tiff',
      buffer: random,
    });
    const message = await page
      .locator('[data-testid="tiff-drop-error"]')
      .textContent({ timeout: 30_000 });
    expect(message).toMatch(/^RangeError: .*bytes/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('XANES: white-line maps, difference map and areal fractions follow the gradient', async () => {
    const { page, errors } = await open('/guide/imaging');
    await figure(page, 'figure-xanes-spectra', '[aria-label="line"] path');
    await figure(page, 'figure-white-line', '[aria-label="raster"] image');
    await figure(page, 'figure-difference', '[aria-label="raster"] image');
    await figure(page, 'figure-difference-histogram', '[aria-label="rect"] rect');
    // Model: ΔE = 1 − 0.8·g·ρ inside the particles, −(0.4 + g·ρ) in the reduced surface patch of
    // each particle (ρ > 0.8, |φ − 45°| < 0.5 rad: (1 − 0.8²)·1/(2π) ≈ 5.7 % of the pixels).
    // With g = 0.8 eV every other pixel has ΔE ≥ 0.36 eV > the 0.2 eV dead band.
    await page.waitForSelector('[data-testid="fraction-reduced"]');
    const reduced = await textNumber(page, '[data-testid="fraction-reduced"]');
    expect(reduced).toBeGreaterThan(4);
    expect(reduced).toBeLessThan(8);
    expect(await textNumber(page, '[data-testid="fraction-oxidized"]')).toBeGreaterThan(90);
    const before = await rasterHref(page, 'figure-difference');
    // g = 2 eV: ΔE < −0.2 eV wherever ρ > 0.75, the outer shell: ≈ 1 − 0.75² ≈ 44 % of the area.
    await setNumber(page, 'xanes-gradient', 2);
    await waitNumber(page, '[data-testid="fraction-reduced"]', 35, 55);
    await page.waitForFunction(
      (old) =>
        document
          .querySelector('[data-testid="figure-difference"] svg [aria-label="raster"] image')
          ?.getAttribute('href') !== old,
      before,
    );
    await page.screenshot({ path: `${screenshots}/imaging-xanes.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
