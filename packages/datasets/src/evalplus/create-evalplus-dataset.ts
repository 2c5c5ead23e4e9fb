import { join } from 'node:path';
import {
  type DataFileSpec,
  type Dataset,
  defineDataset,
  type EvalPlusConfig,
  evalPlusConfigFile,
  InvalidInputError,
  type Problem,
  type Program,
  resolveDataFile,
  sha256File,
} from '@passk/core';
import { readEvalPlusRecords } from './read-evalplus-records.ts';

/** EvalPlus's default smallest per-input time limit (`--min-time-limit`), in ms. */
export const EVALPLUS_MIN_TIME_LIMIT_MS = 4000;

/** EvalPlus's default per-input limit as a multiple of the ground-truth time. */
export const EVALPLUS_GT_TIME_LIMIT_FACTOR = 4;

/**
 * `Program.timeoutMs` of an EvalPlus program: the most a check can take by EvalPlus's rules,
 * two subsets each capped at 60 s plus 3 s to start and reap the child.
 */
export const EVALPLUS_PROGRAM_TIMEOUT_MS = 2 * (60_000 + 3000);

/** Version of the ground-truth files `evalplus_runner.py` writes (its GROUNDTRUTH_FORMAT). */
const GROUNDTRUTH_FORMAT = 2;

/** Options every EvalPlus dataset accepts. */
export interface EvalPlusDatasetOptions {
  /** Use this data file instead of looking one up (its sha256 is still checked). */
  readonly path?: string;
  /** Smallest per-input time limit in ms (default: the dataset's, see the definition). */
  readonly minTimeLimitMs?: number;
  /** Per-input limit as a multiple of the ground-truth time (default 4). */
  readonly gtTimeLimitFactor?: number;
  /** MBPP special oracles to apply (default: the dataset's own, see `EvalPlusConfig`). */
  readonly mbppOracles?: 'v0.1.0' | 'v0.2.0';
}

/** What distinguishes one EvalPlus dataset from another. */
export interface EvalPlusDatasetDefinition {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly file: DataFileSpec;
  /** `humaneval` or `mbpp`: which special oracles and input conversions apply. */
  readonly kind: EvalPlusConfig['kind'];
  readonly stopSequences: readonly string[];
  /** The MBPP special oracles of the EvalPlus releases that scored this data (default v0.2.0). */
  readonly mbppOracles?: 'v0.1.0' | 'v0.2.0';
  /**
   * EvalPlus's default smallest per-input limit while this data was current, in ms (default
   * 4000; 1000 for releases superseded before EvalPlus raised it on 2025-04-02).
   */
  readonly minTimeLimitMs?: number;
}

/** What an EvalPlus problem keeps in `metadata.evalplus`. */
export interface EvalPlusProblemMetadata {
  readonly kind: EvalPlusConfig['kind'];
  readonly dataFile: string;
  readonly groundTruthDir: string;
  readonly taskIndex: number;
  readonly baseInputs: number;
  readonly plusInputs: number;
  readonly atol: number;
}

/**
 * An EvalPlus dataset (HumanEval+, MBPP+) scored as `evalplus.evaluate` scores it: the
 * solution (`solution` samples as they are, `completion` samples appended to the prompt with
 * no separator) is called on every base and plus input and compared with the canonical
 * solution's outputs, computed on this machine once per data file (content hash) in the user
 * cache, with per-input time limits `max(minTimeLimit, factor × ground-truth time)`. The
 * Python language's `evalplus` judge does the work; `passed` is the plus verdict (base ∧ plus)
 * and `subsets.base` the base verdict.
 */
export function createEvalPlusDataset(
  definition: EvalPlusDatasetDefinition,
  options: EvalPlusDatasetOptions = {},
): Dataset {
  const minTimeLimitMs =
    options.minTimeLimitMs ?? definition.minTimeLimitMs ?? EVALPLUS_MIN_TIME_LIMIT_MS;
  const gtTimeLimitFactor = options.gtTimeLimitFactor ?? EVALPLUS_GT_TIME_LIMIT_FACTOR;
  const mbppOracles = options.mbppOracles ?? definition.mbppOracles;
  return defineDataset({
    id: definition.id,
    version: definition.version,
    description: definition.description,
    languages: ['python'],
    files: [definition.file],
    async load(context) {
      const path = await resolveDataFile(definition.file, context, options.path);
      const contentHash = await sha256File(path);
      const groundTruthDir = join(
        context.cacheDir,
        'evalplus',
        `${definition.kind}-${contentHash.slice(0, 16)}-gt${GROUNDTRUTH_FORMAT}`,
      );
      const lines = await readEvalPlusRecords(path);
      if (lines.length === 0) {
        throw new InvalidInputError({ reason: 'no problems in file', location: { file: path } });
      }
      const problems = lines.map(({ record }, taskIndex): Problem => {
        const plusInputs = Array.isArray(record.plus_input) ? record.plus_input.length : 0;
        const evalplus: EvalPlusProblemMetadata = {
          kind: definition.kind,
          dataFile: path,
          groundTruthDir,
          taskIndex,
          baseInputs: record.base_input.length,
          plusInputs,
          atol: record.atol,
        };
        return {
          id: record.task_id,
          datasetId: definition.id,
          language: 'python',
          prompt: record.prompt,
          entryPoint: record.entry_point,
          tests: `EvalPlus differential testing: ${record.base_input.length} base and ${plusInputs} plus inputs, outputs compared with the canonical solution's (atol ${record.atol})`,
          stopSequences: definition.stopSequences,
          referenceCompletion: record.canonical_solution,
          metadata: { evalplus },
        };
      });
      return { problems, contentHash };
    },
    buildProgram(problem, candidate): Program {
      const evalplus = problem.metadata.evalplus as EvalPlusProblemMetadata | undefined;
      if (evalplus === undefined) {
        throw new InvalidInputError({
          reason: `problem ${problem.id} was not loaded by ${definition.id} (no EvalPlus metadata)`,
        });
      }
      const code = candidate.kind === 'solution' ? candidate.code : problem.prompt + candidate.code;
      return {
        language: 'python',
        files: [
          { path: 'solution.py', contents: code },
          evalPlusConfigFile({
            kind: evalplus.kind,
            dataFile: evalplus.dataFile,
            groundTruthDir: evalplus.groundTruthDir,
            taskIndex: evalplus.taskIndex,
            taskId: problem.id,
            minTimeLimitMs,
            gtTimeLimitFactor,
            ...(evalplus.kind === 'mbpp' && mbppOracles ? { mbppOracles } : {}),
          }),
        ],
        mainFile: 'solution.py',
        judge: 'evalplus',
        timeoutMs: EVALPLUS_PROGRAM_TIMEOUT_MS,
      };
    },
  });
}

/** EvalPlus's stop strings for base (completion) models, shared by HumanEval+ and MBPP+. */
export const EVALPLUS_BASE_STOP_SEQUENCES: readonly string[] = [
  '<|endoftext|>',
  '<|endofmask|>',
  '</s>',
  '\nif __name__',
  '\ndef main(',
  '\nprint(',
];
