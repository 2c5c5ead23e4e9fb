import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UsageError, VERDICT_STATUSES } from '@passk/core';
import { failedVisibleExample, visibleTestsOf } from '@passk/datasets';
import * as z from 'zod';
import { candidateOf } from '../internal/candidate-of.ts';
import type { DatasetCatalog } from '../internal/dataset-catalog.ts';
import type { ExecutionService } from '../internal/execution-service.ts';
import { toolResult } from '../internal/tool-result.ts';

/** Longest program accepted, in characters. */
const MAX_CODE_CHARS = 1_000_000;

const OUTPUT_SHAPE = {
  status: z.enum(VERDICT_STATUSES as [string, ...string[]]).describe('the verdict'),
  passed: z.boolean(),
  duration_ms: z.number().describe('execution time of the program'),
  tests: z.enum(['visible', 'hidden']),
  kind: z.enum(['completion', 'solution']).describe('how the code was read'),
  detail: z
    .string()
    .optional()
    .describe("the reason in the benchmark's words (visible tests only)"),
  failed_example: z
    .object({
      example: z.number().int().describe('number of the example, from 1'),
      input: z.string(),
      expected: z.string().optional(),
      message: z.string().describe('what went wrong'),
    })
    .optional()
    .describe('the visible example that failed, when the failure names one'),
  stdout_tail: z.string().optional().describe('end of the output (visible tests only)'),
  stderr_tail: z.string().optional().describe('end of the error output (visible tests only)'),
};

/**
 * Registers `check_solution`: runs code against a problem's visible examples or its hidden
 * tests, in the sandbox, with the benchmark's assembly, limits and verdict rule (the path of
 * `passk evaluate`). Hidden-test results carry status, passed and duration only.
 */
export function registerCheckSolution(
  server: McpServer,
  catalog: DatasetCatalog,
  execution: ExecutionService,
): void {
  server.registerTool(
    'check_solution',
    {
      title: 'Check a solution',
      description:
        "Runs code for one problem in passk's sandbox with the benchmark's rules and returns the verdict. tests: 'visible' runs the examples the prompt shows and says which one failed and how; 'hidden' runs the benchmark's own tests and says only status, passed and duration. code is a completion of the prompt or a whole program (kind, default auto: code that defines the entry point is a whole program).",
      inputSchema: {
        dataset: z.string().describe("dataset id, e.g. 'humaneval'"),
        task_id: z.string().describe("task id, e.g. 'HumanEval/0'"),
        code: z.string().max(MAX_CODE_CHARS).describe('the completion or the whole program'),
        tests: z.enum(['visible', 'hidden']).describe('which tests to run'),
        kind: z
          .enum(['completion', 'solution', 'auto'])
          .optional()
          .describe(
            'completion (continues the prompt), solution (whole program) or auto (default)',
          ),
      },
      outputSchema: OUTPUT_SHAPE,
      annotations: {
        readOnlyHint: true,
        idempotentHint: true,
        destructiveHint: false,
        openWorldHint: false,
      },
    },
    async ({ dataset: datasetId, task_id, code, tests, kind }, extra) => {
      const { dataset, problem } = await catalog.problem(datasetId, task_id);
      const candidate = candidateOf(problem, code, kind ?? 'auto');
      let tested = problem;
      if (tests === 'visible') {
        const visible = visibleTestsOf(dataset)?.visibleTests(problem);
        if (visible === undefined) {
          throw new UsageError({
            message: `${datasetId} ${task_id} has no visible tests (${visibleTestsOf(dataset) ? 'its prompt shows no runnable example' : `dataset '${datasetId}' does not offer visible tests`}); use tests: 'hidden'`,
          });
        }
        tested = visible.problem;
      }
      const program = dataset.buildProgram(tested, candidate);
      const { verdict, result } = await execution.judge(program, extra.signal);
      const durationMs = Math.round(
        (result?.steps ?? []).reduce((total, step) => total + step.durationMs, 0),
      );
      const base = {
        status: verdict.status,
        passed: verdict.passed,
        duration_ms: durationMs,
        tests,
        kind: candidate.kind,
      };
      if (tests === 'hidden') {
        return toolResult(
          `${verdict.status} on the hidden tests of ${task_id} (${durationMs} ms)`,
          base,
        );
      }
      const visible = visibleTestsOf(dataset)?.visibleTests(problem);
      const failure = verdict.passed ? undefined : failedVisibleExample(verdict.detail);
      const example = failure ? visible?.examples[failure.example - 1] : undefined;
      const last = result?.steps.at(-1);
      return toolResult(
        `${verdict.status} on the visible examples of ${task_id}${failure ? `: example ${failure.example}: ${failure.message}` : verdict.passed ? '' : `: ${verdict.detail}`}`,
        {
          ...base,
          detail: verdict.detail,
          ...(failure && example
            ? {
                failed_example: {
                  example: failure.example,
                  input: example.input,
                  ...(example.expected === undefined ? {} : { expected: example.expected }),
                  message: failure.message,
                },
              }
            : {}),
          ...(last ? { stdout_tail: last.stdoutTail, stderr_tail: last.stderrTail } : {}),
        },
      );
    },
  );
}
