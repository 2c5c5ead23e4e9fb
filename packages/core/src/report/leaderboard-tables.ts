import type { ReportData } from '../spec/report.ts';
import type { ReportCell, ReportColumn, ReportTable } from './report-table.ts';

/** Runs ranked by pass@ the smallest common k, with every common k and its interval. */
export function leaderboardTable(data: ReportData): ReportTable | undefined {
  const board = data.leaderboard;
  if (!board) return undefined;
  return {
    id: 'leaderboard',
    title: 'Leaderboard',
    columns: [
      { name: 'rank', title: 'rank', kind: 'count' },
      { name: 'model', title: 'model', kind: 'text' },
      { name: 'run', title: 'run', kind: 'text' },
      { name: 'problems', title: 'problems', kind: 'count' },
      ...board.ks.flatMap((k): ReportColumn[] => [
        { name: `pass_at_${k}`, title: `pass@${k}`, kind: 'percent' },
        { name: `pass_at_${k}_ci`, title: `pass@${k} CI`, kind: 'percent-interval' },
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
      { name: 'a', title: 'a', kind: 'text' },
      { name: 'b', title: 'b', kind: 'text' },
      { name: 'k', title: 'k', kind: 'count' },
      { name: 'difference', title: 'a - b', kind: 'points' },
      { name: 'ci', title: '95% CI', kind: 'points-interval' },
      { name: 'p_value', title: 'p', kind: 'p-value' },
      { name: 'p_adjusted', title: 'p (Holm, table)', kind: 'p-value' },
      { name: 'test', title: 'test', kind: 'text' },
      { name: 'shared_problems', title: 'shared', kind: 'count' },
      { name: 'flipped', title: 'flipped', kind: 'count' },
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
