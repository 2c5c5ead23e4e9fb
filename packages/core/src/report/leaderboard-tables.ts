import type { ReportData } from '../spec/report.ts';
import { column, type ReportCell, type ReportColumn, type ReportTable } from './report-table.ts';

/** Runs ranked by pass@ the smallest common k, with every common k and its interval. */
export function leaderboardTable(data: ReportData): ReportTable | undefined {
  const board = data.leaderboard;
  if (!board) return undefined;
  return {
    id: 'leaderboard',
    title: 'Leaderboard',
    columns: [
      column('rank', 'count'),
      column('model', 'text'),
      column('run', 'text'),
      column('problems', 'count'),
      ...board.ks.flatMap((k): ReportColumn[] => [
        column(`pass_at_${k}`, 'percent', `pass@${k}`),
        column(`pass_at_${k}_ci`, 'percent-interval', `pass@${k} CI`),
      ]),
    ],
    rows: board.ranking.map((index, position) => {
      const run = data.runs[index];
      return [
        position + 1,
        run?.model ?? '',
        run?.directory ?? '',
        run?.summary.problems ?? 0,
        ...board.ks.flatMap((k): ReportCell[] => {
          const value = run?.summary.pass_at_k[String(k)];
          return [value?.estimate ?? null, value ? [value.ci_low, value.ci_high] : null];
        }),
      ];
    }),
  };
}

/** Every pair of the leaderboard and k: difference, interval, p-values (Holm across the table). */
export function pairwiseTable(data: ReportData): ReportTable | undefined {
  const board = data.leaderboard;
  if (!board) return undefined;
  const model = (index: number) => data.runs[index]?.model ?? String(index);
  return {
    id: 'pairwise',
    title: 'Pairwise comparisons',
    columns: [
      column('a', 'text'),
      column('b', 'text'),
      column('k', 'count'),
      column('difference', 'points', 'a - b'),
      column('ci', 'points-interval', '95% CI'),
      column('p_value', 'p-value', 'p'),
      column('p_adjusted', 'p-value', 'p (Holm, table)'),
      column('test', 'text'),
      column('shared_problems', 'count', 'shared'),
      column('flipped', 'count'),
    ],
    rows: board.pairs.flatMap((pair) =>
      Object.entries(pair.k).map(([k, entry]): ReportCell[] => [
        model(pair.a),
        model(pair.b),
        Number(k),
        entry.difference,
        [entry.ci_low, entry.ci_high],
        entry.p_value,
        entry.p_adjusted,
        entry.test,
        pair.shared_problems,
        pair.flipped,
      ]),
    ),
    notes: [board.method],
  };
}
