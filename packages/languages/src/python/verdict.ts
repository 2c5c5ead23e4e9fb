import type { Verdict, VerdictStatus } from '@passk/core';

/** Builds a verdict; `passed` is true exactly when `status` is `passed`. */
export function verdict(status: VerdictStatus, detail: string): Verdict {
  return { status, passed: status === 'passed', detail };
}
