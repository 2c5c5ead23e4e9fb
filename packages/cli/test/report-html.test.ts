import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason } from '../../../scripts/test-support/chromium-skip-reason.ts';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';
import { compare, renderHtmlComparison, renderHtmlReport, report } from '../src/index.ts';
import { chartMarks, launchChromium, openReport, screenshotViews } from './open-report.ts';
import { HOSTILE_CODE, writeSyntheticRun } from './synthetic-run.ts';

/**
 * The HTML reports in headless Chromium, opened from file://: no network request, no console
 * error, every chart drawn, the sample view opens from the grid; one screenshot per view in
 * .ci/artifacts/report/.
 */
const skip = chromiumSkipReason('the HTML report browser tests');
const dir = temporaryDirectory('passk-report-html-');
const pages = {
  single: join(dir, 'single.html'),
  leaderboard: join(dir, 'leaderboard.html'),
  compare: join(dir, 'compare.html'),
};

beforeAll(async () => {
  // Three runs of one benchmark (40 problems, n = 10): a with the optional statistics, b worse, c better.
  const shape = { problems: 40, n: 10, k: [1, 5, 10] };
  writeSyntheticRun(join(dir, 'a'), {
    ...shape,
    model: 'model-a <b>bold</b>',
    seed: 1,
    statistics: true,
  });
  writeSyntheticRun(join(dir, 'b'), { ...shape, model: 'model-b', seed: 2, shift: -0.2 });
  writeSyntheticRun(join(dir, 'c'), { ...shape, model: 'model-c', seed: 3, shift: 0.1 });
  writeFileSync(pages.single, await renderHtmlReport(await report([join(dir, 'a')])));
  writeFileSync(
    pages.leaderboard,
    await renderHtmlReport(
      await report(
        ['a', 'b', 'c'].map((name) => join(dir, name)),
        { compare: { resamples: 500, permutations: 2000 } },
      ),
    ),
  );
  writeFileSync(
    pages.compare,
    await renderHtmlComparison(await compare(join(dir, 'a'), join(dir, 'b'))),
  );
}, 60_000);

describe.skipIf(skip !== undefined)('HTML report in headless Chromium', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('one run: no network, no errors, every chart drawn, the sample view opens, model text stays text', async () => {
    expect(readFileSync(pages.single, 'utf8')).not.toContain('<script>window.__pwned');
    {
      const { page, log } = await openReport(browser, pages.single);
      const charts = await chartMarks(page);
      expect(charts.map((chart) => chart.name)).toEqual([
        'curve',
        'forest',
        'grid',
        'order',
        'first-pass',
      ]);
      for (const chart of charts) expect(chart.marks, chart.name).toBeGreaterThan(0);
      // The grid has a cell per problem, each a link to its sample view.
      expect(await page.locator('figure[data-chart="grid"] a').count()).toBeGreaterThanOrEqual(40);
      const data = await page.evaluate(() =>
        JSON.parse(document.getElementById('passk-data')?.textContent ?? ''),
      );
      expect(data.runs[0].problems).toHaveLength(40);
      expect(data.runs[0].curve.map((point: { k: number }) => point.k)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      expect(await page.locator('header').textContent()).toContain('model-a <b>bold</b>');

      await page.locator('figure[data-chart="grid"] a').first().click();
      const view = page.locator('#sample-view-0');
      await view.waitFor({ state: 'visible' });
      expect(await view.locator('h3').textContent()).toBe('HumanEval/0');
      expect(await view.locator('details.sample').count()).toBe(10);
      expect(await view.locator('details.sample pre').first().textContent()).toBe(HOSTILE_CODE);
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();
      // A failing sample shows its status and the end of its stderr.
      const failing = view.locator('details.sample:has(.status:not(.status-passed))').first();
      await failing.locator('summary').click();
      expect(await failing.textContent()).toContain('AssertionError');

      await screenshotViews(page, 'single');
      expect(log.network).toEqual([]);
      expect(log.errors).toEqual([]);
    }
  });

  it('several runs: the leaderboard with intervals and pairwise tests; missing statistics are named', async () => {
    {
      const { page, log } = await openReport(browser, pages.leaderboard);
      const charts = await chartMarks(page);
      expect(charts.slice(0, 3).map((chart) => chart.name)).toEqual([
        'leaderboard',
        'curve',
        'pairwise',
      ]);
      for (const chart of charts) expect(chart.marks, chart.name).toBeGreaterThan(0);
      const ranked = await page.$$eval(
        'table[data-table="leaderboard"] tbody tr td:nth-child(2)',
        (cells) => cells.map((cell) => cell.textContent),
      );
      expect(ranked).toEqual(['model-c', 'model-a <b>bold</b>', 'model-b']);
      expect(await page.locator('table[data-table="pairwise"] tbody tr').count()).toBe(9);
      // Runs b and c were summarized without pass^k, first pass, slices: each panel says so.
      expect(await page.locator('#run-1-order').textContent()).toContain(
        "first-pass histogram: not in this run's summary",
      );
      expect(await page.locator('#run-1-slices').textContent()).toContain(
        "slices: not in this run's summary",
      );
      await page.locator('#run-2-problems figure[data-chart="grid"] a').nth(3).click();
      await page.locator('#sample-view-2').waitFor({ state: 'visible' });
      expect(await page.locator('#sample-view-2 h3').textContent()).toBe('HumanEval/3');
      await screenshotViews(page, 'leaderboard', ['leaderboard', 'pairwise']);
      expect(log.network).toEqual([]);
      expect(log.errors).toEqual([]);
    }
  });

  it('passk compare as a page: the differences and the flipped problems', async () => {
    {
      const { page, log } = await openReport(browser, pages.compare);
      const charts = await chartMarks(page);
      expect(charts.map((chart) => chart.name)).toEqual(['difference', 'flipped']);
      for (const chart of charts) expect(chart.marks, chart.name).toBeGreaterThan(0);
      expect(await page.locator('table[data-table="comparison"] tbody tr').count()).toBe(3);
      await screenshotViews(page, 'compare');
      expect(log.network).toEqual([]);
      expect(log.errors).toEqual([]);
    }
  });
});
