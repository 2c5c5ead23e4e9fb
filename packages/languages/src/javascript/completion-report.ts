import type { StepResult } from '@passk/core';

/** True when the completion hook's report says the program ran to its natural end. */
export function completedNormally(run: StepResult): boolean {
  const report = run.report as { completed?: unknown } | null;
  return report !== null && typeof report === 'object' && report.completed === true;
}
