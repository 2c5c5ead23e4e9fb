import type { ReportData } from '@passk/core';
import { escapeHtml } from './internal/escape-html.ts';
import { leaderboardSections } from './internal/leaderboard-sections.ts';
import { type PageSection, renderPage } from './internal/page.ts';
import { runSections } from './internal/run-sections.ts';
import { splitSampleTexts } from './internal/sample-texts.ts';

/**
 * Renders report data (`report()` or core's `buildReportData`) as one self-contained HTML
 * page that opens from `file://` without any network request: for each run the pass@k table
 * and curve (k = 1..n with its interval band), slices as a table and a forest plot, a
 * per-problem grid whose cells open each sample's code, status and output tails, the order
 * panel (in order vs unbiased, first-pass histogram, pass^k) and diversity; with several runs
 * first a leaderboard with intervals and pairwise paired tests. Charts are Vega-Lite specs
 * rendered to inline SVG (`vega` and `vega-lite` are loaded on first use). The data is
 * embedded as JSON in `<script type="application/json" id="passk-data">`; the sample texts,
 * gzip-compressed and base64-encoded, in `<script id="passk-samples">`. Model text is
 * escaped everywhere.
 *
 * @returns The page.
 */
export async function renderHtmlReport(data: ReportData): Promise<string> {
  const several = data.runs.length > 1;
  const sections: PageSection[] = several ? await leaderboardSections(data) : [];
  for (const [index, run] of data.runs.entries()) {
    const heading = several
      ? `<h2 class="run-title">${escapeHtml(`${index + 1}. ${run.model}`)} <span class="muted">${escapeHtml(run.directory)}</span></h2>`
      : undefined;
    const views = await runSections(run, index, {
      curve: !several,
      ...(heading ? { heading } : {}),
    });
    sections.push(
      ...views.map((view, position) =>
        several ? { ...view, nav: position === 0, navTitle: `${index + 1}. ${run.model}` } : view,
      ),
    );
  }
  const { data: embedded, texts } = splitSampleTexts(data);
  const first = data.runs[0];
  const title = several
    ? `passk leaderboard: ${first?.summary.dataset ?? ''}, ${data.runs.length} runs`
    : `passk report: ${first?.model ?? ''} on ${first?.summary.dataset ?? ''}`;
  const subtitle = several
    ? data.runs.map((run) => run.model).join(' · ')
    : `${first?.directory ?? ''} · n = ${first?.manifest.n ?? ''} · k = ${first?.manifest.k.join(', ') ?? ''} · run ${first?.manifest.created_at ?? ''} · passk ${data.passk_version}`;
  return renderPage({ title, subtitle, sections, data: embedded, sampleTexts: texts });
}
