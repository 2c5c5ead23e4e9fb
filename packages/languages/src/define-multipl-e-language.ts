import type { Language, Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import {
  defineLanguageFactory,
  type LanguageNames,
  type LanguageOptions,
} from './define-language.ts';
import {
  type DetectedToolchain,
  detectToolchain,
  type ToolchainRequirements,
} from './detect-toolchain.ts';
import { judgeMultiplE, type MultiplERules } from './multipl-e-judge.ts';

/** The judges (`Program.judge`) of the languages defined with {@link defineMultiplELanguage}. */
export const MULTIPL_E_JUDGES = ['multipl-e'] as const;

/** Options every language defined with {@link defineMultiplELanguage} accepts. */
export type MultiplELanguageOptions = LanguageOptions;

/** What a language judged by MultiPL-E's rules consists of. */
export interface MultiplELanguageDefinition {
  /** Canonical id, aliases, source file extension. */
  readonly names: LanguageNames;
  /** The commands and libraries it needs; `language` defaults to `rules.language`. */
  readonly requirements: Omit<ToolchainRequirements, 'language' | 'env'> & {
    readonly language?: string;
  };
  /** The build and run steps of a `multipl-e` program; the run step is named `run`. */
  readonly steps: (program: Program, toolchain: ToolchainInfo, options: StepOptions) => Step[];
  /** MultiPL-E's verdict rule and passk's completion evidence. */
  readonly rules: MultiplERules;
  /** Address-space limit when the options give none (default 4 GiB; 0 = none, for VMs that reserve more). */
  readonly defaultMaxMemoryBytes?: number;
}

/**
 * A factory of language plugins from a definition (see `defineLanguageFactory`): `detect()`
 * runs `detectToolchain` once and is cached; `steps()` and `classify()` (`judgeMultiplE` with
 * the definition's rules) accept the `multipl-e` judge and throw `UnknownIdError` for any other.
 */
export function defineMultiplELanguageFactory(
  definition: MultiplELanguageDefinition,
): (options?: MultiplELanguageOptions) => Language {
  const { names, requirements, steps, rules, defaultMaxMemoryBytes } = definition;
  return defineLanguageFactory({
    names,
    detect: ({ env }: MultiplELanguageOptions): Promise<DetectedToolchain> =>
      detectToolchain({ language: rules.language, ...requirements, env }),
    rules: {
      judges: MULTIPL_E_JUDGES,
      steps,
      classify: (_judge, result) => judgeMultiplE(result, rules),
    },
    ...(defaultMaxMemoryBytes === undefined ? {} : { defaultMaxMemoryBytes }),
  });
}

/** The language plugin of `definition` with `options` (see {@link defineMultiplELanguageFactory}). */
export function defineMultiplELanguage(
  definition: MultiplELanguageDefinition,
  options: MultiplELanguageOptions = {},
): Language {
  return defineMultiplELanguageFactory(definition)(options);
}
