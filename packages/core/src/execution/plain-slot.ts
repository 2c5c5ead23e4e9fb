import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ExecutorError } from '../errors/executor-error.ts';
import { writeJobFiles } from './job-files.ts';
import { removeDirectory } from './remove-directory.ts';
import { resolveCommand } from './resolve-command.ts';
import { prlimitOptions } from './sandbox/resource-limits.ts';
import type { SlotIsolation } from './slot-isolation.ts';
import { STEP_PATH } from './step-environment.ts';

const PRLIMIT = '/usr/bin/prlimit';

/**
 * A slot without a sandbox (`sandbox: 'none'`): job work directories are fresh directories
 * below `scratchDir`, steps are plain processes under `prlimit` (when it exists) with the
 * step's limits except RLIMIT_NPROC (which would count every process of the user).
 */
export function createPlainSlot(scratchDir: string): SlotIsolation {
  const prlimit = existsSync(PRLIMIT) ? PRLIMIT : null;
  return {
    sandboxed: false,
    generation: 0,
    beginJob: () => {},
    cgroupEvents: () => undefined,
    async createJob() {
      let workDir: string;
      try {
        workDir = mkdtempSync(join(scratchDir, 'job-'));
      } catch (error) {
        throw new ExecutorError({
          message: `cannot create a work directory in ${scratchDir}`,
          cause: error,
        });
      }
      return { workDir, hostWorkDir: workDir, hostWritable: [workDir] };
    },
    writeFiles(job, files) {
      writeJobFiles(job.hostWorkDir, files);
    },
    async resetJob(job, files) {
      if (!(await removeDirectory(job.hostWorkDir))) {
        throw new Error(`cannot empty ${job.hostWorkDir}`);
      }
      mkdirSync(job.hostWorkDir, { mode: 0o700 });
      writeJobFiles(job.hostWorkDir, files);
    },
    removeJob(job) {
      return removeDirectory(job.hostWorkDir);
    },
    launchStep(step, job, env, rlimits) {
      const [command = '', ...args] = step.argv;
      if (prlimit === null) return { argv: step.argv, cwd: job.workDir, sandboxed: false };
      // prlimit would report a missing command as its own failure: resolve it first.
      const resolved = resolveCommand(command, job.workDir, env.PATH ?? STEP_PATH);
      if (resolved === null) return { spawnError: `spawn ${command} ENOENT` };
      return {
        argv: [prlimit, ...prlimitOptions(rlimits), '--', resolved, ...args],
        cwd: job.workDir,
        sandboxed: false,
      };
    },
    launchServer(step) {
      return { argv: step.server?.argv ?? [], cwd: scratchDir, sandboxed: false };
    },
    areaFull: () => false,
    stop: async () => {},
  };
}
