import { FORK_PROTOCOL, type Program, type Step, type StepOptions } from '@passk/core';
import { assetPath } from '../internal/asset-path.ts';
import { hostMounts } from '../internal/host-mounts.ts';
import { selectJudge } from '../internal/select-judge.ts';
import { testEvidenceSteps } from '../internal/test-evidence.ts';
import {
  isolatedJudgeStep,
  JS_TEST_EVIDENCE,
  MULTIPL_E_JS_TEST_END,
  nodeRunStep,
} from '../javascript/javascript-steps.ts';
import type { TypeScriptToolchain } from './detect-typescript.ts';

/** The verdict rules (`Program.judge`) of the TypeScript language. */
export const TYPESCRIPT_JUDGES = ['multipl-e'] as const;
/** One of {@link TYPESCRIPT_JUDGES}. */
export type TypeScriptJudge = (typeof TYPESCRIPT_JUDGES)[number];

/** MultiPL-E's time limit for `tsc`, in milliseconds. */
export const TSC_TIMEOUT_MS = 15_000;

/** The warm compiler: a `passk-fork-v1` server running tsc's own driver in-process. */
export const TSC_SERVER_PATH = assetPath('typescript/tsc-server.cjs');

/** Returns `judge` when it is a TypeScript judge. @throws UnknownIdError otherwise. */
export function typescriptJudge(judge: string): TypeScriptJudge {
  return selectJudge('typescript', judge, TYPESCRIPT_JUDGES);
}

/** The JavaScript file `tsc` writes for `file` (`main.ts` → `main.js`). */
export function compiledFile(file: string): string {
  return `${file.replace(/\.(ts|tsx|mts|cts)$/, '')}.js`;
}

/**
 * The steps of a MultiPL-E TypeScript program, as `eval_ts.py` runs it, after `prepare` (writes
 * `JS_TEST_EVIDENCE` into the test function `function test()`; no step when there is none):
 * - `compile`: `node <tsc> --target esnext <mainFile>` (no tsconfig, so no `strict`, default
 *   libraries including the DOM; type errors fail), 15 s × `timeoutFactor`;
 * - `run`: `node --require <completion hook> <mainFile as .js>`, the program's limit × factor;
 * - `judge`: the isolated judge on the compiled file kept from `compile`, in a fresh work area
 *   (`isolatedJudgeStep`; it deletes both files).
 *
 * With `warmCompiler` the compile step offers {@link TSC_SERVER_PATH} as its warm server
 * (same result, without starting Node.js and loading the compiler per sample) and mounts it.
 *
 * @throws UnknownIdError for another judge.
 */
export function typescriptSteps(
  program: Program,
  toolchain: TypeScriptToolchain,
  options: StepOptions,
  warmCompiler = true,
): readonly Step[] {
  typescriptJudge(program.judge);
  const node = toolchain.node ?? { available: false };
  const tsc = toolchain.path ?? 'tsc';
  const compile: Step = {
    name: 'compile',
    argv: [node.path ?? 'node', tsc, '--target', 'esnext', program.mainFile],
    timeoutMs: TSC_TIMEOUT_MS * options.timeoutFactor,
    // For the isolated judge, as tsc wrote it (no code of the program has run yet).
    keepFiles: [compiledFile(program.mainFile)],
    ...(warmCompiler && node.path !== undefined
      ? {
          // The server's script is an asset outside the sandbox's system directories.
          mounts: hostMounts([node.directory, toolchain.packageDirectory, TSC_SERVER_PATH]),
          server: { argv: [node.path, TSC_SERVER_PATH, tsc], protocol: FORK_PROTOCOL },
        }
      : { mounts: hostMounts([node.directory, toolchain.packageDirectory]) }),
  };
  return [
    ...testEvidenceSteps(program, MULTIPL_E_JS_TEST_END, JS_TEST_EVIDENCE),
    compile,
    nodeRunStep(node, compiledFile(program.mainFile), program.timeoutMs * options.timeoutFactor),
    isolatedJudgeStep(
      node,
      'multipl-e',
      program,
      compiledFile(program.mainFile),
      program.timeoutMs * options.timeoutFactor,
      { hidden: [program.mainFile] },
    ),
  ];
}
