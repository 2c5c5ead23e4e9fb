import type { RunSummary } from '../spec/run.ts';
import { VERDICT_STATUSES } from '../spec/verdict.ts';
import {
  orderAndDiversityLines,
  sectionCsvRows,
  sliceRows,
  smallSliceNote,
} from './render-summary-sections.ts';

/** Output formats of `renderSummary`. */
export type SummaryFormat = 'table' | 'markdown' | 'json' | 'csv';

/** Every format `renderSummary` accepts. */
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ['table', 'markdown', 'json', 'csv'];

const percent = (value: number) => `${(value * 100).toFixed(1)}`;

/** Renders a summary for people (`table`, `markdown`) or programs (`json`, `csv`). */
export function renderSummary(summary: RunSummary, format: SummaryFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(summary, null, 2)}\n`;
    case 'csv':
      return renderCsv(summary);
    case 'markdown':
      return renderMarkdown(summary);
    case 'table':
      return renderTable(summary);
  }
}

function passRows(summary: RunSummary): string[][] {
  return [
    ...Object.entries(summary.pass_at_k).map(([k, value]) => [
      `pass@${k}`,
      percent(value.estimate),
      `[${percent(value.ci_low)}, ${percent(value.ci_high)}]`,
      summary.pass_at_k_in_order?.[k] === undefined
        ? ''
        : percent(summary.pass_at_k_in_order[k] as number),
    ]),
    ...subsetRows(summary),
  ];
}

/** One row per k of each test subset (e.g. EvalPlus `base`), after the main rows. */
function subsetRows(summary: RunSummary): string[][] {
  return Object.entries(summary.subsets ?? {}).flatMap(([name, subset]) =>
    Object.entries(subset.pass_at_k).map(([k, value]) => [
      `pass@${k} (${name})`,
      percent(value.estimate),
      `[${percent(value.ci_low)}, ${percent(value.ci_high)}]`,
      '',
    ]),
  );
}

function statusRows(summary: RunSummary): string[][] {
  return VERDICT_STATUSES.filter((status) => summary.statuses[status] > 0).map((status) => [
    status,
    String(summary.statuses[status]),
  ]);
}

function header(summary: RunSummary): string {
  return `${summary.dataset} · ${summary.model} · ${summary.problems} problems · ${summary.samples} samples (${summary.samples_per_problem.min === summary.samples_per_problem.max ? summary.samples_per_problem.min : `${summary.samples_per_problem.min}-${summary.samples_per_problem.max}`} per problem)`;
}

function notes(summary: RunSummary): string[] {
  const lines = summary.excluded_k.map((entry) => `pass@${entry.k} not reported: ${entry.reason}`);
  if (summary.infrastructure_failures > 0) {
    lines.push(
      `${summary.infrastructure_failures} samples not scored because of infrastructure faults (toolchain missing, sandbox or executor faults, provider errors); run the same command again to retry them`,
    );
    for (const fault of (summary.infrastructure_faults ?? []).slice(0, 5)) {
      lines.push(`  ${fault.task_id} #${fault.sample_index}: ${fault.status}: ${fault.detail}`);
    }
  }
  const reruns = summary.timeout_reruns;
  if (reruns && reruns.rerun > 0) {
    lines.push(
      `${reruns.rerun} timed-out samples re-run alone; ${reruns.changed} of those verdicts changed`,
    );
  }
  if (reruns?.cpu_bound) {
    lines.push(
      `${reruns.cpu_bound} timeouts final without a re-run: CPU-bound (at least 90% of the time limit used as CPU)`,
    );
  }
  const rule = summary.verdict_rule;
  if (rule && (rule.scored !== 'strict' || rule.differing > 0)) {
    lines.push(
      rule.scored === 'strict'
        ? `${rule.differing} samples would be judged differently by the reference harness's rule (e.g. it passes an early exit with status 0, forged completion evidence, rigged equality); see --verdicts reference`
        : `scored by the reference harness's rule (--verdicts reference); ${rule.differing} samples differ from passk's strict verdicts`,
    );
  }
  lines.push(...orderAndDiversityLines(summary), ...generationNotes(summary));
  const level = Math.round(summary.confidence.level * 100);
  lines.push(
    `${level}% intervals: ${summary.confidence.method}, ${summary.confidence.resamples} resamples, seed ${summary.confidence.seed}`,
  );
  return lines;
}

function generationNotes(summary: RunSummary): string[] {
  const lines: string[] = [];
  const generation = summary.generation;
  if (generation) {
    const failed = Object.entries(generation.failed);
    if (failed.length > 0) {
      lines.push(
        `failed generations (infra_error, redone on resume): ${failed.map(([name, count]) => `${name} ${count}`).join(', ')}`,
      );
    }
    lines.push(
      `no code found in ${generation.no_code} answers (${percent(generation.no_code_share)}%); extraction: ${
        Object.entries(generation.strategies)
          .map(([name, count]) => `${name} ${count}`)
          .join(', ') || '-'
      }`,
      `tokens: ${generation.input_tokens} in (${generation.cached_input_tokens} cached), ${generation.output_tokens} out (${generation.reasoning_tokens} reasoning)`,
    );
  }
  if (summary.cost_usd !== undefined) lines.push(`cost: $${summary.cost_usd.toFixed(4)}`);
  lines.push(...agentNotes(summary));
  return lines;
}

function agentNotes(summary: RunSummary): string[] {
  const agent = summary.agent;
  if (!agent) return [];
  const turns = Object.entries(agent.solved_within_turns)
    .map(([limit, share]) => `≤${limit} ${percent(share)}%`)
    .join(', ');
  const per = agent.per_attempt;
  const solved = agent.per_solved_problem;
  return [
    `agent: ${agent.attempts} attempts; ended: ${Object.entries(agent.end_reasons)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ')}`,
    `agent: solved within turns ${turns || '-'}`,
    `agent: first code passes ${percent(agent.first_code_pass_rate)}%, final ${percent(agent.final_pass_rate)}% (repaired ${agent.repaired}, broken ${agent.broken_by_repair}); passes visible but fails hidden: ${agent.passes_visible_fails_hidden} of ${agent.visible_checked}`,
    `agent: per attempt ${per.turns.toFixed(1)} turns, ${per.tool_calls.toFixed(1)} tool calls (${per.tool_errors.toFixed(2)} errors; ${agent.contained_tool_calls ?? 0} stopped at a sandbox limit; ${deniedNote(agent)}), ${Math.round(per.tokens)} tokens, $${per.cost_usd.toFixed(4)}; per solved problem (${agent.solved_problems}) ${solved.tool_calls === null ? '-' : solved.tool_calls.toFixed(1)} tool calls, ${solved.tokens === null ? '-' : Math.round(solved.tokens)} tokens, $${(solved.cost_usd ?? 0).toFixed(4)}`,
  ];
}

/** The tool calls denied network or file access, as the text summary says it. */
function deniedNote(agent: NonNullable<RunSummary['agent']>): string {
  const denied = agent.denied_tool_calls ?? 0;
  if (denied === 0) return '0 denied network or file access';
  const { network, filesystem } = agent.denied_access ?? { network: 0, filesystem: 0 };
  return `${denied} denied access: network ${network}, files ${filesystem}`;
}

function renderTable(summary: RunSummary): string {
  const level = Math.round(summary.confidence.level * 100);
  const out = [
    header(summary),
    '',
    alignTable([['metric', 'estimate %', `${level}% CI`, 'in order %'], ...passRows(summary)]),
    '',
  ];
  const slices = sliceRows(summary, level);
  if (slices.length > 0) {
    out.push(alignTable(slices), ...smallSliceNote(summary), '');
  } else if (summary.languages) {
    out.push(
      alignTable([
        ['language', 'problems', ...Object.keys(summary.pass_at_k).map((k) => `pass@${k} %`)],
        ...Object.entries(summary.languages).map(([language, body]) => [
          language,
          String(body.problems),
          ...Object.keys(summary.pass_at_k).map((k) =>
            body.pass_at_k[k] ? percent(body.pass_at_k[k].estimate) : '-',
          ),
        ]),
      ]),
      '',
    );
  }
  out.push(alignTable([['status', 'samples'], ...statusRows(summary)]), '', ...notes(summary), '');
  return out.join('\n');
}

function renderMarkdown(summary: RunSummary): string {
  const level = Math.round(summary.confidence.level * 100);
  const table = (rows: string[][]) =>
    [
      `| ${(rows[0] as string[]).join(' | ')} |`,
      `|${(rows[0] as string[]).map(() => ' --- ').join('|')}|`,
      ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`),
    ].join('\n');
  const out = [
    `**${header(summary)}**`,
    '',
    table([['metric', 'estimate %', `${level}% CI`, 'in order %'], ...passRows(summary)]),
    '',
    ...(sliceRows(summary, level).length > 0
      ? [table(sliceRows(summary, level)), ...smallSliceNote(summary), '']
      : []),
    table([['status', 'samples'], ...statusRows(summary)]),
    '',
    ...notes(summary).map((line) => `- ${line}`),
    '',
  ];
  return out.join('\n');
}

function renderCsv(summary: RunSummary): string {
  const rows = [['scope', 'k', 'estimate', 'ci_low', 'ci_high']];
  for (const [k, value] of Object.entries(summary.pass_at_k))
    rows.push(['all', k, String(value.estimate), String(value.ci_low), String(value.ci_high)]);
  for (const [name, subset] of Object.entries(summary.subsets ?? {})) {
    for (const [k, value] of Object.entries(subset.pass_at_k))
      rows.push([
        `subset:${name}`,
        k,
        String(value.estimate),
        String(value.ci_low),
        String(value.ci_high),
      ]);
  }
  for (const [language, body] of Object.entries(summary.languages ?? {})) {
    for (const [k, value] of Object.entries(body.pass_at_k))
      rows.push([language, k, String(value.estimate), String(value.ci_low), String(value.ci_high)]);
  }
  rows.push(...sectionCsvRows(summary));
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** A CSV cell, quoted when it holds a comma, quote or line break. */
function csvCell(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows as a plain-text table: first column left-aligned, the others right-aligned. */
export function alignTable(rows: string[][]): string {
  const widths = (rows[0] as string[]).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0
            ? cell.padEnd(widths[column] as number)
            : cell.padStart(widths[column] as number),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
