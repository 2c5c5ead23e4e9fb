import type { RunSummary } from '../spec/run.ts';

const percent = (value: number) => `${(value * 100).toFixed(1)}`;

/**
 * The slices as table rows (header first): slice, problems, then pass@k with its interval per
 * k of the run; a small slice is marked `*`. Empty when the summary has no slices.
 */
export function sliceRows(summary: RunSummary, level: number): string[][] {
  const slices = summary.slices ?? [];
  if (slices.length === 0) return [];
  const ks = Object.keys(summary.pass_at_k);
  return [
    ['slice', 'problems', ...ks.map((k) => `pass@${k} % [${level}% CI]`)],
    ...slices.map((slice) => [
      `${slice.kind}: ${slice.value}${slice.small ? ' *' : ''}`,
      String(slice.problems),
      ...ks.map((k) => {
        const value = slice.pass_at_k[k];
        return value
          ? `${percent(value.estimate)} [${percent(value.ci_low)}, ${percent(value.ci_high)}]`
          : '-';
      }),
    ]),
  ];
}

/** The note under the slice table explaining `*`, when some slice is small. */
export function smallSliceNote(summary: RunSummary): string[] {
  return (summary.slices ?? []).some((slice) => slice.small)
    ? ['* small slice (fewer than 30 problems): its interval is wide and its estimate unstable']
    : [];
}

/**
 * Lines on sample order and diversity: pass^k per k, where problems were first solved, and
 * distinct programs (with the problems whose passing samples are all one program).
 */
export function orderAndDiversityLines(summary: RunSummary): string[] {
  const lines: string[] = [];
  const hat = Object.entries(summary.pass_hat_k ?? {});
  if (hat.length > 0) {
    lines.push(
      `pass^k (all k samples pass): ${hat.map(([k, value]) => `pass^${k} ${percent(value)}%`).join(', ')}`,
    );
  }
  if (summary.first_pass) {
    const entries = Object.entries(summary.first_pass.histogram).sort(
      ([a], [b]) => Number(a) - Number(b),
    );
    lines.push(
      `first passing sample (0-based, generation order): ${
        entries.map(([index, count]) => `#${index}: ${count}`).join(', ') || '-'
      }; never: ${summary.first_pass.never}`,
    );
  }
  const diversity = summary.diversity;
  if (diversity) {
    const single = diversity.single_program_passing;
    lines.push(
      `diversity: ${diversity.distinct_per_problem.toFixed(2)} distinct programs per problem, ${diversity.distinct_passing_per_problem.toFixed(2)} among passing ones${
        single === undefined
          ? ''
          : `; ${single.length} problems pass with one program only${
              single.length > 0
                ? ` (${single.slice(0, 5).join(', ')}${single.length > 5 ? ', …' : ''})`
                : ''
            }`
      }`,
      `normalization: ${diversity.normalization ?? 'whitespace (a summary written before comments and Python ASTs were normalized)'}`,
    );
  }
  return lines;
}

/** CSV rows (`scope,k,estimate,ci_low,ci_high`) for pass^k and the slices. */
export function sectionCsvRows(summary: RunSummary): string[][] {
  const rows: string[][] = [];
  for (const [k, value] of Object.entries(summary.pass_hat_k ?? {})) {
    rows.push(['pass^k', k, String(value), '', '']);
  }
  for (const slice of summary.slices ?? []) {
    for (const [k, value] of Object.entries(slice.pass_at_k)) {
      rows.push([
        `slice:${slice.kind}:${slice.value}`,
        k,
        String(value.estimate),
        String(value.ci_low),
        String(value.ci_high),
      ]);
    }
  }
  return rows;
}
