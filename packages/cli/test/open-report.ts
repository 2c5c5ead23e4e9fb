import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../../scripts/test-support/chromium-skip-reason.ts';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';

/** Where the browser tests keep their screenshots (gitignored; CI keeps them as artefacts). */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../.ci/artifacts/report/', import.meta.url),
);

/** What a page did while it was open. */
export interface PageLog {
  /** Requests for anything but `file:` URLs. */
  readonly network: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

/**
 * Headless Chromium with a fresh profile and no background network services (Debian's
 * `chromium`, driven by playwright-core). Close it when done.
 */
export async function launchChromium(): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launchPersistentContext(temporaryDirectory('passk-chromium-'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens an HTML file from `file://` in a new page, logging network requests and errors. */
export async function openReport(
  context: BrowserContext,
  file: string,
): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { network: [], errors: [] };
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) log.network.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, log };
}

/** Per chart container: its name and how many marks its SVG draws. */
export async function chartMarks(page: Page): Promise<{ name: string; marks: number }[]> {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => ({
      name: (figure as HTMLElement).dataset.chart ?? '',
      marks: figure.querySelectorAll('svg .role-mark > *').length,
    })),
  );
}

/** Screenshots the page's views (`section.view`, all or the ids given) as `<prefix>-<id>.png`. */
export async function screenshotViews(
  page: Page,
  prefix: string,
  only?: readonly string[],
): Promise<string[]> {
  const ids =
    only ??
    (await page.$$eval('section.view', (sections) => sections.map((section) => section.id)));
  const paths: string[] = [];
  for (const id of ids) {
    const path = `${SCREENSHOT_DIR}${prefix}-${id}.png`;
    await page.locator(`section#${id}`).screenshot({ path });
    paths.push(path);
  }
  return paths;
}
