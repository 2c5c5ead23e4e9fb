import type { ReportSlice, RunReport } from '../spec/report.ts';
import { column, type ReportCell, type ReportColumn, type ReportTable } from './report-table.ts';

/** What a panel says when the run's summary lacks the statistic it shows. */
export const NOT_IN_SUMMARY = "not in this run's summary";

const sortedKs = (record: Readonly<Record<string, unknown>>) =>
  Object.keys(record)
    .map(Number)
    .sort((x, y) => x - y);

/** pass@k per requested k: estimate, interval, in generation order, pass^k. */
export function passAtKTable(run: RunReport): ReportTable {
  const summary = run.summary;
  const level = Math.round(summary.confidence.level * 100);
  return {
    id: 'pass-at-k',
    title: 'pass@k',
    columns: [
      column('k', 'count'),
      column('estimate', 'percent', 'pass@k'),
      column('ci', 'percent-interval', `${level}% CI`),
      column('in_order', 'percent', 'in order'),
      column('pass_hat_k', 'percent', 'pass^k'),
    ],
    rows: sortedKs(summary.pass_at_k).map((k) => {
      const value = summary.pass_at_k[String(k)];
      return [
        k,
        value?.estimate ?? null,
        value ? [value.ci_low, value.ci_high] : null,
        summary.pass_at_k_in_order?.[String(k)] ?? null,
        summary.pass_hat_k?.[String(k)] ?? null,
      ];
    }),
    notes: [
      `${level}% intervals: ${summary.confidence.method}, ${summary.confidence.resamples} resamples, seed ${summary.confidence.seed}`,
      ...summary.excluded_k.map((entry) => `pass@${entry.k} not reported: ${entry.reason}`),
      ...(summary.pass_hat_k === undefined ? [`pass^k: ${NOT_IN_SUMMARY}`] : []),
    ],
  };
}

/** The slices of the summary (or, without them, its per-language entries). */
export function reportSlices(run: RunReport): readonly ReportSlice[] | undefined {
  const summary = run.summary;
  if (summary.slices) return summary.slices;
  if (!summary.languages) return undefined;
  return Object.entries(summary.languages).map(([language, body]) => ({
    kind: 'language',
    value: language,
    problems: body.problems,
    samples: body.samples,
    pass_at_k: body.pass_at_k,
    small: false,
  }));
}

/** pass@k with intervals per slice (language, tag, difficulty, date window). */
export function slicesTable(run: RunReport): ReportTable {
  const slices = reportSlices(run) ?? [];
  const ks = [...new Set(slices.flatMap((slice) => sortedKs(slice.pass_at_k)))].sort(
    (x, y) => x - y,
  );
  const columns: ReportColumn[] = [
    column('kind', 'text'),
    column('value', 'text', 'slice'),
    column('problems', 'count'),
    column('samples', 'count'),
    ...ks.flatMap((k): ReportColumn[] => [
      column(`pass_at_${k}`, 'percent', `pass@${k}`),
      column(`pass_at_${k}_ci`, 'percent-interval', `pass@${k} CI`),
    ]),
    column('small', 'flag'),
  ];
  return {
    id: 'slices',
    title: 'Slices',
    columns,
    rows: slices.map((slice) => [
      slice.kind,
      slice.value,
      slice.problems,
      slice.samples,
      ...ks.flatMap((k): ReportCell[] => {
        const value = slice.pass_at_k[String(k)];
        return [value?.estimate ?? null, value ? [value.ci_low, value.ci_high] : null];
      }),
      slice.small,
    ]),
    notes:
      run.summary.slices === undefined
        ? [
            run.summary.languages === undefined
              ? `slices: ${NOT_IN_SUMMARY}`
              : `slices: ${NOT_IN_SUMMARY}; per-language entries shown`,
          ]
        : ['small: too few problems for the interval to mean much'],
  };
}

/** pass@k over k: unbiased with interval, in generation order (the curve's points). */
export function curveTable(run: RunReport): ReportTable {
  return {
    id: 'curve',
    title: 'pass@k curve',
    columns: [
      column('k', 'count'),
      column('estimate', 'percent', 'pass@k'),
      column('ci', 'percent-interval', 'CI'),
      column('in_order', 'percent', 'in order'),
    ],
    rows: run.curve.map((point) => [
      point.k,
      point.estimate,
      [point.ci_low, point.ci_high],
      point.in_order ?? null,
    ]),
  };
}

/** How many problems were first solved at each sample index (from the summary). */
export function firstPassTable(run: RunReport): ReportTable {
  const firstPass = run.summary.first_pass;
  return {
    id: 'first-pass',
    title: 'First passing sample',
    columns: [
      column('first_pass', 'text', 'first passing sample (0-based)'),
      column('problems', 'count'),
    ],
    rows: firstPass
      ? [
          ...sortedKs(firstPass.histogram).map((index): ReportCell[] => [
            String(index),
            firstPass.histogram[String(index)] ?? 0,
          ]),
          ['never', firstPass.never],
        ]
      : [],
    notes: firstPass ? [] : [`first-pass histogram: ${NOT_IN_SUMMARY}`],
  };
}

/** Distinct programs per problem and problems solved by one program only. */
export function diversityTable(run: RunReport): ReportTable {
  const diversity = run.summary.diversity;
  const single = diversity?.single_program_passing;
  return {
    id: 'diversity',
    title: 'Diversity',
    columns: [column('figure', 'text'), column('value', 'text')],
    rows: diversity
      ? [
          ['distinct programs per problem (mean)', diversity.distinct_per_problem.toFixed(2)],
          [
            'distinct passing programs per problem (mean)',
            diversity.distinct_passing_per_problem.toFixed(2),
          ],
          [
            'problems whose passing samples are all one program',
            single === undefined ? NOT_IN_SUMMARY : String(single.length),
          ],
          ['normalization', diversity.normalization ?? NOT_IN_SUMMARY],
        ]
      : [],
    notes: diversity
      ? single && single.length > 0
        ? [`one passing program: ${single.join(', ')}`]
        : []
      : [`diversity: ${NOT_IN_SUMMARY}`],
  };
}

/** One row per problem: scored and passing samples, pass rate, first passing index. */
export function problemsTable(run: RunReport): ReportTable {
  return {
    id: 'problems',
    title: 'Problems',
    columns: [
      column('task_id', 'text', 'task'),
      column('language', 'text'),
      column('n', 'count'),
      column('c', 'count'),
      column('pass_rate', 'percent', 'pass rate'),
      column('first_pass', 'count', 'first pass'),
    ],
    rows: run.problems.map((problem) => [
      problem.task_id,
      problem.language,
      problem.n,
      problem.c,
      problem.n > 0 ? problem.c / problem.n : null,
      problem.first_pass,
    ]),
    notes: [
      'n: scored samples (infrastructure faults left out); first pass: 0-based index in generation order',
    ],
  };
}

/** The tables of one run, in the order the reports show them. */
export function runTables(run: RunReport): ReportTable[] {
  return [
    passAtKTable(run),
    slicesTable(run),
    firstPassTable(run),
    diversityTable(run),
    problemsTable(run),
  ];
}
