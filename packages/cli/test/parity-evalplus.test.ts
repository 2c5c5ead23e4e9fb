import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scopedSubset, testScope } from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { numpySkipReason } from '../../../scripts/test-support/numpy-skip-reason.ts';
import { humanEvalPassAtK } from './human-eval-pass-at-k.ts';
import { DATA_DIR, runCli, workspace } from './run-cli.ts';

/**
 * Parity with EvalPlus's published per-sample results for Qwen2.5-Coder-1.5B base (greedy):
 * HumanEval outputs scored against HumanEval+ v0.1.9 and MBPP outputs against MBPP+ v0.1.0
 * (the `hash` in each results file is the md5 of those releases), on 2024-09-24.
 *
 * The EvalPlus of that date had `--min-time-limit` 1 s by default (Qwen's evaluate.py; 4 s since
 * 2025-04) and only the MBPP oracles of MBPP+ v0.1.0: the `humaneval-plus-v0.1.9` and
 * `mbpp-plus-v0.1.0` datasets score that way. With a 4 s minimum, one more verdict is
 * timing-dependent: Mbpp/123's solution is O(n²) and needs about 4 s for the base input 9999
 * here, so it fails at 1 s (published: base fail, input [9999]) and passes or fails at 4 s
 * depending on the machine's load; see the last test.
 *
 * Every disagreement must be listed with its reason; anything else fails the test.
 *
 * The quick test scope (the default) scores every 8th task plus the explained ones and checks
 * agreement there; `PASSK_TEST_SCOPE=full` scores every sample and also reproduces the
 * published pass@1.
 */
interface ParitySet {
  readonly name: string;
  readonly dataset: string;
  readonly samples: string;
  readonly results: string;
  /** EvalPlus's printed pass@1 (base, plus) in percent, from the published result.json. */
  readonly published: readonly [number, number];
  readonly problems: number;
  /**
   * task id → why passk's base or plus verdict differs from the published one, and the detail
   * passk must give when it does. Timing-dependent verdicts may also agree.
   */
  readonly explained: Readonly<
    Record<string, { readonly reason: string; readonly detail: RegExp }>
  >;
}

const QWEN = join(DATA_DIR, 'samples/qwen2.5-coder-base/1.5b-base/evalplus');
const FULL = testScope() === 'full';

const SETS: readonly ParitySet[] = [
  {
    name: 'HumanEval+ v0.1.9',
    dataset: 'humaneval-plus-v0.1.9',
    samples: join(QWEN, 'humaneval/generated.jsonl.gz'),
    results: join(QWEN, 'humaneval/generated_eval_results.json.gz'),
    published: [43.9, 36.6],
    problems: 164,
    explained: {},
  },
  {
    name: 'MBPP+ v0.1.0',
    dataset: 'mbpp-plus-v0.1.0',
    samples: join(QWEN, 'mbpp/generated.jsonl.gz'),
    results: join(QWEN, 'mbpp/generated_eval_results.json.gz'),
    published: [69.2, 58.6],
    problems: 399,
    explained: {
      'Mbpp/579': {
        reason:
          'string hash seed: the solution returns tuple(set(a) ^ set(b)), as the canonical solution ' +
          'does, so for string inputs the two orders agree exactly when both run with the same hash ' +
          'seed. EvalPlus checks in children of the process that computed the expected outputs ' +
          '(same seed) unless the outputs come from its cache, computed by an earlier process; the ' +
          'published plus failure (a string input) is the cached case. passk runs both with ' +
          'PYTHONHASHSEED=0 (as EvalPlus uncached), so it passes; MBPP+ v0.2.0 compares this task ' +
          'as sets, which removes the dependence',
        detail: /^base: pass, plus: pass$/,
      },
      'Mbpp/599': {
        reason:
          'timing-dependent: the solution sums 1..n in a Python loop, 6.8x slower than the canonical ' +
          'sum(range()) on plus inputs 1, 6 and 9 (n ≈ 10^8: 5.7 s vs 0.84 s here, measured ' +
          'standalone), so it ' +
          "fails EvalPlus's limit of 4x the ground-truth time on this machine; the published run " +
          'passed it, which needs a ground-truth time measured at least 1.7x slower than the ' +
          'solution ran there (EvalPlus caches ground truth, timed whenever it was first computed)',
        // Plus input 1, 6 or 9 (n ≈ 10^8), whichever overruns its own limit first.
        detail: /^base: pass, plus: fail \(plus input \d+ over its [\d.]+ s limit\)$/,
      },
    },
  },
];

/** One cache for the file: the expected outputs are computed once per data file. */
const cacheDir = mkdtempSync(join(tmpdir(), 'passk-evalplus-parity-'));

/** Work directories, removed at the end (ground truth takes up to 0.8 GB per data file). */
const created: string[] = [cacheDir];
afterAll(() => {
  for (const path of created) rmSync(path, { recursive: true, force: true });
});

/** `passk evaluate <samples> --dataset <dataset>`, as a user runs it. */
async function evaluate(dataset: string, samples: string) {
  const { dir, env } = workspace();
  created.push(dir);
  const result = await runCli(
    ['evaluate', samples, '--dataset', dataset, '--out', 'run', '--json', '--no-cache'],
    { cwd: dir, env: { ...env, PASSK_CACHE_DIR: cacheDir } },
  );
  const results = new Map(
    readFileSync(join(dir, 'run/results.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as {
            task_id: string;
            passed: boolean;
            detail: string;
            subsets: { base: boolean };
            reference?: { status: string };
          },
      )
      .map((record) => [record.task_id, record]),
  );
  return { ...result, results };
}

function published(path: string): Map<string, { base: boolean; plus: boolean }> {
  const data = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as {
    eval: Record<string, { base_status: string; plus_status: string }[]>;
  };
  return new Map(
    Object.entries(data.eval).map(([taskId, [entry]]) => [
      taskId,
      {
        base: entry?.base_status === 'pass',
        // EvalPlus counts a sample correct on "plus" only when base and plus both pass.
        plus: entry?.base_status === 'pass' && entry?.plus_status === 'pass',
      },
    ]),
  );
}

/** The samples file of `set` in the test scope: the file itself, or a subset written here. */
function scopedSamples(set: ParitySet): string {
  if (FULL) return set.samples;
  const lines = gunzipSync(readFileSync(set.samples)).toString('utf8').split('\n').filter(Boolean);
  const subset = scopedSubset(lines, {
    id: (line) => (JSON.parse(line) as { task_id: string }).task_id,
    every: 8,
    keep: Object.keys(set.explained),
  });
  const path = join(cacheDir, `${set.dataset}-quick.jsonl`);
  writeFileSync(path, `${subset.join('\n')}\n`);
  return path;
}

const skip = await numpySkipReason('the EvalPlus parity tests');

describe.skipIf(skip !== undefined)(
  'EvalPlus parity with published per-sample results (Qwen2.5-Coder-1.5B base)',
  () => {
    for (const set of SETS) {
      it(`${set.name}: base and plus verdicts agree (every disagreement explained)${FULL ? ', pass@1 reproduced' : ' (quick scope: every 8th task)'}`, async () => {
        const run = await evaluate(set.dataset, scopedSamples(set));
        expect(run.stderr).not.toMatch(/internal error|passk: /);
        expect(run.code).toBe(0);
        const all = published(set.results);
        expect(all.size).toBe(set.problems);
        const reference = new Map([...all].filter(([taskId]) => run.results.has(taskId)));
        expect(reference.size).toBe(run.results.size);
        const disagreements: string[] = [];
        const unexplained: string[] = [];
        for (const [taskId, verdict] of reference) {
          const ours = run.results.get(taskId);
          const base = ours?.subsets.base;
          const plus = ours?.passed;
          if (base === verdict.base && plus === verdict.plus) continue;
          disagreements.push(taskId);
          if (!set.explained[taskId]?.detail.test(ours?.detail ?? ''))
            unexplained.push(
              `${taskId}: published base ${verdict.base} plus ${verdict.plus}, passk base ${base} plus ${plus} (${ours?.detail})`,
            );
        }
        expect(unexplained).toEqual([]);
        const agreement = 1 - disagreements.length / reference.size;
        // passk's judge (the solution in a process of its own, outputs compared apart as plain
        // data) flags no real sample: its verdict is EvalPlus's own check's everywhere.
        const flagged = [...run.results].filter(([, ours]) => ours.reference !== undefined);
        expect(flagged.map(([taskId, ours]) => `${taskId}: ${ours.detail}`)).toEqual([]);
        console.log(
          `${set.name}: ${reference.size - disagreements.length}/${reference.size} agree (${disagreements.length} explained); ${flagged.length} judged differently from EvalPlus's own check`,
        );
        if (!FULL) return;
        expect(agreement).toBeGreaterThanOrEqual(0.99);

        // passk's pass@1 (n = 1 per task) is its pass count over the problems, by EvalPlus's own
        // estimator (NumPy) too; with the explained timing-dependent verdicts taken as published
        // it reproduces the published figures exactly.
        const summary = JSON.parse(run.stdout);
        const percent = (value: number) => Math.round(value * 1000) / 10;
        const verdictOf = (taskId: string, key: 'base' | 'plus') => {
          const ours = run.results.get(taskId);
          return key === 'base' ? ours?.subsets.base === true : ours?.passed === true;
        };
        const adjusted = (key: 'base' | 'plus') =>
          [...reference].filter(([taskId, verdict]) =>
            disagreements.includes(taskId) ? verdict[key] : verdictOf(taskId, key),
          ).length / set.problems;
        expect([percent(adjusted('base')), percent(adjusted('plus'))]).toEqual(set.published);
        const counts = (key: 'base' | 'plus') =>
          [...reference.keys()].map((taskId) => [1, verdictOf(taskId, key) ? 1 : 0] as const);
        expect(
          Math.abs(
            summary.pass_at_k['1'].estimate - (humanEvalPassAtK(counts('plus'), [1])['1'] ?? -1),
          ),
        ).toBeLessThanOrEqual(1e-12);
        expect(
          Math.abs(
            summary.subsets.base.pass_at_k['1'].estimate -
              (humanEvalPassAtK(counts('base'), [1])['1'] ?? -1),
          ),
        ).toBeLessThanOrEqual(1e-12);
      }, 600_000);
    }

    it("EvalPlus `solution` samples (the programs EvalPlus recorded) get EvalPlus's verdicts", async () => {
      const set = SETS[0] as ParitySet;
      const recorded = JSON.parse(gunzipSync(readFileSync(set.results)).toString('utf8')) as {
        eval: Record<string, { solution: string }[]>;
      };
      const samples = join(cacheDir, 'solutions.jsonl');
      const taskIds = Object.keys(recorded.eval).slice(0, 40);
      writeFileSync(
        samples,
        taskIds
          .map(
            (taskId) =>
              `${JSON.stringify({ task_id: taskId, solution: recorded.eval[taskId]?.[0]?.solution })}\n`,
          )
          .join(''),
      );
      const run = await evaluate(set.dataset, samples);
      expect(run.code).toBe(0);
      const reference = published(set.results);
      const ours = taskIds.map((taskId) => [
        taskId,
        run.results.get(taskId)?.subsets.base,
        run.results.get(taskId)?.passed,
      ]);
      expect(ours).toEqual(
        taskIds.map((taskId) => [taskId, reference.get(taskId)?.base, reference.get(taskId)?.plus]),
      );
    }, 300_000);

    it('Mbpp/123 is the timing-dependent verdict: a base input over the 1 s limit', async () => {
      const samples = join(cacheDir, 'mbpp-123.jsonl');
      const all = gunzipSync(readFileSync(join(QWEN, 'mbpp/generated.jsonl.gz')))
        .toString('utf8')
        .split('\n')
        .filter((line) => line.includes('"Mbpp/123"'));
      writeFileSync(samples, `${all.join('\n')}\n`);
      const run = await evaluate('mbpp-plus-v0.1.0', samples);
      expect(run.results.get('Mbpp/123')?.detail).toBe(
        'base: fail, plus: fail (base input 1 over its 1 s limit)',
      );
    }, 300_000);
  },
);
