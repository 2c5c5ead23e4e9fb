import {
  defineLanguageFactory,
  type LanguageOptionsOf,
  type WarmCompilerOption,
} from '../define-language.ts';
import { classifyMultiplETypeScript } from './classify-multipl-e-typescript.ts';
import { type DetectTypeScriptOptions, detectTypeScript } from './detect-typescript.ts';
import { TYPESCRIPT_JUDGES, typescriptSteps } from './typescript-steps.ts';

/**
 * The TypeScript language (`typescript`, alias `ts`, extension `.ts`): compiled with `tsc`
 * and run with Node.js; 4 GiB address space and 1 MiB of output per step by default.
 *
 * Judge: `multipl-e` (MultiPL-E's `eval_ts.py`: `tsc --target esnext` then `node`; see
 * `classifyMultiplETypeScript`). The tests use Node's legacy loose `assert.deepEqual`, so they
 * need no help from passk. `steps()` and `classify()` throw `UnknownIdError` for another judge.
 */
export const createTypeScriptLanguage = defineLanguageFactory({
  names: { id: 'typescript', aliases: ['ts'], extension: '.ts' },
  detect: (options: DetectTypeScriptOptions & WarmCompilerOption) => detectTypeScript(options),
  rules: {
    judges: TYPESCRIPT_JUDGES,
    steps: (program, toolchain, stepOptions, { options }) =>
      typescriptSteps(program, toolchain, stepOptions, options.warmCompiler ?? true),
    classify: (_judge, result) => classifyMultiplETypeScript(result),
  },
});

/** Options of {@link createTypeScriptLanguage}: the limits and what `detectTypeScript` takes. */
export type TypeScriptLanguageOptions = LanguageOptionsOf<typeof createTypeScriptLanguage>;
