import type { ProblemReport, RunReport, SampleReport } from '../spec/report.ts';
import type { ResultRecord, SampleRecord } from '../spec/run.ts';
import { INFRASTRUCTURE_STATUSES } from '../spec/verdict.ts';
import { passAtKCurve } from '../stats/pass-at-k-curve.ts';
import type { RunOnDisk } from '../store/read-run.ts';
import { sampleKey } from '../store/run-files.ts';
import { summaryOfRun } from './summary-of-run.ts';

/** Limits on the sample texts a report keeps. */
export interface SampleTextLimits {
  /** Characters of code kept per sample (the start); default 20,000. */
  readonly maxCodeChars?: number;
  /** Characters kept of each output tail and of the detail (the end); default 400. */
  readonly maxTailChars?: number;
}

/** Default of `SampleTextLimits.maxCodeChars`. */
export const DEFAULT_MAX_CODE_CHARS = 20_000;
/** Default of `SampleTextLimits.maxTailChars`. */
export const DEFAULT_MAX_TAIL_CHARS = 400;

/**
 * A run as a report shows it: its summary (recomputed when the run has no `summary.json`), the
 * pass@k curve with intervals (`passAtKCurve`, the summary's bootstrap settings), and every
 * problem in benchmark order with its scored counts, first passing index and samples (code,
 * status, detail and output tails, cut to the limits).
 *
 * @param run The run read from disk (`readRun`).
 * @param samples Its sample records (`readRunSamples`); code is empty for a sample without one.
 * @param limits Text limits.
 */
export function buildRunReport(
  run: RunOnDisk,
  samples: ReadonlyMap<string, SampleRecord>,
  limits: SampleTextLimits = {},
): RunReport {
  const maxCode = limits.maxCodeChars ?? DEFAULT_MAX_CODE_CHARS;
  const maxTail = limits.maxTailChars ?? DEFAULT_MAX_TAIL_CHARS;
  const { summary, recomputed } = summaryOfRun(run);
  // A task id repeats in a run of several languages (MultiPL-E): the manifest's
  // `task_languages` (when the run has it) tells the problems apart.
  const taskLanguages = (run.manifest as { readonly task_languages?: readonly string[] })
    .task_languages;
  const problemKey = (taskId: string, language: string | undefined) =>
    taskLanguages === undefined ? taskId : `${language ?? ''}\u0000${taskId}`;
  const byProblem = new Map<string, ResultRecord[]>();
  for (const result of run.results) {
    const key = problemKey(result.task_id, result.language);
    const list = byProblem.get(key) ?? [];
    list.push(result);
    byProblem.set(key, list);
  }
  const problems: ProblemReport[] = [];
  const outcomes: boolean[][] = [];
  for (const [position, taskId] of run.manifest.task_ids.entries()) {
    const results = (byProblem.get(problemKey(taskId, taskLanguages?.[position])) ?? []).sort(
      (x, y) => x.sample_index - y.sample_index,
    );
    const scored = results.filter((result) => !INFRASTRUCTURE_STATUSES.has(result.status));
    const row = scored.map((result) => result.passed);
    const firstPassing = scored.find((result) => result.passed);
    outcomes.push(row);
    problems.push({
      task_id: taskId,
      language: taskLanguages?.[position] ?? results[0]?.language ?? 'unknown',
      n: row.length,
      c: row.filter(Boolean).length,
      first_pass: firstPassing === undefined ? null : scored.indexOf(firstPassing),
      samples: results.map(
        (result): SampleReport => ({
          index: result.sample_index,
          status: result.status,
          passed: result.passed,
          duration_ms: result.duration_ms,
          code: head(
            samples.get(sampleKey(taskId, result.sample_index, result.language))?.completion ?? '',
            maxCode,
          ),
          detail: tail(result.detail, maxTail),
          stdout_tail: tail(result.stdout_tail, maxTail),
          stderr_tail: tail(result.stderr_tail, maxTail),
        }),
      ),
    });
  }
  const curve = passAtKCurve(
    problems.map((problem, position) => ({
      taskId: `${position}\u0000${problem.task_id}`,
      n: problem.n,
      c: problem.c,
    })),
    outcomes,
    {
      resamples: summary.confidence.resamples,
      level: summary.confidence.level,
      seed: summary.confidence.seed,
      required: run.manifest.k,
    },
  );
  return {
    directory: run.directory,
    model: run.manifest.provider.model,
    manifest: run.manifest,
    summary,
    summary_recomputed: recomputed,
    curve,
    problems,
  };
}

function head(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}\n… (${text.length - max} more characters in samples.jsonl)`;
}

function tail(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max)}`;
}
