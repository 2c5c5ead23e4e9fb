import type { Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import type { MultiplEIsolatedJudge } from '../define-multipl-e-language.ts';
import { commandPath } from '../detect-toolchain.ts';
import { assetPath } from '../internal/asset-path.ts';
import { judgeStepAfterReference } from '../internal/judge-step-after-reference.ts';

/** Start of the one line `isolated_judge.lua` writes on its stdout. */
export const LUA_VERDICT_MARK = '__passk_lua_verdict__ ';

/**
 * The wrapper that starts process A non-dumpable (an execute-only copy of the interpreter; stock
 * Lua has no FFI for prctl): `sh isolated-judge.sh <lua> <isolated_judge.lua> <file> <ms>`.
 */
export const LUA_JUDGE_WRAPPER_PATH = assetPath('lua/isolated-judge.sh');

/** passk's isolated judge for MultiPL-E Lua programs (process A; see the file's header). */
export const LUA_ISOLATED_JUDGE_PATH = assetPath('lua/isolated_judge.lua');

/** The files of the judge: the wrapper, A, B and the plain-data forms they share. */
const JUDGE_FILES = [
  LUA_JUDGE_WRAPPER_PATH,
  LUA_ISOLATED_JUDGE_PATH,
  assetPath('lua/isolated_candidate.lua'),
  assetPath('lua/isolated_plain_data.lua'),
];

/**
 * Lua's isolated judge for `defineMultiplELanguageFactory` (see `isolated_judge.lua`): one step
 * (`sh isolated-judge.sh <lua> isolated_judge.lua <mainFile> <timeoutMs>`) that runs the
 * benchmark's tests of the program apart from the candidate's code, after the reference run in
 * a fresh work area (see `judgeStepAfterReference`): the tests get the program's time limit ×
 * `timeoutFactor`, the step twice that + 3 s. Its exit code never stops the job. No environment
 * of its own, so that a warm sandbox can run it.
 */
export const LUA_ISOLATED_JUDGE: MultiplEIsolatedJudge = {
  mark: LUA_VERDICT_MARK,
  steps: (program: Program, toolchain: ToolchainInfo, options: StepOptions): Step[] => {
    const lua = commandPath(toolchain, 'lua', 'lua');
    const argv = (timeoutMs: number) =>
      ['/bin/sh', LUA_JUDGE_WRAPPER_PATH, lua, LUA_ISOLATED_JUDGE_PATH, program.mainFile].concat(
        String(timeoutMs),
      );
    return [judgeStepAfterReference(program, options, { argv, files: JUDGE_FILES })];
  },
};
