import type { Executor } from '../spec/executor.ts';
import type { ToolchainInfo } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import type { SampleRecord } from '../spec/run.ts';
import {
  normalizePythonPrograms,
  PYTHON_AST_NORMALIZATION,
} from '../stats/diversity/normalize-python-programs.ts';
import { sampleKey } from '../store/run-files.ts';

/** Inputs of {@link pythonProgramForms}. */
export interface PythonProgramFormsInput {
  readonly problems: readonly Problem[];
  /** Samples per problem considered. */
  readonly n: number;
  readonly samples: ReadonlyMap<string, SampleRecord>;
  readonly executor: Executor;
  /** The run's Python toolchain; absent or unavailable: no forms. */
  readonly toolchain: ToolchainInfo | undefined;
  readonly signal?: AbortSignal;
}

/**
 * The AST forms of a run's Python samples, for `summarizeRun`'s `programForms`: each sample's
 * module (prompt + completion, or the whole solution) is parsed in one sandboxed job
 * (`normalizePythonPrograms`); identical texts are parsed once. Samples that do not parse get
 * no form (they are compared by text).
 *
 * @returns The forms by `sampleKey` and the normalization's description, or an empty map and
 *   no description when there are no Python samples or Python could not be used.
 */
export async function pythonProgramForms(
  input: PythonProgramFormsInput,
): Promise<{ forms: Map<string, string>; normalization?: string }> {
  const keysByText = new Map<string, string[]>();
  for (const problem of input.problems) {
    if (problem.language !== 'python') continue;
    for (let index = 0; index < input.n; index++) {
      const key = sampleKey(problem.id, index, problem.language);
      const sample = input.samples.get(key);
      if (!sample || sample.error) continue;
      const text =
        sample.kind === 'completion' ? problem.prompt + sample.completion : sample.completion;
      const keys = keysByText.get(text) ?? [];
      keys.push(key);
      keysByText.set(text, keys);
    }
  }
  const forms = new Map<string, string>();
  if (keysByText.size === 0 || input.toolchain === undefined) return { forms };
  const texts = [...keysByText.keys()];
  const normalized = await normalizePythonPrograms(texts, {
    executor: input.executor,
    toolchain: input.toolchain,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  if (normalized === undefined) return { forms };
  for (const [i, text] of texts.entries()) {
    const form = normalized[i];
    if (form === null || form === undefined) continue;
    const value = `python-ast:${form}`; // one string for every sample of this text
    for (const key of keysByText.get(text) ?? []) forms.set(key, value);
  }
  return { forms, normalization: `${PYTHON_AST_NORMALIZATION} (samples that parse)` };
}
