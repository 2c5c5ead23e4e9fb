import type { ToolchainInfo } from '@passk/core';
import type { KnownBrokenTask } from '@passk/datasets';
import type { SelftestCheck } from './run-selftest.ts';

/** Per-language totals of a selftest. */
export interface SelftestLanguageSummary {
  readonly language: string;
  readonly toolchain: string;
  readonly problems: number;
  /** Reference solutions that passed / that ran (not counting skipped). */
  readonly referencesPassed: number;
  readonly references: number;
  /** Controls that failed as they must / that ran. */
  readonly controlsFailed: number;
  readonly controls: number;
  /** Checks whose outcome the known-broken list explains. */
  readonly known: number;
  /** Checks that could not run (toolchain missing). */
  readonly skipped: number;
  /** Judging failures: a reference that failed or a control that passed, unexplained. */
  readonly failures: number;
}

/** The selftest's result as `--json` prints it. */
export interface SelftestReport {
  readonly dataset: string;
  readonly languages: readonly SelftestLanguageSummary[];
  /** Every check that was not `ok`, with its verdict. */
  readonly exceptions: readonly {
    readonly task_id: string;
    readonly check: string;
    readonly outcome: SelftestCheck['outcome'];
    readonly status: string;
    readonly detail: string;
  }[];
  /** The known-broken entries of the tasks that ran, whatever their outcome. */
  readonly known_broken: readonly KnownBrokenTask[];
  /** True when no check failed. */
  readonly ok: boolean;
}

/** Summarizes checks per language. */
export function summarizeSelftest(
  dataset: string,
  checks: readonly SelftestCheck[],
  toolchains: ReadonlyMap<string, ToolchainInfo>,
): SelftestReport {
  const languages = [...new Set(checks.map((check) => check.language))];
  const known = new Map<string, KnownBrokenTask>();
  for (const check of checks) if (check.knownBroken) known.set(check.taskId, check.knownBroken);
  return {
    dataset,
    languages: languages.map((language) => {
      const mine = checks.filter((check) => check.language === language);
      const ran = mine.filter((check) => check.outcome !== 'skipped');
      const info = toolchains.get(language);
      return {
        language,
        toolchain: info?.available
          ? `${info.version ?? '?'} (${info.path ?? '?'})`
          : `missing: ${info?.problem ?? 'not found'}`,
        problems: new Set(mine.map((check) => check.taskId)).size,
        referencesPassed: ran.filter((check) => check.mustPass && check.verdict.passed).length,
        references: ran.filter((check) => check.mustPass).length,
        controlsFailed: ran.filter((check) => !check.mustPass && !check.verdict.passed).length,
        controls: ran.filter((check) => !check.mustPass).length,
        known: mine.filter((check) => check.outcome === 'known').length,
        skipped: mine.filter((check) => check.outcome === 'skipped').length,
        failures: mine.filter((check) => check.outcome === 'fail').length,
      };
    }),
    exceptions: checks
      .filter((check) => check.outcome !== 'ok' && check.outcome !== 'skipped')
      .map((check) => ({
        task_id: check.taskId,
        check: check.check,
        outcome: check.outcome,
        status: check.verdict.status,
        detail: check.verdict.detail,
      })),
    known_broken: [...known.values()],
    ok: checks.every((check) => check.outcome !== 'fail'),
  };
}

/** The human-readable report: a table per language, then every exception and known-broken task. */
export function renderSelftest(report: SelftestReport): string {
  const rows = [
    [
      'language',
      'references passed',
      'controls failed',
      'known-broken',
      'skipped',
      'FAILURES',
      'toolchain',
    ],
    ...report.languages.map((row) => [
      row.language,
      row.references === 0 ? '- (none shipped)' : `${row.referencesPassed}/${row.references}`,
      `${row.controlsFailed}/${row.controls}`,
      String(row.known),
      String(row.skipped),
      String(row.failures),
      row.toolchain,
    ]),
  ];
  const widths = (rows[0] as string[]).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] as string).length)),
  );
  const table = rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] as number),
        )
        .join('  '),
    )
    .join('\n');
  const lines = [`passk selftest: ${report.dataset}`, '', table, ''];
  const failures = report.exceptions.filter((entry) => entry.outcome === 'fail');
  if (failures.length > 0) {
    lines.push('FAILURES (a reference that failed or a control that passed):');
    for (const entry of failures)
      lines.push(`  ${entry.task_id}  ${entry.check}: ${entry.status}  ${entry.detail}`);
    lines.push('');
  }
  if (report.known_broken.length > 0) {
    lines.push('known-broken and weak tasks (listed in packages/datasets/src/known-broken.ts):');
    for (const entry of report.known_broken) {
      const seen = report.exceptions.filter((exception) => exception.task_id === entry.taskId);
      const what =
        seen.length === 0
          ? 'behaved as a sound task this time'
          : seen.map((exception) => `${exception.check} ${exception.status}`).join(', ');
      lines.push(`  ${entry.taskId} [${entry.kind}] ${what}`);
      lines.push(`      ${entry.reason}`);
      lines.push(`      source: ${entry.source}`);
    }
    lines.push('');
  }
  lines.push(report.ok ? 'selftest passed' : 'selftest FAILED');
  return `${lines.join('\n')}\n`;
}
