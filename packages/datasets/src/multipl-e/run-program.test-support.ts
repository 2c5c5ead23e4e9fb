import {
  type Executor,
  judgeProgram,
  type Language,
  type Program,
  type ToolchainInfo,
  type Verdict,
} from '@passk/core';
import { builtinLanguages } from '@passk/languages';

/** A language plugin with its detected toolchain, or why it cannot run here. */
export type LanguageSetup =
  | { readonly language: Language; readonly toolchain: ToolchainInfo; readonly skip?: undefined }
  | { readonly skip: string };

const setups = new Map<string, Promise<LanguageSetup>>();

/**
 * The built-in language `id` and its toolchain, detected once per test file, or the reason
 * it cannot run (plugin not built in on this branch, toolchain not installed).
 */
export function languageSetup(id: string): Promise<LanguageSetup> {
  let setup = setups.get(id);
  if (setup === undefined) {
    setup = (async (): Promise<LanguageSetup> => {
      const factory = (builtinLanguages as Record<string, (() => Language) | undefined>)[id];
      if (factory === undefined) return { skip: `no built-in '${id}' language plugin` };
      const language = factory();
      const toolchain = await language.detect();
      if (!toolchain.available) return { skip: toolchain.problem ?? `${id} toolchain not found` };
      return { language, toolchain };
    })();
    setups.set(id, setup);
  }
  return setup;
}

/**
 * Runs `program` through the language's steps on `executor` and judges it as a run does
 * (`judgeProgram` of @passk/core).
 */
export async function runProgram(
  executor: Executor,
  language: Language,
  toolchain: ToolchainInfo,
  program: Program,
  timeoutFactor = 1,
): Promise<{ verdict: Verdict; stdout: string; stderr: string }> {
  const { verdict, result } = await judgeProgram({
    language,
    toolchain,
    executor,
    program,
    timeoutFactor,
  });
  const last = result?.steps.at(-1);
  return { verdict, stdout: last?.stdoutTail ?? '', stderr: last?.stderrTail ?? '' };
}
