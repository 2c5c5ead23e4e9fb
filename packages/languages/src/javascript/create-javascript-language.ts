import type { ExecutionLimits, Language } from '@passk/core';
import { judgement } from '../internal/verdict.ts';
import { classifyHumanEvalXJavaScript } from './classify-humaneval-x-javascript.ts';
import { classifyMultiplENodeRun } from './classify-multipl-e-node.ts';
import { detectNode, type NodeToolchain } from './detect-node.ts';
import { javascriptJudge, javascriptSteps } from './javascript-steps.ts';

/** Default address-space limit of a JavaScript run: 4 GiB. */
export const JAVASCRIPT_DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;
/** Default cap on each of stdout and stderr: 1 MiB. */
export const JAVASCRIPT_DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options of {@link createJavaScriptLanguage}. */
export interface JavaScriptLanguageOptions {
  /** Node.js executable instead of searching (see `detectNode`). */
  readonly node?: string;
  /** Environment read during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Address-space limit per run in bytes, 0 for none (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per run before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/**
 * The JavaScript language (`javascript`, aliases `js` and `node`, extension `.js`), run with
 * Node.js.
 *
 * Judges: `humaneval-x` (CodeGeeX: `node test.js`, pass iff stdout and stderr are empty, see
 * `classifyHumanEvalXJavaScript`) and `multipl-e` (MultiPL-E: `node <file>`, pass on exit code 0,
 * see `classifyMultiplENodeRun`). Both need evidence that the program ran to its end (a
 * preloaded hook reports Node's `beforeExit`), so `process.exit(0)` before the tests finish is
 * not a pass; the reference's pass is kept in `Verdict.reference`. `steps()` and `classify()`
 * throw `UnknownIdError` for another judge.
 */
export function createJavaScriptLanguage(options: JavaScriptLanguageOptions = {}): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? JAVASCRIPT_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? JAVASCRIPT_DEFAULT_MAX_MEMORY_BYTES,
  };
  let detected: Promise<NodeToolchain> | undefined;
  return {
    id: 'javascript',
    aliases: ['js', 'node'],
    extension: '.js',
    detect() {
      detected ??= detectNode({ node: options.node, env: options.env });
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return javascriptSteps(program, toolchain, stepOptions);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      const judge = javascriptJudge(program.judge);
      const run = result.steps.at(-1);
      if (run !== undefined && run.name !== 'run') {
        return judgement(
          'infra_error',
          `step '${run.name}' failed: ${run.stderrTail.trim().slice(0, 200)}`,
        );
      }
      if (run?.spawnError !== undefined) {
        return judgement('toolchain_missing', `Node.js could not be started: ${run.spawnError}`);
      }
      if (judge === 'humaneval-x') return classifyHumanEvalXJavaScript(result);
      if (run === undefined) return judgement('infra_error', 'no step ran');
      return classifyMultiplENodeRun(run);
    },
  };
}
