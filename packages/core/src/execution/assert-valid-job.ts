import { isAbsolute, normalize } from 'node:path';
import { ExecutorError } from '../errors/executor-error.ts';
import type { ExecutionJob } from '../spec/executor.ts';
import { assertRelativePath } from './job-files.ts';

/**
 * Checks a job before it is queued: relative file and report paths without `..`, non-empty
 * argv, positive finite time limits, non-negative limits, absolute normalized mounts.
 *
 * @throws ExecutorError naming the offending field (a bug in the caller, not in the program
 * under test).
 */
export function assertValidJob(job: ExecutionJob): void {
  for (const file of job.files) assertRelativePath(file.path, 'job file path');
  for (const step of job.steps) {
    if (step.argv.length === 0 || step.argv[0] === '') {
      throw new ExecutorError({ message: `step '${step.name}' has an empty argv` });
    }
    if (!Number.isFinite(step.timeoutMs) || step.timeoutMs <= 0) {
      throw new ExecutorError({
        message: `step '${step.name}' needs a positive timeoutMs, got ${step.timeoutMs}`,
      });
    }
    if (step.reportFile !== undefined) {
      assertRelativePath(step.reportFile, `report file of step '${step.name}'`);
    }
    for (const file of step.freshFiles ?? []) {
      assertRelativePath(file.path, `fresh file path of step '${step.name}'`);
    }
    for (const path of step.keepFiles ?? []) {
      assertRelativePath(path, `kept file path of step '${step.name}'`);
    }
    for (const mount of step.mounts ?? []) {
      if (!isAbsolute(mount.path) || normalize(mount.path) !== mount.path || mount.path === '/') {
        throw new ExecutorError({
          message: `step '${step.name}' mounts ${JSON.stringify(mount.path)}: a mount must be an absolute, normalized path other than /`,
        });
      }
    }
  }
  const { maxOutputBytes, maxMemoryBytes } = job.limits;
  if (!(maxOutputBytes >= 0) || !(maxMemoryBytes >= 0)) {
    throw new ExecutorError({
      message: `limits must be non-negative numbers, got ${JSON.stringify(job.limits)}`,
    });
  }
}
