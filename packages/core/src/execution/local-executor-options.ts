import type { ExecutorLogger } from './executor-logger.ts';

/** Options of {@link createLocalExecutor}. Every field is optional. */
export interface LocalExecutorOptions {
  /** Jobs run at once; an integer >= 1. Default `os.availableParallelism()`. */
  readonly concurrency?: number;
  /**
   * Directory in which job work directories (and the warm servers' cwd) are created. It is
   * created if missing and left in place on `close()`. Default: a fresh `passk-exec-*`
   * directory, removed on `close()`, under `os.tmpdir()` or, when that is disk-backed and
   * `/dev/shm` is a roomy tmpfs, under `/dev/shm` (see `defaultScratchParent`).
   */
  readonly scratchDir?: string;
  /** Keep each job's work directory instead of removing it (for debugging). Default false. */
  readonly keepWorkDirs?: boolean;
  /**
   * Extra environment variables for every step, added to (and overriding) the allow-listed
   * defaults (see `createStepEnvironment`). Nothing else of the parent's environment is passed.
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Run steps that offer a warm server (`Step.server`) through it. Default true; false always
   * spawns `Step.argv` (one process per step).
   */
  readonly useStepServers?: boolean;
  /** Receives warnings (e.g. a warm server died) and debug details. Default: silent. */
  readonly logger?: ExecutorLogger;
}
