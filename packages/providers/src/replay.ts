import { defineProvider, type Provider, readSamplesFile, type SamplesFile } from '@passk/core';
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
}

/** A replay provider with what it read, for choosing tasks and n. */
export interface ReplayProvider extends Provider {
  /** The parsed file; available after `prepare()`. */
  samplesFile(): SamplesFile;
}

/**
 * Replays a samples file as if a model produced it: sample i of a task is the task's i-th
 * line. A request beyond the file's samples is a `missing_sample` failure, not a guess.
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
      const sample = file.byTask.get(problem.id)?.[sampleIndex];
      if (!sample) {
        const available = file.byTask.get(problem.id)?.length ?? 0;
        return missingSample(
          `${options.path} has ${available} samples for ${problem.id}; sample ${sampleIndex} was requested`,
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
