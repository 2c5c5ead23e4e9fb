import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type FakeRequest, startFakeModelServer } from '@passk/providers/test';
import { describe, expect, it } from 'vitest';
import { args, DATA_DIR, runCli, workspace } from './run-cli.ts';

interface HumanEvalRecord {
  readonly task_id: string;
  readonly prompt: string;
  readonly canonical_solution: string;
  readonly entry_point: string;
}

const problems: readonly HumanEvalRecord[] = gunzipSync(
  readFileSync(join(DATA_DIR, 'humaneval/HumanEval.jsonl.gz')),
)
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as HumanEvalRecord);

const problemOf = (request: FakeRequest) => {
  const found = problems.find((problem) => request.prompt.includes(problem.prompt.trim()));
  if (!found) throw new Error('unknown prompt');
  return found;
};

/**
 * Chat answers the way instruction-tuned models write them, built from each task's reference
 * solution: prose, a thinking trace, the whole program in a fence followed by example usage,
 * asserts with made-up expectations and a main guard (all of which extraction must drop),
 * and a second block of "tests".
 */
function chatAnswer(problem: HumanEvalRecord): string {
  return [
    '<think>',
    `Let me reason about ${problem.entry_point} step by step.`,
    '</think>',
    'Here is a complete solution:',
    '',
    '```python',
    `${problem.prompt}${problem.canonical_solution}`,
    '',
    `print(${problem.entry_point})`,
    `assert ${problem.entry_point} is None, "an example with a wrong expectation"`,
    '',
    'if __name__ == "__main__":',
    '    import doctest',
    '    doctest.testmod()',
    '```',
    '',
    'You can test it with:',
    '```python',
    `assert ${problem.entry_point} is None`,
    '```',
  ].join('\n');
}

/**
 * The terse style, continuing Anthropic's assistant prefill (which opens a Python fence): only
 * the entry point's signature and body, without the prompt's imports, docstring or helper
 * functions, which extraction must bring back from the prompt.
 */
function prefilledAnswer(problem: HumanEvalRecord): string {
  // The entry point's definition as the prompt has it, without its docstring (and so without
  // the prompt's imports and helpers above it); body lines before the docstring stay (115).
  const start = problem.prompt.search(new RegExp(`^def ${problem.entry_point}\\(`, 'm'));
  if (start === -1) throw new Error(`no signature in ${problem.task_id}`);
  const definition = problem.prompt.slice(start).replace(/\s*("""|''')[\s\S]*?\1\s*$/, '\n');
  return `\n${definition}${problem.canonical_solution}\`\`\`\n\nThis runs in linear time.`;
}

/** The results of the run in `directory` that did not pass. */
function notPassed(directory: string): { task_id: string; status: string; detail: string }[] {
  return readFileSync(join(directory, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { task_id: string; status: string; detail: string })
    .filter((record) => record.status !== 'passed');
}

describe('chat extraction on every HumanEval task', () => {
  it('answers built from the reference solutions all pass after extraction (164 / 164)', async () => {
    const server = await startFakeModelServer({
      answer: (request) => ({ text: chatAnswer(problemOf(request)) }),
    });
    try {
      const { dir, env } = workspace();
      const result = await runCli(
        args`run --dataset humaneval --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} --concurrency 32 --json --out r`,
        { cwd: dir, env: { ...env, OPENAI_API_KEY: 'sk-test' } },
      );
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(notPassed(join(dir, 'r'))).toEqual([]);
      expect(summary.statuses.passed).toBe(164);
      expect(summary.generation.strategies).toEqual({
        'fenced-blocks:program+reasoning-stripped': 164,
      });
    } finally {
      await server.close();
    }
  });

  it("terse answers continuing the prefill get the prompt's imports and helpers back (164 / 164)", async () => {
    const server = await startFakeModelServer({
      answer: (request) => {
        expect(request.prefill).toMatch(/```python$/);
        return { text: prefilledAnswer(problemOf(request)) };
      },
    });
    try {
      const { dir, env } = workspace();
      const result = await runCli(
        args`run --dataset humaneval --model anthropic:claude-sonnet-4-20250514 --base-url ${server.baseUrls.anthropic} --stream --concurrency 32 --json --out r`,
        { cwd: dir, env: { ...env, ANTHROPIC_API_KEY: 'sk-ant-test' } },
      );
      expect(result.code).toBe(0);
      expect(notPassed(join(dir, 'r'))).toEqual([]);
      expect(JSON.parse(result.stdout).generation.strategies).toEqual({
        'fenced-block:program': 164,
      });
    } finally {
      await server.close();
    }
  });
});
