import type { Program, ProgramFile } from '../spec/program.ts';
import { createValidator } from '../validation/create-validator.ts';

/** Name of the file, among a program's files, that configures an `evalplus` judge run. */
export const EVALPLUS_CONFIG_FILE = 'evalplus.json';

/**
 * How an EvalPlus dataset (HumanEval+, MBPP+) asks a language to judge a solution: the
 * contract between the dataset, which knows the data, and the language's `evalplus` judge,
 * which runs it. Written by the dataset as {@link EVALPLUS_CONFIG_FILE} next to the solution.
 */
export interface EvalPlusConfig {
  /** Which EvalPlus rules apply (special oracles, input conversion): `humaneval` or `mbpp`. */
  readonly kind: 'humaneval' | 'mbpp';
  /** Absolute path of the EvalPlus data file (`.jsonl` or `.jsonl.gz`) the task comes from. */
  readonly dataFile: string;
  /**
   * Absolute directory where the expected outputs and ground-truth times of every task of
   * `dataFile` are (or will be) stored; named by the file's content hash.
   */
  readonly groundTruthDir: string;
  /** 0-based position of the task in `dataFile`. */
  readonly taskIndex: number;
  /** The benchmark's task id (for messages). */
  readonly taskId: string;
  /** Smallest per-input time limit in milliseconds (EvalPlus `--min-time-limit`, default 4 s). */
  readonly minTimeLimitMs: number;
  /** Per-input limit as a multiple of the ground-truth time (`--gt-time-limit-factor`, 4). */
  readonly gtTimeLimitFactor: number;
  /**
   * Which MBPP special oracles apply: `v0.2.0` (default, EvalPlus's current code: set
   * equality for 8 tasks, Mbpp/558, Mbpp/581, Mbpp/164, Mbpp/295, not-None for 3 tasks) or
   * `v0.1.0` (the EvalPlus releases that scored MBPP+ v0.1.0 had only the last three).
   */
  readonly mbppOracles?: 'v0.1.0' | 'v0.2.0';
}

const validateConfig = createValidator<EvalPlusConfig>({
  type: 'object',
  required: [
    'kind',
    'dataFile',
    'groundTruthDir',
    'taskIndex',
    'taskId',
    'minTimeLimitMs',
    'gtTimeLimitFactor',
  ],
  additionalProperties: false,
  properties: {
    kind: { enum: ['humaneval', 'mbpp'] },
    dataFile: { type: 'string', minLength: 1, pattern: '^/' },
    groundTruthDir: { type: 'string', minLength: 1, pattern: '^/' },
    taskIndex: { type: 'integer', minimum: 0 },
    taskId: { type: 'string', minLength: 1 },
    minTimeLimitMs: { type: 'number', exclusiveMinimum: 0 },
    gtTimeLimitFactor: { type: 'number', exclusiveMinimum: 0 },
    mbppOracles: { enum: ['v0.1.0', 'v0.2.0'] },
  },
});

/** The program file that carries `config`. */
export function evalPlusConfigFile(config: EvalPlusConfig): ProgramFile {
  return { path: EVALPLUS_CONFIG_FILE, contents: `${JSON.stringify(config)}\n` };
}

/**
 * Reads the configuration from `program`'s files.
 * @throws InvalidInputError when the file is missing or not a valid configuration.
 */
export function readEvalPlusConfig(program: Program): EvalPlusConfig {
  const file = program.files.find((candidate) => candidate.path === EVALPLUS_CONFIG_FILE);
  let value: unknown;
  try {
    value = file === undefined ? undefined : JSON.parse(file.contents);
  } catch {
    value = undefined;
  }
  return validateConfig(value ?? null, { file: EVALPLUS_CONFIG_FILE });
}
