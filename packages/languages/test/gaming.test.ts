/**
 * The gaming corpus (issue 13): per language, programs that the reference harness's rule passes
 * without the problem being solved (rigged equality, patched assertions, forged completion
 * evidence, reading the tests, early exits), each with the verdict passk gives today: refused,
 * or not yet refused. Every program runs through the real executor (bwrap sandbox) and the
 * run's `judgeProgram`; the reference harness's rule must pass it, and passk must refuse it
 * exactly when the table says so. Printed as one table (language × program × reference
 * verdict × passk verdict).
 *
 * Scopes: quick (the default) runs every Python program (warm server) and the first program of
 * JavaScript, Lua, Ruby and PHP; `PASSK_TEST_SCOPE=full` runs the whole corpus of every language,
 * Python also with one process per program.
 *
 * `npx vitest run packages/languages/test/gaming.test.ts` (add `-t <language>` for one).
 */
import type { Language } from '@passk/core';
import {
  formatGamingTable,
  GAMING_TABLE_HEADER,
  GAMING_TACTICS,
  runGamingSuite,
  testScope,
} from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinLanguages } from '../src/index.ts';
import { GAMING_TABLES } from './gaming/tables.ts';

const FULL = testScope() === 'full';
/** Languages whose whole corpus runs in the quick scope (first variant only). */
const QUICK_LANGUAGES = new Set(['python']);
/** Languages whose first program runs in the quick scope (no build step: a second each). */
const QUICK_FIRST = new Set(['javascript', 'lua', 'ruby', 'php']);

const rows: string[] = [];
afterAll(() => {
  if (rows.length > 0) console.log(`${GAMING_TABLE_HEADER}\n${rows.join('\n')}`);
});

describe('gaming corpus', () => {
  it('has at least six programs per language and names only known tactics', () => {
    for (const [id, table] of Object.entries(GAMING_TABLES)) {
      expect([id, table.programs.length >= 6]).toEqual([id, true]);
      for (const entry of table.programs) {
        expect(Object.keys(GAMING_TACTICS)).toContain(entry.tactic);
      }
    }
  });

  for (const [id, table] of Object.entries(GAMING_TABLES)) {
    const programs = FULL || QUICK_LANGUAGES.has(id) ? table.programs : table.programs.slice(0, 1);
    const variants = table.variants ?? [{ label: '' }];
    const quick = QUICK_LANGUAGES.has(id) || QUICK_FIRST.has(id);
    for (const variant of FULL ? variants : variants.slice(0, 1)) {
      const label = variant.label === '' ? id : `${id} (${variant.label})`;
      it.skipIf(!FULL && !quick)(
        `${label}: the reference passes each program, passk refuses those the table says`,
        async (context) => {
          const create = builtinLanguages[id as keyof typeof builtinLanguages] as () => Language;
          const language = create();
          const toolchain = await language.detect();
          if (!toolchain.available) {
            const reason = `${id}: ${toolchain.problem ?? 'toolchain not installed'}`;
            console.warn(`skipped the gaming corpus of ${reason}`);
            context.skip(reason);
            return;
          }
          const report = await runGamingSuite({
            language,
            toolchain,
            programs,
            executor: { sandbox: 'bwrap', ...variant.executor },
            ...(table.timeoutFactor === undefined ? {} : { timeoutFactor: table.timeoutFactor }),
          });
          rows.push(formatGamingTable(label, report));
          // A program whose judge needs more than the toolchain (EvalPlus needs NumPy) is
          // skipped where that is missing, and says so.
          const missing = report.outcomes.filter(
            (outcome) => outcome.reference === 'toolchain_missing',
          );
          for (const outcome of missing)
            console.warn(`skipped ${label}: ${outcome.name}: ${outcome.detail}`);
          expect(
            report.outcomes.filter((outcome) => !outcome.ok && !missing.includes(outcome)),
          ).toEqual([]);
        },
        600_000,
      );
    }
  }
});
