/** Descriptive metadata of a problem, used for slicing reports. */
export interface ProblemMetadata {
  /** Free-form tags (topic, source). */
  readonly tags?: readonly string[];
  /** Difficulty label as given by the benchmark. */
  readonly difficulty?: string;
  /** ISO date the problem was published, for contamination windows. */
  readonly date?: string;
  /** Anything else the dataset wants to keep. */
  readonly [key: string]: unknown;
}

/** One benchmark task, in one language. */
export interface Problem {
  /** The benchmark's own task id, unchanged (`HumanEval/0`). */
  readonly id: string;
  /** Id of the dataset that produced it. */
  readonly datasetId: string;
  /** Language id of the program to be written (`python`). */
  readonly language: string;
  /** Text given to the model: for completion models the code prefix to continue. */
  readonly prompt: string;
  /** Name of the function under test. */
  readonly entryPoint: string;
  /** Test source, in the dataset's own format. */
  readonly tests: string;
  /** Sequences at which generated text is cut (earliest occurrence wins). */
  readonly stopSequences: readonly string[];
  /** A completion known to pass, when the benchmark ships one. */
  readonly referenceCompletion?: string;
  /** Slicing metadata. */
  readonly metadata: ProblemMetadata;
}
