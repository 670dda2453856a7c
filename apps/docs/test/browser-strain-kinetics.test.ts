import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  examples,
  figure,
  number,
  screenshots,
  setNumber,
  useBrowser,
  waitForNumber,
} from './browser-harness';

// The Strain explorer and Kinetics pages in Debian's Chromium (playwright-core, no browser
// download) against the built site served by `vitepress preview`, as browser.test.ts does: each
// page loads without console errors, each figure renders an SVG with marks, changing a control or
// dropping a file changes the figure and the numbers, and each page leaves a screenshot in
// test/screenshots/. Reference values are closed forms, the published results of the papers, or
// the parameters of the scripts that wrote the example files (apps/docs/scripts/example_lattice.py,
// example_cycler.py), never this site's own output.

const open = useBrowser();

/** The `d` of every line path of a figure, joined (changes when any line changes). */
async function paths(page: Page, testid: string): Promise<string> {
  return (
    await page
      .locator(`[data-testid="${testid}"] svg [aria-label="line"] path`)
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('d') ?? ''))
  ).join('|');
}

async function waitForChange(page: Page, testid: string, before: string) {
  await page.waitForFunction(
    ([id, old]) =>
      Array.from(document.querySelectorAll(`[data-testid="${id}"] svg [aria-label="line"] path`))
        .map((n) => n.getAttribute('d') ?? '')
        .join('|') !== old,
    [testid, before] as const,
    { timeout: 30_000 },
  );
}

// CODATA 2018 exact constants (the electrochem package's values are not used here).
const FARADAY = 1.602176634e-19 * 6.02214076e23;
const GAS = 1.380649e-23 * 6.02214076e23;
const CU_KA1 = 1.54059292; // Å

describe('strain explorer in Chromium', () => {
  it('illustrative curves: contents, strain, critical SOC and lithium loss follow the controls', async () => {
    const { page, errors } = await open('/guide/strain');
    for (const id of ['figure-lattice-a', 'figure-lattice-c', 'figure-eps-a', 'figure-eps-c']) {
      await figure(page, id, '[aria-label="line"] path');
    }
    await figure(page, 'figure-lattice-c', '[aria-label="dot"] circle');
    await figure(page, 'figure-master', '[aria-label="line"] path');
    await figure(page, 'figure-loss', '[aria-label="line"] path');
    // examples.nmc811 closed forms: dc/dx = −α + α·exp((0.4 − x)/λ) = 0 at x = 0.40, and the
    // logistic a(x) is steepest at x = 0.62 (packages/strain-model/README.md)
    await waitForNumber(page, 'content-dil', 0.4, 0.01);
    expect(Math.abs((await number(page, 'content-steepest')) - 0.62)).toBeLessThan(0.015);
    // Three Δc_Li → three strain lines per figure
    expect(
      await page.locator('[data-testid="figure-eps-c"] svg [aria-label="line"] path').count(),
    ).toBe(3);
    const before = await paths(page, 'figure-eps-c');
    await page.fill('input[name="delta-list"]', '0.05, 0.15');
    await page.press('input[name="delta-list"]', 'Enter');
    await page.locator('input[name="delta-list"]').blur();
    await waitForChange(page, 'figure-eps-c', before);
    expect(
      await page.locator('[data-testid="figure-eps-c"] svg [aria-label="line"] path').count(),
    ).toBe(2);
    // Anisotropy at c_Li = 0.25 for Δc_Li = 0.05: "about 30 times" (Jousseaume et al. 2024, §3.5)
    const anisotropy = await number(page, 'anisotropy-low');
    expect(anisotropy).toBeGreaterThan(15);
    expect(anisotropy).toBeLessThan(60);
    // SOC* = (c_dis − c*)/(c_dis − c_ch): NMC811 window 0.97 → 0.22 at c* = 0.4 → 76.0 %
    await waitForNumber(page, 'critical-soc', (100 * (0.97 - 0.4)) / (0.97 - 0.22), 0.06);
    await page.selectOption('select[name="material"]', 'NMC622');
    await waitForNumber(page, 'critical-soc', (100 * (1 - 0.4)) / (1 - 0.3), 0.06); // 85.7 %
    await page.selectOption('select[name="material"]', 'LNO');
    await waitForNumber(page, 'critical-soc', (100 * (0.95 - 0.4)) / (0.95 - 0.1), 0.06); // 64.7 %
    // Rigid shift: the end of charge 0.10 − k·0.0004 first falls below c* = 0.085 at k = 38
    const loss = await paths(page, 'figure-loss');
    await setNumber(page, 'loss', 0.0004);
    await setNumber(page, 'critical-content', 0.085);
    await waitForNumber(page, 'first-cycle-below', 38, 0.5);
    await waitForChange(page, 'figure-loss', loss);
    await page.screenshot({ path: `${screenshots}/strain.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a dropped lattice table is analysed and fitted, a bad one reported', async () => {
    const { page, errors } = await open('/guide/strain');
    await figure(page, 'figure-lattice-c', '[aria-label="line"] path');
    await waitForNumber(page, 'content-dil', 0.4, 0.01);
    const before = await paths(page, 'figure-lattice-c');
    await page.setInputFiles(
      '[data-testid="lattice-drop-input"]',
      `${examples}/strain/nmc622-illustrative.csv`,
    );
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="strain-source"]')
        ?.textContent?.includes('nmc622-illustrative.csv'),
    );
    await waitForChange(page, 'figure-lattice-c', before);
    // example_lattice.py: d_IL maximum at 0.40 (closed form), master curve c* = 0.40 with noise
    // 0.002 % on 39 points (tolerance: a few standard errors)
    await waitForNumber(page, 'content-dil', 0.4, 0.03);
    await waitForNumber(page, 'fit-cstar', 0.4, 0.03);
    await figure(page, 'figure-master', '[aria-label="dot"] circle');
    expect(
      await page.locator('[data-testid="figure-master"] svg [aria-label="dot"] circle').count(),
    ).toBe(39);
    await page.screenshot({ path: `${screenshots}/strain-file.png`, fullPage: true });
    await page.setInputFiles('[data-testid="lattice-drop-input"]', {
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('c_Li,a,c\n0.9,2.87,14.2\n0.8,2.86,oops\n'),
    });
    const message = await page
      .locator('[data-testid="lattice-drop-error"]')
      .textContent({ timeout: 30_000 });
    expect(message).toMatch(/^RangeError: .*line 3/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('peak warping: 003 spreads far more than 101 below c_Li = 0.4, and follows the slider', async () => {
    const { page, errors } = await open('/guide/strain');
    await figure(page, 'figure-warp-003', '[aria-label="line"] path');
    await figure(page, 'figure-warp-101', '[aria-label="line"] path');
    // c_Li = 0.3: c collapses while a is on its plateau → the 003 spread dominates
    await page.waitForSelector('[data-testid="spread-003"]');
    expect(await number(page, 'spread-003')).toBeGreaterThan(
      3 * (await number(page, 'spread-101')),
    );
    const before = await paths(page, 'figure-warp-003');
    await setNumber(page, 'warp-cli', 0.7);
    await waitForChange(page, 'figure-warp-003', before);
    // Closed form at c_Li = 0.7, Δc_Li = 0.1: the standard deviation of 2θ₀₀₃ = 2 asin(3λ/2c(x))
    // over 200 uniform contents, c(x) of examples.nmc811 (README; nearly linear there, so the
    // smoothing of f_c does not matter at this tolerance)
    const c = (x: number) =>
      14.2127 + 0.5 * (1 - x) - 0.05 * (Math.exp((0.4 - x) / 0.1) - Math.exp(-6));
    const positions = Array.from({ length: 200 }, (_, k) => {
      const x = 0.65 + (0.1 * (k + 0.5)) / 200;
      return (2 * Math.asin((3 * CU_KA1) / (2 * c(x))) * 180) / Math.PI;
    });
    const mean = positions.reduce((s, p) => s + p, 0) / positions.length;
    const spread = Math.sqrt(positions.reduce((s, p) => s + (p - mean) ** 2, 0) / positions.length);
    await waitForNumber(page, 'spread-003', spread, 0.05 * spread);
    await page.locator('[data-testid="peak-warping"]').screenshot({
      path: `${screenshots}/peak-warping.png`,
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('kinetics page in Chromium', () => {
  it('Butler–Volmer and Marcus–Hush–Chidsey follow the sliders', async () => {
    const { page, errors } = await open('/guide/kinetics');
    await figure(page, 'figure-kinetics', '[aria-label="line"] path');
    const f = FARADAY / (GAS * 298.15);
    // Symmetric BV at η = 0.3 V: 2·i0·sinh(fη/2)
    await waitForNumber(page, 'bv-at-max', 2 * Math.sinh((f * 0.3) / 2), 1e-3);
    // MHC saturates below BV at large η (Zeng et al. 2014) and is still anodic
    const mhc = await number(page, 'mhc-at-max');
    expect(mhc).toBeGreaterThan(0);
    expect(mhc).toBeLessThan(0.2 * (await number(page, 'bv-at-max')));
    const before = await paths(page, 'figure-kinetics');
    await setNumber(page, 'i0', 2);
    await setNumber(page, 'alpha', 0.3);
    // BV with αa = 0.3, αc = 0.7: i0[exp(0.3fη) − exp(−0.7fη)]
    const bv = 2 * (Math.exp(0.3 * f * 0.3) - Math.exp(-0.7 * f * 0.3));
    await waitForNumber(page, 'bv-at-max', bv, 1e-4 * bv);
    // MHC is linear in i0 (normalized rate × i0) and does not depend on α
    await waitForNumber(page, 'mhc-at-max', 2 * mhc, 1e-3 * mhc);
    await waitForChange(page, 'figure-kinetics', before);
    await page.check('input[name="tafel"]');
    await figure(page, 'figure-kinetics', '[aria-label="y-axis tick label"] text');
    await page.screenshot({ path: `${screenshots}/kinetics.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('particle network: asynchronous first charge, synchronous second; reruns and scrubs', async () => {
    const { page, errors } = await open('/guide/kinetics');
    await page.waitForSelector('[data-testid="sync-first"]', { timeout: 90_000 });
    await figure(page, 'figure-network-first', '[aria-label="line"] path');
    await figure(page, 'figure-network-second', '[aria-label="line"] path');
    await figure(page, 'figure-network-frame', '[aria-label="dot"] circle');
    // Sharma et al. 2022: staggered first charge, synchronous second (index ≈ 0 vs ≈ 1)
    const first = await number(page, 'sync-first');
    expect(first).toBeLessThan(0.3);
    expect(await number(page, 'sync-second')).toBeGreaterThan(0.7);
    // One trace per particle
    expect(
      await page
        .locator('[data-testid="figure-network-first"] svg [aria-label="line"] path')
        .count(),
    ).toBe(100);
    // Scrub: frame 0 is the start of each charge
    const soc = await page.textContent('[data-testid="frame-soc"]');
    await page.locator('input[name="frame"]').fill('0');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="frame-soc"]')?.textContent !== old,
      soc,
    );
    await page.click('[data-testid="network-play"]');
    const start = await page.textContent('[data-testid="frame-soc"]');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="frame-soc"]')?.textContent !== old,
      start,
    );
    await page.click('[data-testid="network-play"]'); // pause
    await page.screenshot({ path: `${screenshots}/kinetics-network.png`, fullPage: true });
    await setNumber(page, 'particles', 30);
    await page.click('[data-testid="network-run"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-testid="figure-network-first"] svg [aria-label="line"] path',
        ).length === 30,
      undefined,
      { timeout: 90_000 },
    );
    expect(await number(page, 'sync-first')).not.toBe(first);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('dQ/dV and GITT of the dropped synthetic files; a bad file is reported', async () => {
    const { page, errors } = await open('/guide/kinetics');
    await page.waitForSelector('[data-testid="cycler-drop-input"]', { state: 'attached' });
    await page.setInputFiles(
      '[data-testid="cycler-drop-input"]',
      `${examples}/kinetics/gitt-synthetic.mpt`,
    );
    await page.waitForSelector('[data-testid="gitt-count"]', { timeout: 30_000 });
    // example_cycler.py: 12 pulses; D rises from 1e-16 m²/s for r = 10 µm, and D ∝ r², so the
    // page's default r = 5 µm gives 1e-16/4
    expect(await number(page, 'gitt-count')).toBe(12);
    await waitForNumber(page, 'gitt-d-first', 0.25e-16, 0.01e-16);
    await figure(page, 'figure-gitt-ocv', '[aria-label="dot"] circle');
    await figure(page, 'figure-gitt-d', '[aria-label="line"] path');
    // D ∝ r² shifts the whole curve on the log axis: the line keeps its shape, the ticks change
    const ticks = () =>
      page.textContent('[data-testid="figure-gitt-d"] svg [aria-label="y-axis tick label"]');
    const before = await ticks();
    await setNumber(page, 'radius', 10);
    await waitForNumber(page, 'gitt-d-first', 1e-16, 0.01e-16);
    expect(await ticks()).not.toBe(before);
    await page.screenshot({ path: `${screenshots}/kinetics-gitt.png`, fullPage: true });
    // The charge/discharge example: highest dQ/dV at 4.00 V on charge, 3.97 V on discharge
    // (The GITT file's own dQ/dV peaks are still shown until the new analysis arrives: wait for
    // the values rather than for the elements.)
    await page.click('[data-testid="load-cycle"]');
    await waitForNumber(page, 'dqdv-peak-0', 4.0, 0.01);
    await waitForNumber(page, 'dqdv-peak-1', 3.97, 0.01);
    await figure(page, 'figure-dqdv', '[aria-label="line"] path');
    await page.screenshot({ path: `${screenshots}/kinetics-dqdv.png`, fullPage: true });
    await page.setInputFiles('[data-testid="cycler-drop-input"]', {
      name: 'broken.mpt',
      mimeType: 'text/plain',
      buffer: Buffer.from('EC-Lab ASCII FILE\nNb header lines : 99\n'),
    });
    const message = await page
      .locator('[data-testid="cycler-drop-error"]')
      .textContent({ timeout: 30_000 });
    expect(message).toMatch(/^RangeError: /);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
