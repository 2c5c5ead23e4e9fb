/**
 * Bench section `hostile`: wall time of every installed language's hostile-programs table
 * (`packages/languages/test/hostile/`) in the bwrap sandbox, one program at a time (the
 * baseline) and two at a time (what `packages/languages/test/hostile.test.ts` runs), measured
 * in the same run; and whether every program was ok both ways. Python runs its default variant
 * (the warm server). BENCH_HOSTILE_LANGUAGES=a,b limits the languages.
 */
import { runHostileSuite } from '../../packages/core/src/conformance/index.ts';
import type { Language } from '../../packages/core/src/index.ts';
import { builtinLanguages } from '../../packages/languages/src/index.ts';
import { HOSTILE_TABLES } from '../../packages/languages/test/hostile/tables.ts';
import type { BenchSection } from './section.ts';

const only = process.env.BENCH_HOSTILE_LANGUAGES?.split(',').filter(Boolean);

export const hostileBench: BenchSection = {
  name: 'hostile',
  description:
    'hostile-programs tables in the bwrap sandbox: wall time one program at a time vs two at a time',
  async run({ root }) {
    const rows: (string | number)[][] = [];
    const data: Record<string, unknown>[] = [];
    let sequentialTotal = 0;
    let pairedTotal = 0;
    for (const [id, table] of Object.entries(HOSTILE_TABLES)) {
      if (only !== undefined && !only.includes(id)) continue;
      const language = (builtinLanguages[id as keyof typeof builtinLanguages] as () => Language)();
      const toolchain = await language.detect();
      if (!toolchain.available) {
        rows.push([id, table.programs.length, '-', '-', '-', `skipped: ${toolchain.problem}`]);
        continue;
      }
      const run = (concurrency: 1 | 2) =>
        runHostileSuite({
          language,
          toolchain,
          programs: table.programs,
          repoDirectory: root,
          concurrency,
          executor: { sandbox: 'bwrap', ...table.variants?.[0]?.executor },
        });
      const sequential = await run(1);
      const paired = await run(2);
      sequentialTotal += sequential.durationMs;
      pairedTotal += paired.durationMs;
      const ok = (report: typeof sequential) =>
        `${report.outcomes.filter((outcome) => outcome.ok).length}/${report.outcomes.length}${report.ok ? '' : ' NOT OK'}`;
      rows.push([
        id,
        table.programs.length,
        (sequential.durationMs / 1000).toFixed(1),
        (paired.durationMs / 1000).toFixed(1),
        `${(sequential.durationMs / paired.durationMs).toFixed(2)}x`,
        `${ok(sequential)}, ${ok(paired)}`,
      ]);
      data.push({
        language: id,
        programs: table.programs.length,
        sequentialMs: sequential.durationMs,
        pairedMs: paired.durationMs,
        sequentialOk: sequential.ok,
        pairedOk: paired.ok,
      });
    }
    rows.push([
      'total',
      '',
      (sequentialTotal / 1000).toFixed(1),
      (pairedTotal / 1000).toFixed(1),
      pairedTotal > 0 ? `${(sequentialTotal / pairedTotal).toFixed(2)}x` : '-',
      '',
    ]);
    return {
      title: 'Hostile programs in the bwrap sandbox: seconds per table, 1 vs 2 programs at a time',
      columns: [
        'language',
        'programs',
        '1 at a time (s)',
        '2 at a time (s)',
        'speed-up',
        'ok (1, 2)',
      ],
      rows,
      data,
    };
  },
};
