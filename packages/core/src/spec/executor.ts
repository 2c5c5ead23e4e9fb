import type { ToolchainInfo } from './language.ts';
import type { Program } from './program.ts';

/**
 * A warm process that runs many steps of the same kind without paying start-up each time.
 * The executor may use it instead of spawning `Step.argv`; the results must be identical.
 */
export interface StepServer {
  /** Command that starts the server; it speaks the protocol on stdin/stdout. */
  readonly argv: readonly string[];
  /** Protocol name; the local executor speaks `passk-fork-v1`. */
  readonly protocol: 'passk-fork-v1';
}

/**
 * A host path a step needs inside the sandbox, mounted at the same path. The sandbox shows
 * the system directories (`/usr`, `/bin`, `/lib*`, `/etc` essentials) and the job's work
 * directory by default; a toolchain that lives elsewhere (`~/.cargo`, a `node_modules`
 * package, a vendored library) names its directories here.
 */
export interface StepMount {
  /** Absolute, normalized host path (file or directory), other than `/`. */
  readonly path: string;
  /**
   * Whether the step may write to it (default false). A writable mount is shared by every
   * job that names it (a compiler cache): give it only to build steps, never to the step that
   * runs model code, or one sample could change the verdict of another.
   */
  readonly writable?: boolean;
}

/** One command of an execution: compile, run, etc. */
export interface Step {
  /** Short name for results and logs (`compile`, `run`). */
  readonly name: string;
  /** Command and arguments; resolved in the work directory. */
  readonly argv: readonly string[];
  /** Wall-clock limit in milliseconds, after which the whole process tree is killed. */
  readonly timeoutMs: number;
  /** File (relative to the work directory) the step writes a JSON report to, if any. */
  readonly reportFile?: string;
  /** Optional warm-server equivalent of `argv`. */
  readonly server?: StepServer;
  /** Stop the remaining steps when this one exits non-zero (default true). */
  readonly stopOnFailure?: boolean;
  /** Variables added to the step's allow-listed environment (they win over the defaults). */
  readonly env?: Readonly<Record<string, string>>;
  /** Host paths the step needs besides the system directories and the work directory. */
  readonly mounts?: readonly StepMount[];
  /**
   * When set, the step starts in a fresh work area: whatever earlier steps left in the work
   * directory, `/tmp` and `/dev/shm` is removed, the work directory then holds exactly these
   * files (UTF-8), and the steps after it continue in that area. For a judge that must not
   * see what the program under test left behind, or must not show it the job's other files.
   * Without a sandbox only the work directory is renewed (programs share the host's `/tmp`).
   */
  readonly freshFiles?: readonly JobFile[];
  /**
   * Paths (relative to the work directory) of files this step leaves that later steps with
   * `freshFiles` get back: passk copies those that exist (regular files) when the step ends,
   * and writes them into each renewed area after its fresh files. For what a build step made
   * or a report a judge may read, taken before the program under test can change them.
   */
  readonly keepFiles?: readonly string[];
}

/** A file of a job: a path relative to the work directory, and its UTF-8 contents. */
export interface JobFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * Resource limits of one execution. Wall-clock time is per step (`Step.timeoutMs`); CPU time
 * follows from it: every process may use at most `ceil(timeoutMs / 1000)` CPU seconds
 * (RLIMIT_CPU, SIGXCPU) and is SIGKILLed one second later.
 */
export interface ExecutionLimits {
  /** Bytes of stdout and of stderr captured per step before the step is killed. */
  readonly maxOutputBytes: number;
  /** Address-space limit per process in bytes (RLIMIT_AS), or 0 for none. */
  readonly maxMemoryBytes: number;
  /**
   * Processes and threads the job may have at once (RLIMIT_NPROC counted inside the sandbox's
   * own user namespace), or 0 for none. Enforced by the `bwrap` sandbox only: without a
   * sandbox the count would include every process of the user. Default 256.
   */
  readonly maxProcesses?: number;
  /** Largest file a process may write, in bytes (RLIMIT_FSIZE), or 0 for none. Default 64 MiB. */
  readonly maxFileBytes?: number;
}

/** A resource limit that the executor saw being exceeded. */
export type ResourceLimit =
  /** The step ran past `Step.timeoutMs` and was killed. */
  | 'wall_time'
  /** A process used up its CPU time (SIGXCPU / SIGKILL from RLIMIT_CPU). */
  | 'cpu_time'
  /** The sandbox's memory was exhausted (its memory cgroup killed a process). */
  | 'memory'
  /** stdout or stderr passed `maxOutputBytes` and the step was killed. */
  | 'output'
  /** A file reached `maxFileBytes` (SIGXFSZ, or a file of exactly that size was left). */
  | 'file_size'
  /** The work area (work directory and /tmp) filled up. */
  | 'disk'
  /** The job reached `maxProcesses` (seen by a pids cgroup). */
  | 'processes';

/** Everything needed to execute a program: files, steps and limits. */
export interface ExecutionJob {
  /** Files written into a fresh work directory before the first step. */
  readonly files: readonly JobFile[];
  /** Steps run in order. */
  readonly steps: readonly Step[];
  /** Resource limits. */
  readonly limits: ExecutionLimits;
  /**
   * A job a live conversation waits on (an agent's tool call): queued ahead of the jobs that
   * only score. Default false.
   */
  readonly urgent?: boolean;
  /**
   * What the steps were built from, for executors that run the job on another machine (which
   * rebuild the steps there with the same language plugin). The local executor ignores it.
   */
  readonly origin?: ExecutionOrigin;
}

/** The program, toolchain and identity behind an {@link ExecutionJob}. */
export interface ExecutionOrigin {
  /** The program the steps were built from (`Language.steps(program, toolchain, …)`). */
  readonly program: Program;
  /** The toolchain the steps were built for (`Language.detect()` of the run). */
  readonly toolchain: ToolchainInfo;
  /** Multiplier of every time limit the steps were built with. */
  readonly timeoutFactor: number;
  /**
   * Identity of this execution, deterministic: the run's execution key of the program
   * (`execution_key`), with `.rerun` for a timeout's re-run and `.retry<N>` for the N-th
   * re-execution after an infrastructure fault. Absent outside runs.
   */
  readonly key?: string;
}

/** A machine that executed jobs of a run for a distributed executor (recorded in the manifest). */
export interface ExecutorWorker {
  /** Unique id of the worker process (`<host>/<pid>/<start time>`). */
  readonly id: string;
  /** Host name of its machine. */
  readonly host: string;
  /** passk version it runs. */
  readonly passk_version: string;
  /** Its sandbox mode (`bwrap`, `none`). */
  readonly sandbox: string;
  /** Version of its toolchain per language id, for the languages it served. */
  readonly toolchains: Readonly<Record<string, string>>;
  /** Jobs of this run whose results were accepted from it. */
  readonly jobs: number;
}

/** What happened when one step ran. */
export interface StepResult {
  /** The step's name. */
  readonly name: string;
  /** Exit code, or null when killed by a signal. */
  readonly exitCode: number | null;
  /** Terminating signal name, or null. */
  readonly signal: string | null;
  /** True when the wall-clock limit killed it. */
  readonly timedOut: boolean;
  /** True when captured output passed `maxOutputBytes` and the step was killed. */
  readonly outputLimitExceeded: boolean;
  /** Wall-clock duration in milliseconds. */
  readonly durationMs: number;
  /**
   * Set when the wall-clock limit killed the step (`timedOut`), where the executor can measure
   * it: the CPU time (user + system) in milliseconds its processes had used by then. Tells a
   * busy program (a real timeout) from one that waited (asleep, or starved by a loaded machine).
   */
  readonly cpuMs?: number;
  /** Last bytes of stdout (at most 4 KiB), UTF-8 decoded. */
  readonly stdoutTail: string;
  /** Last bytes of stderr (at most 4 KiB), UTF-8 decoded. */
  readonly stderrTail: string;
  /** Total stdout bytes seen. */
  readonly stdoutBytes: number;
  /** Total stderr bytes seen. */
  readonly stderrBytes: number;
  /** Parsed JSON of `Step.reportFile`, or null when the step wrote none. */
  readonly report: unknown;
  /** Set when the step could not be started (missing command): the error message. */
  readonly spawnError?: string;
  /**
   * The first resource limit the executor saw being exceeded during the step, if any. A
   * program may also meet a limit without the executor seeing it (e.g. a failed `malloc`
   * under RLIMIT_AS); languages classify those from the program's own output.
   */
  readonly limit?: ResourceLimit;
  /**
   * Set when the step could not run for a reason outside the program under test: the
   * sandbox failed to start, or the machine ran out of memory (the kernel's OOM killer ended
   * it). The run records such a step as `infra_error` (retried, never a model failure),
   * whatever the language's classification says.
   */
  readonly infraError?: string;
}

/** What happened when a job ran. Steps after a failing one are absent. */
export interface ExecutionResult {
  /** One entry per step that ran. */
  readonly steps: readonly StepResult[];
}

/**
 * Runs execution jobs. The program under test failing is a result; `execute` throws only
 * when the executor itself is broken (e.g. cannot create a work directory).
 */
export interface Executor {
  /** Id recorded in the run manifest (`local`). */
  readonly id: string;
  /** Sandbox mode recorded in the run manifest (`none`, `bwrap`). */
  readonly sandbox: string;
  /**
   * How programs are isolated and which limits are in force, one short line each (for
   * `passk doctor`, the run manifest and logs). Optional for executors that cannot say.
   */
  readonly isolation?: readonly string[];
  /** How many jobs run at once. */
  readonly concurrency: number;
  /** Runs one job. Honors `signal` by killing the job's processes. */
  execute(job: ExecutionJob, signal?: AbortSignal): Promise<ExecutionResult>;
  /**
   * The workers that executed jobs so far (distributed executors); recorded in the run
   * manifest. Absent for executors that run jobs in this process's machine.
   */
  workers?(): readonly ExecutorWorker[];
  /** Stops warm servers and removes scratch directories. */
  close(): Promise<void>;
}
