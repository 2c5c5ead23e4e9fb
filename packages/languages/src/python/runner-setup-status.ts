import type { VerdictStatus } from '@passk/core';

/**
 * The status of a sample whose runner could not set up its judge (`passk-runner: setup
 * failed: …`): `toolchain_missing` when a Python module the judge needs is not installed
 * (numpy, which HumanEval-X preloads and EvalPlus compares with; Debian: python3-numpy), so
 * the run and selftest report what to install; `infra_error` otherwise.
 */
export function runnerSetupStatus(message: string): VerdictStatus {
  return /No module named|numpy is required/.test(message) ? 'toolchain_missing' : 'infra_error';
}
