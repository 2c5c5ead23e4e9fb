import { hasCompletionSentinel, type StepResult } from '@passk/core';

/** How a native test program (C++, Rust) ended, in the terms the judges need. */
export type NativeEnding =
  | 'timeout'
  | 'output_limit'
  | 'completed'
  | 'exited_early'
  | 'assertion'
  | 'out_of_memory'
  | 'crashed';

/**
 * Classifies the run of a native test program linked with the completion harness:
 * exit 0 with the sentinel is `completed`, exit 0 without it `exited_early`; a failed C
 * `assert` (SIGABRT with "Assertion"), a Rust `assert!` panic or a Java-style AssertionError
 * is `assertion`; an allocation failure is `out_of_memory`; anything else `crashed`.
 */
export function nativeEnding(run: StepResult): NativeEnding {
  if (run.timedOut) return 'timeout';
  if (run.outputLimitExceeded) return 'output_limit';
  if (run.exitCode === 0)
    return hasCompletionSentinel(run.stdoutTail) ? 'completed' : 'exited_early';
  const stderr = run.stderrTail;
  if (
    /Assertion `.*' failed|assertion failed|assertion `left == right` failed|panicked at '?assert/.test(
      stderr,
    )
  )
    return 'assertion';
  if (/std::bad_alloc|memory allocation of \d+ bytes failed|Cannot allocate memory/.test(stderr))
    return 'out_of_memory';
  return 'crashed';
}
