import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Program, Step, StepMount, StepOptions } from '@passk/core';
import { assetPath } from '../internal/asset-path.ts';
import { hostMounts } from '../internal/host-mounts.ts';
import { selectJudge } from '../internal/select-judge.ts';
import { testEvidenceSteps, testFunctionEnd } from '../internal/test-evidence.ts';
import type { NodeToolchain } from './detect-node.ts';
import { JUDGE_STEP } from './isolated-node-verdict.ts';

/** The verdict rules (`Program.judge`) of the JavaScript language. */
export const JAVASCRIPT_JUDGES = ['humaneval-x', 'multipl-e'] as const;
/** One of {@link JAVASCRIPT_JUDGES}. */
export type JavaScriptJudge = (typeof JAVASCRIPT_JUDGES)[number];

/** Preloaded module that writes {@link COMPLETION_REPORT_FILE} when the program ends normally. */
export const COMPLETION_HOOK_PATH = assetPath('javascript/completion-hook.cjs');
/** Report file the completion hook writes in the work directory. */
export const COMPLETION_REPORT_FILE = 'passk-completion.json';

/**
 * Written after the last assertion of the benchmark's test function: marks the tests as run to
 * their end, which the completion hook reports as `tests` (a pass needs it).
 */
export const JS_TEST_EVIDENCE =
  "  Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true);\n";

/** The end of MultiPL-E's JavaScript and TypeScript test function: `function test() {` … `}`, `test();`. */
export const MULTIPL_E_JS_TEST_END = testFunctionEnd({
  header: /^function test\(\) \{$/,
  close: /^\}$/,
  rest: /^\s*test\(\);\s*$/,
});

/** The end of HumanEval-X's JavaScript test function: `const testX = () => {` … `}`, `testX()`. */
export const HUMANEVAL_X_JS_TEST_END = testFunctionEnd({
  header: /^const test\w+ = \(\) => \{$/,
  close: /^\}$/,
  rest: /^\s*test\w+\(\)\s*$/,
});

/** Returns `judge` when it is a JavaScript judge. @throws UnknownIdError otherwise. */
export function javascriptJudge(judge: string): JavaScriptJudge {
  return selectJudge('javascript', judge, JAVASCRIPT_JUDGES);
}

/**
 * The `node_modules` directory holding `js-md5@0.7.3`, the one npm package HumanEval-X's
 * reference image installs globally (`NODE_PATH`) for JavaScript/162; undefined when it is
 * not installed.
 */
export const JS_MD5_MODULES_DIR: string | undefined = (() => {
  try {
    const manifest = createRequire(import.meta.url).resolve('js-md5/package.json');
    return dirname(dirname(manifest));
  } catch {
    return undefined;
  }
})();

/**
 * The step that runs `file` with Node.js and the completion hook:
 * `node --require <hook> <file>`, reporting to {@link COMPLETION_REPORT_FILE}.
 */
export function nodeRunStep(
  toolchain: NodeToolchain,
  file: string,
  timeoutMs: number,
  extra: { readonly env?: Readonly<Record<string, string>>; readonly mounts?: StepMount[] } = {},
): Step {
  return {
    name: 'run',
    argv: [toolchain.path ?? 'node', '--require', COMPLETION_HOOK_PATH, file],
    timeoutMs,
    reportFile: COMPLETION_REPORT_FILE,
    // The isolated judge skips its tests when the reference run did not complete.
    keepFiles: [COMPLETION_REPORT_FILE],
    ...(extra.env ? { env: extra.env } : {}),
    mounts: [...hostMounts([toolchain.directory, COMPLETION_HOOK_PATH]), ...(extra.mounts ?? [])],
  };
}

/** passk's isolated judge for Node.js test programs (process A; see the file's header). */
export const ISOLATED_JUDGE_PATH = assetPath('javascript/isolated-judge.cjs');
/** The process B of the isolated judge: the candidate's part of the program, serving calls. */
export const ISOLATED_CANDIDATE_PATH = assetPath('javascript/isolated-candidate.cjs');

/**
 * The step that runs the benchmark's tests of `file` apart from the candidate's code
 * (`node isolated-judge.cjs <judge> <file> <hidden…>`), after the reference run, in a fresh
 * work area holding only `program`'s files and what earlier steps kept (`Step.keepFiles`: the
 * completion report, a compiled file), so that nothing the reference run left reaches the
 * candidate's process: the tests get `timeoutMs`, the step `2 × timeoutMs + 3 s`; `hidden` are
 * other files holding the tests, deleted before the candidate's code runs. Its exit code never
 * stops the job.
 */
export function isolatedJudgeStep(
  toolchain: NodeToolchain,
  judge: JavaScriptJudge,
  program: Program,
  file: string,
  timeoutMs: number,
  extra: {
    readonly hidden?: readonly string[];
    readonly env?: Readonly<Record<string, string>>;
    readonly mounts?: StepMount[];
  } = {},
): Step {
  return {
    name: JUDGE_STEP,
    argv: [toolchain.path ?? 'node', ISOLATED_JUDGE_PATH, judge, file, ...(extra.hidden ?? [])],
    timeoutMs: 2 * timeoutMs + 3000,
    stopOnFailure: false,
    freshFiles: program.files,
    env: { ...extra.env, PASSK_JUDGE_TIMEOUT_MS: String(timeoutMs) },
    mounts: [
      ...hostMounts([toolchain.directory, ISOLATED_JUDGE_PATH, ISOLATED_CANDIDATE_PATH]),
      ...(extra.mounts ?? []),
    ],
  };
}

/**
 * The steps that run a JavaScript `program`: `prepare` writes {@link JS_TEST_EVIDENCE} into the
 * benchmark's test function (no step when the program does not end with it), then the reference
 * run `run`, `node --require <hook> <mainFile>` with the program's time limit × `timeoutFactor`,
 * then the isolated judge (`isolatedJudgeStep`; for MultiPL-E only after an exit code 0, the
 * only one its rule passes). For `humaneval-x` the step also gets
 * `NODE_PATH` pointing at js-md5 (as HumanEval-X's reference image does).
 *
 * @throws UnknownIdError for another judge.
 */
export function javascriptSteps(
  program: Program,
  toolchain: NodeToolchain,
  options: StepOptions,
): readonly Step[] {
  const timeoutMs = program.timeoutMs * options.timeoutFactor;
  const judge = javascriptJudge(program.judge);
  const evidence = testEvidenceSteps(
    program,
    judge === 'humaneval-x' ? HUMANEVAL_X_JS_TEST_END : MULTIPL_E_JS_TEST_END,
    JS_TEST_EVIDENCE,
  );
  const extra =
    judge === 'humaneval-x' && JS_MD5_MODULES_DIR !== undefined
      ? {
          env: { NODE_PATH: JS_MD5_MODULES_DIR },
          mounts: hostMounts([`${JS_MD5_MODULES_DIR}/js-md5`]),
        }
      : {};
  const run = nodeRunStep(toolchain, program.mainFile, timeoutMs, extra);
  return [
    ...evidence,
    // CodeGeeX ignores the exit code: the judge runs after any exit of the reference run.
    judge === 'humaneval-x' ? { ...run, stopOnFailure: false } : run,
    isolatedJudgeStep(toolchain, judge, program, program.mainFile, timeoutMs, extra),
  ];
}
