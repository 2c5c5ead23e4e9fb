import { fileURLToPath } from 'node:url';
import { formatHostileTable, runHostileSuite } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { javascriptLanguage } from './hostile/javascript-language.ts';
import { JAVASCRIPT_HOSTILE_PROGRAMS } from './hostile/javascript-table.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

describe('hostile programs: JavaScript (test-local language, completion sentinel) in the bwrap sandbox', () => {
  it('ends each with the right status and leaves the machine clean', async () => {
    const report = await runHostileSuite({
      language: javascriptLanguage,
      toolchain: await javascriptLanguage.detect(),
      programs: JAVASCRIPT_HOSTILE_PROGRAMS,
      repoDirectory: REPO,
      executor: { sandbox: 'bwrap' },
    });
    console.log(formatHostileTable(report));
    expect(report.missingThreats).toEqual([]);
    expect(report.outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(report.afterClose).toEqual({ processes: [], files: [] });
    // process.exit(0) is the case where passk is stricter than MultiPL-E: recorded, not scored.
    const early = report.outcomes.find((outcome) => outcome.name.startsWith('process.exit(0)'));
    expect(early?.reference).toEqual({ status: 'passed', passed: true, detail: 'OK' });
    expect(report.ok).toBe(true);
  }, 180_000);
});
