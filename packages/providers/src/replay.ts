import {
  defineProvider,
  type Provider,
  readSamplesFile,
  type SamplesFile,
  samplesForProblem,
} from '@passk/core';
import { missingSample } from './internal/failed-generation.ts';

/** Options of `createReplayProvider`. */
export interface ReplayOptions {
  /** The samples file (human-eval, EvalPlus or HumanEval-X format). */
  readonly path: string;
  /** The samples, already parsed (e.g. `parseSamples` of records); `path` is then only a name. */
  readonly samples?: SamplesFile;
  /** Provider id (default `replay:<path>`). */
  readonly id?: string;
  /** Model name for the manifest (default the file name). */
  readonly model?: string;
  /**
   * Names a line's `language` may use for a problem's language id (its aliases, e.g. `rkt` for
   * `racket`); default the id alone. Used where task ids repeat across languages.
   */
  readonly languageNames?: (languageId: string) => readonly string[];
}

/** A replay provider with what it read, for choosing tasks and n. */
export interface ReplayProvider extends Provider {
  /** The parsed file; available after `prepare()`. */
  samplesFile(): SamplesFile;
}

/**
 * Replays a samples file as if a model produced it: sample i of a task is the task's i-th
 * line (among the lines of its language, when lines name one: `samplesForProblem`). A request beyond the file's samples is a `missing_sample` failure, not a guess.
 */
export function createReplayProvider(options: ReplayOptions): ReplayProvider {
  let file: SamplesFile | undefined = options.samples;
  return defineProvider<ReplayProvider>({
    id: options.id ?? `replay:${options.path}`,
    model: options.model ?? options.path.split('/').at(-1) ?? options.path,
    cacheable: false,
    async prepare() {
      file ??= await readSamplesFile(options.path);
    },
    async generate({ problem, sampleIndex }) {
      file ??= await readSamplesFile(options.path);
      const samples = samplesForProblem(
        file,
        problem,
        options.languageNames?.(problem.language) ?? [problem.language],
      );
      const sample = samples[sampleIndex];
      if (!sample) {
        return missingSample(
          `${options.path} has ${samples.length} samples for ${problem.id} (${problem.language}); sample ${sampleIndex} was requested`,
        );
      }
      return {
        text: sample.code,
        completion: sample.code,
        kind: sample.kind,
        finishReason: 'replay',
        latencyMs: 0,
      };
    },
    samplesFile() {
      if (!file) throw new Error('replay provider used before prepare()');
      return file;
    },
  });
}
