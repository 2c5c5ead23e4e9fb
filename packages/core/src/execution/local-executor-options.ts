import type { ExecutorLogger } from './executor-logger.ts';
import type { SandboxMode } from './sandbox/sandbox-mode.ts';

/** Options of {@link createLocalExecutor}. Every field is optional. */
export interface LocalExecutorOptions {
  /** Jobs run at once; an integer >= 1. Default `os.availableParallelism()`. */
  readonly concurrency?: number;
  /**
   * Directory in which job work directories (and the warm servers' cwd) are created. It is
   * created if missing and left in place on `close()` (what the executor put in it is
   * removed). Default: a fresh `passk-exec-<pid>-*`
   * directory, removed on `close()` (or by a later executor, should this process be killed
   * first), under `os.tmpdir()` or, when that is disk-backed and
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
  /**
   * How programs are isolated (see `SandboxMode`). Default `bwrap`: creating the executor
   * fails with `SandboxUnavailableError` where bubblewrap cannot run (not Linux, not
   * installed, user namespaces blocked); `none` must be asked for explicitly.
   */
  readonly sandbox?: SandboxMode;
  /**
   * Size of each slot's work area in bytes (`bwrap` only): a tmpfs holding the job's work
   * directory and `/tmp`, so one job can write at most this much. Default 512 MiB.
   */
  readonly workAreaBytes?: number;
  /**
   * When passk runs as root (`bwrap` only): slot i's programs run as host uid
   * `sandboxUidBase + i` (uids without an account). Default 1 000 000 000.
   */
  readonly sandboxUidBase?: number;
  /**
   * When passk runs as root (`bwrap` only): the host group that writable step mounts (compiler
   * caches) belong to, which only the steps naming them keep. The same in every passk process
   * whatever its `sandboxUidBase`, so that runs sharing a cache never take it from each other.
   * Default 999 999 999 (`DEFAULT_SHARED_GROUP_ID`).
   */
  readonly sharedGroupId?: number;
  /** The bubblewrap binary (`bwrap` only). Default: found in the system directories or `PATH`. */
  readonly bwrapPath?: string;
  /**
   * Also bound each slot's total memory and processes with cgroups (`bwrap` only), where passk
   * may create them (see `findCgroupParents`). Default true; elsewhere rlimits alone apply.
   */
  readonly cgroups?: boolean;
}
