import { escapeHtml, jsonForScript } from './escape-html.ts';
import { PAGE_SCRIPT } from './page-script.ts';

const STYLE = `
:root { color-scheme: light; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #111827; background: #f9fafb; }
header { background: #111827; color: #f9fafb; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; color: #d1d5db; }
nav { background: #fff; border-bottom: 1px solid var(--line); padding: 8px 24px; z-index: 1; }
nav a { margin-right: 14px; color: #1d4ed8; text-decoration: none; }
main { padding: 8px 24px 48px; max-width: 1200px; }
section.view { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
section.view > h2 { margin: 0 0 12px; font-size: 17px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
.run-title { margin: 28px 0 0; font-size: 18px; }
.muted, .notes { color: var(--muted); }
.notes { margin: 6px 0 0; padding-left: 18px; font-size: 12.5px; }
.missing { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; }
th { background: #f3f4f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-scroll { max-height: 420px; overflow: auto; border: 1px solid var(--line); }
figure.chart { margin: 8px 0; overflow-x: auto; }
figure.chart svg { max-width: none; }
.grid-wrap .hover { min-height: 1.4em; color: var(--muted); }
.sample-view { border-top: 1px solid var(--line); margin-top: 12px; padding-top: 4px; }
.sample-view .facts { color: var(--muted); margin: 0 0 8px; }
details.sample { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
details.sample > summary { cursor: pointer; padding: 6px 10px; display: flex; gap: 12px; align-items: center; }
details.sample .index { font-weight: 600; min-width: 3em; }
details.sample .duration { color: var(--muted); }
.status { border-radius: 10px; padding: 1px 8px; font-size: 12px; background: #fee2e2; color: #991b1b; }
.status-passed { background: #dcfce7; color: #166534; }
.status-toolchain_missing, .status-infra_error { background: #e5e7eb; color: #374151; }
.block { padding: 0 10px 8px; }
.block-title { font-size: 12px; color: var(--muted); margin-top: 6px; }
pre { margin: 2px 0 0; padding: 8px; background: #f3f4f6; border-radius: 4px; overflow: auto; max-height: 360px; font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace; white-space: pre; }
.columns { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
`;

/** A page section (a "view"): id, heading and HTML body. */
export interface PageSection {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** Shown in the navigation bar (default true). */
  readonly nav?: boolean;
  /** The navigation bar's link text (default `title`). */
  readonly navTitle?: string;
  /** HTML placed before the section (e.g. a run's heading). */
  readonly before?: string;
}

/**
 * A whole self-contained page: inline style, the sections, the data as JSON in
 * `<script type="application/json" id="passk-data">`, optional compressed sample texts in
 * `<script type="text/plain" id="passk-samples">`, and the inline page script. A content
 * security policy forbids every network fetch (`default-src 'none'`, inline script and style
 * only, images only as `data:`).
 */
export function renderPage(input: {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly PageSection[];
  readonly data: unknown;
  readonly sampleTexts?: string;
}): string {
  const nav = input.sections
    .filter((section) => section.nav !== false)
    .map(
      (section) =>
        `<a href="#${escapeHtml(section.id)}">${escapeHtml(section.navTitle ?? section.title)}</a>`,
    )
    .join('');
  const sections = input.sections
    .map(
      (section) =>
        `${section.before ?? ''}<section class="view" id="${escapeHtml(section.id)}">\n<h2>${escapeHtml(section.title)}</h2>\n${section.body}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.subtitle)}</p></header>
<nav>${nav}</nav>
<main>
${sections}
</main>
<script type="application/json" id="passk-data">${jsonForScript(input.data)}</script>
${input.sampleTexts === undefined ? '' : `<script type="text/plain" id="passk-samples" data-encoding="gzip+base64" data-layout="runs[problems[samples[code, detail, stdout_tail, stderr_tail]]]">${input.sampleTexts}</script>\n`}<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
