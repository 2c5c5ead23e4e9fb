import type { ExecutionLimits, Language } from '@passk/core';
import {
  JAVASCRIPT_DEFAULT_MAX_MEMORY_BYTES,
  JAVASCRIPT_DEFAULT_MAX_OUTPUT_BYTES,
} from '../javascript/create-javascript-language.ts';
import { classifyMultiplETypeScript } from './classify-multipl-e-typescript.ts';
import { detectTypeScript, type TypeScriptToolchain } from './detect-typescript.ts';
import { typescriptJudge, typescriptSteps } from './typescript-steps.ts';

/** Options of {@link createTypeScriptLanguage}. */
export interface TypeScriptLanguageOptions {
  /** The `tsc` script instead of searching (see `detectTypeScript`). */
  readonly tsc?: string;
  /** Node.js executable instead of searching. */
  readonly node?: string;
  /** Environment read during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Address-space limit per step in bytes, 0 for none (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
  /** Offer the warm compiler server for `tsc` steps (default true; see `typescriptSteps`). */
  readonly warmCompiler?: boolean;
}

/**
 * The TypeScript language (`typescript`, alias `ts`, extension `.ts`): compiled with `tsc`
 * and run with Node.js.
 *
 * Judge: `multipl-e` (MultiPL-E's `eval_ts.py`: `tsc --target esnext` then `node`; see
 * `classifyMultiplETypeScript`). The tests use Node's legacy loose `assert.deepEqual`, so they
 * need no help from passk. `steps()` and `classify()` throw `UnknownIdError` for another judge.
 */
export function createTypeScriptLanguage(options: TypeScriptLanguageOptions = {}): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? JAVASCRIPT_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? JAVASCRIPT_DEFAULT_MAX_MEMORY_BYTES,
  };
  let detected: Promise<TypeScriptToolchain> | undefined;
  return {
    id: 'typescript',
    aliases: ['ts'],
    extension: '.ts',
    detect() {
      detected ??= detectTypeScript({ tsc: options.tsc, node: options.node, env: options.env });
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return typescriptSteps(program, toolchain, stepOptions, options.warmCompiler ?? true);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      typescriptJudge(program.judge);
      return classifyMultiplETypeScript(result);
    },
  };
}
