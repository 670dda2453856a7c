// The harness shared by the browser tests (browser*.test.ts): Debian's Chromium driven by
// playwright-core (no browser download) against the built site served by `vitepress preview`, and
// the page helpers the tests use. Not a test file itself (vitest runs only *.test.ts).
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { docsRoot, startPreview } from './preview-server';

export { docsRoot };

/** Where the tests leave their screenshots for review (gitignored). */
export const screenshots = `${docsRoot}/test/screenshots`;
/** The example files the site offers for download (public/examples). */
export const examples = `${docsRoot}/public/examples`;

/** Opens a page of the site; see {@link useBrowser}. */
export type OpenPage = (path: string) => Promise<{ page: Page; errors: string[] }>;

/**
 * Registers, in the calling test file, the hooks that start its own preview server and Chromium
 * (beforeAll) and stop them (afterAll), and returns `open(path)`: it opens a page once Vue has
 * hydrated it and records its console errors, hydration warnings, uncaught exceptions and failed
 * requests in `errors`.
 */
export function useBrowser(): OpenPage {
  let server: Awaited<ReturnType<typeof startPreview>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [server, browser] = await Promise.all([
      startPreview(),
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  return async (path) => {
    if (!browser || !server) throw new Error('browser or server not started');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      // Vue reports the details of a hydration mismatch as warnings.
      else if (/hydration/i.test(message.text())) errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
    // Interact only once Vue has hydrated the server-rendered page (it then sets __vue_app__ on
    // its container): typing into an input before that is itself a hydration mismatch.
    await page.waitForFunction(
      () =>
        Boolean((document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__),
      undefined,
      { timeout: 30_000 },
    );
    return { page, errors };
  };
}

/** Waits until a figure has drawn an SVG holding `marks`; returns its draw count. */
export async function figure(
  page: Page,
  testid: string,
  marks: string,
  timeout = 30_000,
): Promise<number> {
  await page
    .locator(`[data-testid="${testid}"] svg ${marks}`)
    .first()
    .waitFor({ state: 'attached', timeout });
  return Number(await page.getAttribute(`[data-testid="${testid}"]`, 'data-renders'));
}

/** Sets a number input (the `change` event is what the controls listen to). */
export async function setNumber(page: Page, name: string, value: number) {
  const selector = `input[type="number"][name="${name}"]`;
  await page.fill(selector, String(value));
  await page.press(selector, 'Enter');
  await page.locator(selector).blur();
}

/** The text of `selector` as a number (`Number` of the trimmed text). */
export async function textNumber(page: Page, selector: string): Promise<number> {
  return Number((await page.textContent(selector))?.trim());
}

/** The leading number of the text of `[data-testid=testid]` (`parseFloat`). */
export async function number(page: Page, testid: string): Promise<number> {
  return Number.parseFloat((await page.textContent(`[data-testid="${testid}"]`))?.trim() ?? '');
}

/** Waits until the number shown in `testid` satisfies |value − expected| < tolerance. */
export async function waitForNumber(
  page: Page,
  testid: string,
  expected: number,
  tolerance: number,
) {
  await page.waitForFunction(
    ([id, e, t]) =>
      Math.abs(
        Number.parseFloat(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '') - e,
      ) < t,
    [testid, expected, tolerance] as const,
    { timeout: 30_000 },
  );
}
