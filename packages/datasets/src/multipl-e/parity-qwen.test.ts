import { chmodSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLocalExecutor,
  defaultDataContext,
  type ExecutionResult,
  type Problem,
  probeCommand,
  STEP_PATH,
  type StepMount,
} from '@passk/core';
import { scopedSubset, testScope } from '@passk/core/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMultiplEDataset } from './multipl-e.ts';
import {
  type QwenSample,
  readQwenPublished,
  readQwenSamples,
} from './qwen-samples.test-support.ts';
import { languageSetup } from './run-program.test-support.ts';

/**
 * Parity with the per-sample verdicts Qwen2.5-Coder published for its 1.5B base model on
 * MultiPL-E (`samples/qwen2.5-coder-base/1.5b-base/multipl-e/`, one greedy sample per task).
 * Qwen ran DeepSeek-Coder's evaluation script, not MultiPL-E's evaluator: it executes
 * `prompt + completion + "\n" + tests` with a language-specific prefix/suffix (checked below)
 * and its own pass rules. Every disagreement with passk is listed here with its cause, and
 * each cause is demonstrated. The quick test scope (the default) runs every 8th task plus the
 * explained ones; `PASSK_TEST_SCOPE=full` runs all and reproduces the published pass@1.
 */
const FULL = testScope() === 'full';

/** What DeepSeek-Coder's evaluation script adds around the MultiPL-E program (from the `code` it records). */
const QWEN_WRAPPING: Readonly<Record<string, { prefix: string; suffix: string }>> = {
  cpp: {
    prefix:
      '#include<stdlib.h>\n#include<algorithm>\n#include<math.h>\n#include<stdio.h>\n#include<vector>\n#include<string>\n#include<climits>\n#include<cstring>\n#include<iostream>\n#include<cassert>\n\n',
    suffix: '',
  },
  cs: {
    prefix:
      'using System.Numerics;\nusing System.Diagnostics;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\nusing System.Security.Cryptography;\nusing System.Collections.Generic;\n\n',
    suffix: '',
  },
  php: { prefix: '', suffix: '?>' },
  java: { prefix: '', suffix: '' },
  js: { prefix: '', suffix: '' },
  sh: { prefix: '', suffix: '' },
  ts: { prefix: '', suffix: '' },
};

async function load(
  code: string,
): Promise<{ problems: Map<string, Problem>; dataset: ReturnType<typeof createMultiplEDataset> }> {
  const dataset = createMultiplEDataset(code);
  const { problems } = await dataset.load(defaultDataContext(process.env));
  return { dataset, problems: new Map(problems.map((problem) => [problem.id, problem])) };
}

describe('program assembly reproduces what Qwen executed', () => {
  it.each(Object.keys(QWEN_WRAPPING))(
    '%s: prompt + completion + "\\n" + tests, every sample',
    async (code) => {
      const { dataset, problems } = await load(code);
      const samples = readQwenSamples(code);
      expect(samples.length).toBe(problems.size);
      const { prefix, suffix } = QWEN_WRAPPING[code] ?? { prefix: '', suffix: '' };
      const mismatches = samples.filter((sample) => {
        const problem = problems.get(sample.taskId);
        if (problem === undefined || !sample.generation.startsWith(problem.prompt)) return true;
        const program = dataset.buildProgram(problem, {
          code: sample.generation.slice(problem.prompt.length),
          kind: 'completion',
        });
        return prefix + program.files[0]?.contents + suffix !== sample.executed;
      });
      expect(mismatches.map((sample) => sample.taskId)).toEqual([]);
    },
  );
});

interface Executed {
  readonly sample: QwenSample;
  readonly passed: boolean;
  readonly status: string;
  readonly result: ExecutionResult;
}

const executor = createLocalExecutor({ concurrency: 2 });
afterAll(() => executor.close());

/** What a run changes in every step: extra variables and mounts. */
interface StepOverride {
  readonly env: Record<string, string>;
  readonly mounts: readonly StepMount[];
}

/**
 * Runs the Qwen samples of `code` in the test scope (every 8th task and the `keep` ones when
 * quick), or only those of `only`, through passk (limits tripled: the test machine is shared).
 */
async function runAll(
  code: string,
  options: { keep?: readonly string[]; only?: ReadonlySet<string>; override?: StepOverride } = {},
): Promise<Executed[]> {
  const { only, override } = options;
  const { dataset, problems } = await load(code);
  const setup = await languageSetup(dataset.languages[0] ?? '');
  if (setup.skip !== undefined) throw new Error(setup.skip);
  const samples =
    only === undefined
      ? scopedSubset(readQwenSamples(code), {
          id: (sample) => sample.taskId,
          every: 8,
          keep: options.keep ?? [],
        })
      : readQwenSamples(code).filter((sample) => only.has(sample.taskId));
  return Promise.all(
    samples.map(async (sample) => {
      const problem = problems.get(sample.taskId) as Problem;
      const program = dataset.buildProgram(problem, {
        code: sample.generation.slice(problem.prompt.length),
        kind: 'completion',
      });
      const steps = setup.language
        .steps(program, setup.toolchain, { timeoutFactor: 3 })
        .map((step) =>
          override === undefined
            ? step
            : {
                ...step,
                env: { ...step.env, ...override.env },
                mounts: [...(step.mounts ?? []), ...override.mounts],
              },
        );
      const result = await executor.execute({
        files: program.files,
        steps,
        limits: setup.language.limits(program),
      });
      const verdict = setup.language.classify(program, result);
      return { sample, passed: verdict.passed, status: verdict.status, result };
    }),
  );
}

const disagreements = (runs: readonly Executed[]) =>
  runs
    .filter((run) => run.passed !== run.sample.passed)
    .map((run) => run.sample.taskId)
    .sort();

const percent = (passed: number, total: number) => Math.round((10_000 * passed) / total) / 100;

describe('verdict parity with Qwen2.5-Coder-1.5B (MultiPL-E)', () => {
  const published = readQwenPublished();

  it('sh: agrees except where Qwen had no `bc`; hiding `bc` reproduces every verdict and 22.15', async (context) => {
    const setup = await languageSetup('shell');
    if (setup.skip !== undefined) return context.skip(setup.skip);
    // Qwen's machine had no `bc` ("bc: command not found"); these two completions are correct.
    const noBc = ['HumanEval_47_median', 'HumanEval_92_any_int'];
    // Timing-dependent: forks grep and wc for every multiple of 11 or 13 below 100 000 (about
    // 15 000 pipelines); Qwen's run timed out at 10 s, passk's limit here is 3 x 15 s, which a
    // fast or idle machine meets and a loaded one does not.
    const timing = 'HumanEval_36_fizz_buzz';
    const runs = await runAll('sh', { keep: [...noBc, timing] });
    const bcInstalled =
      (await probeCommand(['bc', '--version'], { env: { PATH: STEP_PATH } })).exitCode === 0;
    expect(disagreements(runs).filter((taskId) => taskId !== timing)).toEqual(
      bcInstalled ? noBc : [],
    );
    const timed = runs.find((run) => run.sample.taskId === timing);
    expect(timed?.sample.result).toBe('timed out');
    if (timed?.passed === false) expect(timed.status).toBe('timeout');
    for (const taskId of noBc) {
      expect(runs.find((run) => run.sample.taskId === taskId)?.sample.result).toMatch(
        /bc: command not found/,
      );
    }
    console.log(
      `sh: passk ${runs.filter((run) => run.passed).length}/${runs.length} passed, agreement ${runs.length - disagreements(runs).length}/${runs.length} with Qwen`,
    );
    // The same two programs with `bc` hidden (a PATH of links to everything else, mounted into
    // the sandbox) fail as in Qwen's run, for Qwen's reason.
    const bin = mkdtempSync(join(tmpdir(), 'passk-no-bc-'));
    chmodSync(bin, 0o755);
    try {
      for (const directory of ['/usr/bin', '/bin']) {
        for (const name of readdirSync(directory)) {
          if (name === 'bc') continue;
          try {
            symlinkSync(join(directory, name), join(bin, name));
          } catch {
            // already linked from the other directory
          }
        }
      }
      const hidden = await runAll('sh', {
        only: new Set(noBc),
        override: { env: { PATH: bin }, mounts: [{ path: bin }] },
      });
      expect(hidden.map((run) => [run.sample.taskId, run.passed]).sort()).toEqual(
        noBc.map((id) => [id, false]),
      );
      for (const run of hidden)
        expect(run.result.steps.at(-1)?.stderrTail).toMatch(/bc: command not found/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
    const passedWithoutBc = runs.filter(
      (run) => run.passed && !noBc.includes(run.sample.taskId) && run.sample.taskId !== timing,
    ).length;
    if (FULL) expect(percent(passedWithoutBc, runs.length)).toBe(published.sh);
  }, 600_000);

  it('php: agrees except where PHP 8.2 changed str_split(""); 44.10 with PHP < 8.2 semantics', async (context) => {
    const setup = await languageSetup('php');
    if (setup.skip !== undefined) return context.skip(setup.skip);
    // str_split('') returns [''] before PHP 8.2 and [] from 8.2 on; Qwen ran PHP 7 ("Undefined offset").
    const strSplit = ['HumanEval_16_count_distinct_characters'];
    const runs = await runAll('php', { keep: strSplit });
    const php = setup.toolchain.path ?? 'php';
    const emptySplit = (await probeCommand([php, '-r', 'echo count(str_split(""));'])).stdout;
    expect(disagreements(runs)).toEqual(emptySplit === '0' ? strSplit : []);
    expect(runs.find((run) => run.sample.taskId === strSplit[0])?.sample.generation).toContain(
      'str_split($string)',
    );
    console.log(
      `php: passk ${runs.filter((run) => run.passed).length}/${runs.length} passed, agreement ${runs.length - disagreements(runs).length}/${runs.length} with Qwen`,
    );
    const passedBefore82 = runs.filter(
      (run) => run.passed && !strSplit.includes(run.sample.taskId),
    ).length;
    if (FULL) expect(percent(passedBefore82, runs.length)).toBe(published.php);
  }, 600_000);

  it("cs: agrees with MultiPL-E's rule except crashes Qwen's rule passes; Qwen's rule reproduces 48.73", async (context) => {
    const setup = await languageSetup('csharp');
    if (setup.skip !== undefined) return context.skip(setup.skip);
    const runs = await runAll('cs');
    // Qwen's machine set no memory limit: completions that grow a list without end
    // (HumanEval_70, HumanEval_100: 7 GB in 5 s) ran there until the time limit, where passk
    // stops them at C#'s 4 GiB address-space limit.
    const unbounded = runs.filter((run) => run.status === 'memory_limit');
    for (const run of unbounded)
      expect([run.sample.taskId, run.sample.result]).toEqual([run.sample.taskId, 'timed out']);
    // DeepSeek's script passes a C# run when "Fail" is not in stderr, ignoring the exit code
    // and "Unhandled Exception"; MultiPL-E's rule (and passk) fail an uncaught exception.
    const qwenRule = (run: Executed) => {
      const last = run.result.steps.at(-1);
      return (
        last?.name === 'run' &&
        !last.timedOut &&
        run.status !== 'memory_limit' &&
        !last.stderrTail.includes('Fail')
      );
    };
    const crashes = runs
      .filter((run) => !run.passed && run.sample.passed)
      .map((run) => run.result.steps.at(-1)?.stderrTail ?? '');
    expect(crashes.length).toBe(disagreements(runs).length);
    for (const stderr of crashes) expect(stderr).toMatch(/Unhandled Exception/);
    expect(
      runs.filter((run) => run.passed && !run.sample.passed).map((run) => run.sample.taskId),
    ).toEqual([]);
    expect(
      runs.filter((run) => qwenRule(run) !== run.sample.passed).map((run) => run.sample.taskId),
    ).toEqual([]);
    console.log(
      `cs: passk ${runs.filter((run) => run.passed).length}/${runs.length} passed (MultiPL-E rule), agreement ${runs.length - disagreements(runs).length}/${runs.length} with Qwen; Qwen's rule on passk's runs: ${runs.filter(qwenRule).length}/${runs.length}`,
    );
    if (FULL) expect(percent(runs.filter(qwenRule).length, runs.length)).toBe(published.cs);
  }, 600_000);
});

beforeAll(() => {
  // Loading the data fails loudly when PASSK_DATA_DIR is wrong.
  readQwenPublished();
});
