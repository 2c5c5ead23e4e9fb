import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  checkVisibleTests,
  readCandidate,
  UsageError,
  VERDICT_STATUSES,
  visibleJudgementOf,
} from '@passk/core';
import * as z from 'zod';
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
      const candidate = readCandidate(problem, code, kind ?? 'auto');
      if (tests === 'visible') {
        // The one visible-tests layer of passk (core's checkVisibleTests), shared with agents' run_tests.
        const check = await checkVisibleTests({
          dataset,
          problem,
          candidate,
          judge: async (visibleProblem, visibleCandidate) =>
            visibleJudgementOf(
              await execution.judge(
                dataset.buildProgram(visibleProblem, visibleCandidate),
                extra.signal,
              ),
            ),
        });
        if (check === undefined) {
          throw new UsageError({
            message: `${datasetId} ${task_id} has no visible tests (${dataset.visibleTests ? 'its prompt shows no runnable example' : `dataset '${datasetId}' does not offer visible tests`}); use tests: 'hidden'`,
          });
        }
        const failure = check.failedExample;
        return toolResult(
          `${check.status} on the visible examples of ${task_id}${failure ? `: example ${failure.example}: ${failure.message}` : check.passed ? '' : `: ${check.detail}`}`,
          {
            status: check.status,
            passed: check.passed,
            duration_ms: check.durationMs,
            tests,
            kind: candidate.kind,
            detail: check.detail,
            ...(failure ? { failed_example: failure } : {}),
            ...(check.stdoutTail === undefined
              ? {}
              : { stdout_tail: check.stdoutTail, stderr_tail: check.stderrTail ?? '' }),
          },
        );
      }
      const program = dataset.buildProgram(problem, candidate);
      const { verdict, result } = await execution.judge(program, extra.signal);
      const durationMs = Math.round(
        (result?.steps ?? []).reduce((total, step) => total + step.durationMs, 0),
      );
      return toolResult(`${verdict.status} on the hidden tests of ${task_id} (${durationMs} ms)`, {
        status: verdict.status,
        passed: verdict.passed,
        duration_ms: durationMs,
        tests,
        kind: candidate.kind,
      });
    },
  );
}
