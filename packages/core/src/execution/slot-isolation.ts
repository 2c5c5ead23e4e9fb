import type { ExecutionLimits, Step } from '../spec/executor.ts';
import type { CgroupEvents } from './sandbox/cgroups.ts';
import type { StepRlimits } from './sandbox/resource-limits.ts';
import type { StepLaunch } from './spawn-step.ts';

/** A file written into a work directory: text (UTF-8) or bytes. */
export interface WorkFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** The directories of one job. */
export interface JobDirectory {
  /** The work directory as the job's steps see it: their cwd, `HOME` and `TMPDIR`. */
  readonly workDir: string;
  /** The same directory as passk reaches it (job files, report files). */
  readonly hostWorkDir: string;
  /** Host paths of every directory the job can write (searched for files at the size limit). */
  readonly hostWritable: readonly string[];
}

/**
 * Where one pool slot's jobs live and how their steps start: plainly (`createPlainSlot`) or
 * in bubblewrap sandboxes inside the slot's own size-bounded work area (`createBwrapSlot`).
 * Jobs of a slot run one at a time.
 */
export interface SlotIsolation {
  /** True when steps run in sandboxes (a warm server then cleans its namespace per job). */
  readonly sandboxed: boolean;
  /**
   * Changes whenever the slot's environment was rebuilt (e.g. its work area restarted after
   * its holder died); warm servers started before must be replaced.
   */
  readonly generation: number;
  /** Applies a job's limits to what the slot bounds as a whole (its cgroups, if any). */
  beginJob(limits: ExecutionLimits): void;
  /** The slot's cgroup counters, when it has cgroups. */
  cgroupEvents(): CgroupEvents | undefined;
  /** Creates a fresh job directory. @throws ExecutorError when it cannot. */
  createJob(): Promise<JobDirectory>;
  /** Writes the job's files into its work directory. @throws the file system's error. */
  writeFiles(job: JobDirectory, files: readonly WorkFile[]): void;
  /**
   * Renews a job's work area for a step with `freshFiles`: empties its work directory and, in
   * a sandbox, its `/tmp` and `/dev/shm`, then writes `files`. No process of an earlier step
   * is left by then (each step's processes end with it). @throws the file system's error.
   */
  resetJob(job: JobDirectory, files: readonly WorkFile[]): Promise<void>;
  /** Removes a job directory and whatever the job left in shared scratch space. */
  removeJob(job: JobDirectory): Promise<boolean>;
  /** How to start `step` of `job`, or why it cannot start (reported as `spawnError`). */
  launchStep(
    step: Step,
    job: JobDirectory,
    env: Readonly<Record<string, string>>,
    rlimits: StepRlimits,
  ): StepLaunch | { readonly spawnError: string };
  /** How to start the warm server of `step` (`step.server` must be set). */
  launchServer(step: Step): StepLaunch;
  /** True when the slot's work area has (almost) no space left. */
  areaFull(): boolean;
  /** Ends whatever the slot keeps running (its work area). Never rejects. */
  stop(): Promise<void>;
}
