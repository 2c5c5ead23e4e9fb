/**
 * `passk selftest` and `passk run` judge a program the same way (one program → verdict path,
 * `judgeProgram`, with executors from `createRunExecutor`): every hostile program of the
 * Python and C++ tables (packages/languages/test/hostile/) gets the same status from the
 * selftest's checks as from a run's results, and that status is one the table expects
 * (`npx vitest run packages/cli/test/hostile-selftest-run.test.ts`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunExecutor, defineProvider, type Program } from '@passk/core';
import type { HostileContext } from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_TABLES } from '../../languages/test/hostile/tables.ts';
import { createBuiltinRegistry, defineDataset, run } from '../src/index.ts';
import { runSelftest } from '../src/selftest/run-selftest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'passk-hostile-selftest-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const registry = createBuiltinRegistry();
/**
 * Both sides get the same, generous time limits, so that a loaded machine (compilers under
 * a 2-core CI with other suites beside it) does not turn either side's verdicts into timeouts.
 */
const TIMEOUT_FACTOR = 3;
const token = `passk-sdk-hostile-${randomBytes(4).toString('hex')}`;
const env = {
  ...process.env,
  PASSK_CACHE_DIR: join(scratch, 'cache'),
  PASSK_SANDBOX_UID_BASE: String(1_200_000_000 + randomBytes(2).readUInt16BE(0) * 8),
};

/** Where the programs aim: files in the scratch directory, a port nothing listens on. */
function context(index: number): HostileContext {
  const marker = `${token}-p${index}x`;
  return {
    marker,
    homeFile: join(scratch, `${marker}-home.txt`),
    repoFile: join(scratch, `${marker}-repo.txt`),
    writeTargets: ['home', 'repo', 'tmp', 'var-tmp', 'shm'].map((place) =>
      join(scratch, `${marker}-${place}-written`),
    ),
    apiKeyName: 'PASSK_HOSTILE_TEST_API_KEY',
    apiKey: 'sk-not-planted',
    port: 9,
  };
}

/** The empty answer: every program is the table's, whatever the completion. */
const provider = defineProvider({
  id: 'empty',
  model: 'empty',
  cacheable: false,
  generate: async () => ({ text: '', completion: '', finishReason: 'stop', latencyMs: 0 }),
});

describe('selftest and run give the same verdict for every hostile program', () => {
  for (const id of ['python', 'cpp'] as const) {
    it(`${id}`, async (test) => {
      const toolchain = await registry.language(id).detect();
      if (!toolchain.available) {
        test.skip(`${id} toolchain missing: ${toolchain.problem ?? 'not found'}`);
        return;
      }
      const table = HOSTILE_TABLES[id].programs;
      const programs: Program[] = table.map((entry, index) => entry.program(context(index)));
      const dataset = defineDataset({
        id: `hostile-${id}`,
        problems: programs.map((_, index) => ({
          id: `p${index}`,
          language: id,
          prompt: '',
          entryPoint: 'main',
          tests: '',
          stopSequences: [],
          metadata: {},
        })),
        buildProgram: (problem) => programs[Number(problem.id.slice(1))] as Program,
      });
      const outcome = await run({
        dataset,
        model: provider,
        registry,
        env,
        out: join(scratch, `run-${id}`),
        cache: false,
        workers: 2,
        timeoutFactor: TIMEOUT_FACTOR,
      });
      const ran = new Map(
        readFileSync(join(outcome.directory, 'results.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { task_id: string; status: string })
          .map((result) => [result.task_id, result.status]),
      );
      const executor = createRunExecutor({ workers: 2, env });
      let checks: Awaited<ReturnType<typeof runSelftest>>;
      try {
        const { problems } = await dataset.load({ cacheDir: scratch, allowDownload: false });
        checks = await runSelftest({
          dataset,
          problems,
          language: (language) => registry.language(language),
          toolchains: new Map([[id, toolchain]]),
          executor,
          timeoutFactor: TIMEOUT_FACTOR,
        });
      } finally {
        await executor.close();
      }
      const rows = table.map((entry, index) => {
        const selftest = checks.find((check) => check.taskId === `p${index}`)?.verdict.status;
        const inRun = ran.get(`p${index}`);
        return {
          name: entry.name,
          same: selftest === inRun,
          expected: entry.expect.includes(inRun as never),
          selftest,
          run: inRun,
        };
      });
      expect(rows.filter((row) => !row.same)).toEqual([]);
      // A status the table does not expect is a failure, except a timeout on both sides: on a
      // machine loaded far beyond its cores, a compiler can run out of time before its limit.
      const late = rows.filter((row) => !row.expected && row.run === 'timeout');
      if (late.length > 0) console.warn(`${id}: timed out on both sides under load`, late);
      expect(rows.filter((row) => !row.expected && row.run !== 'timeout')).toEqual([]);
      expect(rows).toHaveLength(table.length);
    }, 600_000);
  }
});
