/**
 * The line a test program prints to stdout after its last test, so that a pass needs positive
 * evidence that the tests ran to completion: a program that exits early with status 0
 * (`exit(0)`, `process.exit(0)`, `System.exit(0)`) never reaches it. Languages append the
 * statement that prints it after the benchmark's tests (or read their test framework's own
 * summary instead, where one exists), and judge by reference rules with it removed.
 */
export const COMPLETION_SENTINEL = '__passk_tests_completed__';

/** True when `stdout` holds a line that is exactly {@link COMPLETION_SENTINEL} (`\r` ignored). */
export function hasCompletionSentinel(stdout: string): boolean {
  return stdout.split('\n').some((line) => line.replace(/\r$/, '') === COMPLETION_SENTINEL);
}

/**
 * `stdout` without the sentinel lines, for rules that judge by output (HumanEval-X
 * JavaScript passes only on empty output) and for the output tails a run records.
 */
export function withoutCompletionSentinel(stdout: string): string {
  if (!stdout.includes(COMPLETION_SENTINEL)) return stdout;
  return stdout
    .split('\n')
    .filter((line) => line.replace(/\r$/, '') !== COMPLETION_SENTINEL)
    .join('\n');
}
