import { leaderboardTable, pairwiseTable, type ReportData } from '@passk/core';
import { pairwiseMatrixChart } from './comparison-charts.ts';
import { curveChart } from './curve-chart.ts';
import { forestChart } from './forest-chart.ts';
import { htmlTable } from './html-table.ts';
import type { PageSection } from './page.ts';
import { chartFigure } from './run-sections.ts';

/** The leaderboard view: ranked runs with intervals, every run's curve, pairwise tests. */
export async function leaderboardSections(data: ReportData): Promise<PageSection[]> {
  const board = data.leaderboard;
  const ranking = leaderboardTable(data);
  const pairwise = pairwiseTable(data);
  if (!board || !ranking || !pairwise) return [];
  const rows = board.ranking.flatMap((index) => {
    const run = data.runs[index];
    if (!run) return [];
    return board.ks.flatMap((k) => {
      const value = run.summary.pass_at_k[String(k)];
      return value
        ? [
            {
              label: run.model,
              series: `pass@${k}`,
              estimate: value.estimate,
              low: value.ci_low,
              high: value.ci_high,
            },
          ]
        : [];
    });
  });
  const firstK = board.ks[0];
  const matrix =
    firstK === undefined
      ? ''
      : await chartFigure(
          'pairwise',
          pairwiseMatrixChart(
            board.pairs.flatMap((pair) => {
              const entry = pair.k[String(firstK)];
              return entry
                ? [
                    {
                      a: data.runs[pair.a]?.model ?? '',
                      b: data.runs[pair.b]?.model ?? '',
                      difference: entry.difference,
                      p_adjusted: entry.p_adjusted,
                    },
                  ]
                : [];
            }),
            String(firstK),
          ),
        );
  return [
    {
      id: 'leaderboard',
      title: 'Leaderboard',
      body: [
        htmlTable(ranking),
        rows.length > 0
          ? await chartFigure('leaderboard', forestChart(rows, { axisTitle: 'pass@k' }))
          : '',
        `<h3>pass@k curves</h3>`,
        await chartFigure('curve', curveChart(data.runs)),
      ].join('\n'),
    },
    {
      id: 'pairwise',
      title: 'Pairwise significance',
      body: [matrix, htmlTable(pairwise)].join('\n'),
    },
  ];
}
