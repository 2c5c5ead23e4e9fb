import type { StepResult } from '@passk/core';

/**
 * True when the completion hook's report says the program ran to its natural end and the
 * benchmark's test function to its last assertion (`tests`, see `JS_TEST_EVIDENCE`).
 */
export function completedNormally(run: StepResult): boolean {
  const report = run.report as { completed?: unknown; tests?: unknown } | null;
  return (
    report !== null &&
    typeof report === 'object' &&
    report.completed === true &&
    report.tests === true
  );
}
