import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ExecutorError } from '../errors/executor-error.ts';
import { UsageError } from '../errors/usage-error.ts';
import type {
  ExecutionJob,
  ExecutionResult,
  Executor,
  Step,
  StepResult,
} from '../spec/executor.ts';
import { assertValidJob } from './assert-valid-job.ts';
import { attributeLimit } from './attribute-limit.ts';
import { createBwrapSlot, SANDBOX_JOBS_DIR } from './bwrap-slot.ts';
import { defaultScratchParent } from './default-scratch-parent.ts';
import { FORK_PROTOCOL } from './fork-protocol.ts';
import { ForkServer } from './fork-server.ts';
import type { LocalExecutorOptions } from './local-executor-options.ts';
import { oomKillCount } from './oom-kill-count.ts';
import { createPlainSlot } from './plain-slot.ts';
import { MAX_REPORT_BYTES, readStepReport } from './read-step-report.ts';
import { readWorkFile } from './read-work-file.ts';
import { removeDirectory } from './remove-directory.ts';
import { removeStaleScratch } from './remove-stale-scratch.ts';
import { SlotCgroup } from './sandbox/cgroups.ts';
import {
  DEFAULT_SANDBOX_UID_BASE,
  DEFAULT_SHARED_GROUP_ID,
  DEFAULT_WORK_AREA_BYTES,
  type PreparedSandbox,
  prepareSandbox,
} from './sandbox/prepare-sandbox.ts';
import { stepRlimits } from './sandbox/resource-limits.ts';
import { SANDBOX_MODES } from './sandbox/sandbox-mode.ts';
import type { JobDirectory, SlotIsolation } from './slot-isolation.ts';
import { type PoolSlot, SlotPool } from './slot-pool.ts';
import { spawnStep } from './spawn-step.ts';
import { createStepEnvironment } from './step-environment.ts';
import { type StepContext, type StepOutcome, spawnFailure, stepFailed } from './step-outcome.ts';

/** Consecutive failures after which a slot stops using a server command. */
const MAX_SERVER_FAILURES = 3;

/** Largest file a step's `keepFiles` keeps, in bytes (a bigger one is not kept). */
const MAX_KEPT_BYTES = 4 * MAX_REPORT_BYTES;

/** What `isolation` says without a sandbox. */
const NO_SANDBOX = [
  'none: NO SANDBOX. Programs run as your user with access to your files, network and processes',
  'each job: a fresh work directory, an allow-listed environment, its own process group killed at the end',
  'limits: wall time per step; CPU time = the wall-clock limit (RLIMIT_CPU); memory per process (RLIMIT_AS); file size (RLIMIT_FSIZE); captured output per stream; processes: not limited',
];

interface ServerEntry {
  readonly server: ForkServer;
  failures: number;
  disabled: boolean;
  warnedDeclined: boolean;
}

interface SlotState {
  readonly isolation: SlotIsolation;
  readonly servers: Map<string, ServerEntry>;
  /** `isolation.generation` the servers were started in. */
  generation: number;
}

/**
 * Creates the default executor: jobs run as local processes, at most `concurrency` at once,
 * queued FIFO, in a bubblewrap sandbox per step (`sandbox: 'bwrap'`, the default; see
 * `createBwrapSlot` and `sandboxArgv`) or as plain processes (`sandbox: 'none'`).
 *
 * Each job gets a fresh work directory holding `job.files`; its steps run in order (see
 * `spawnStep` for how one step runs, and fork-protocol.ts for warm servers, which run in a
 * sandbox of their own per slot and end whatever a program left running after each job);
 * the first failing step ends the job unless it sets `stopOnFailure: false`; a step with
 * `freshFiles` starts in a renewed work area (see `SlotIsolation.resetJob`) holding those
 * files and those earlier steps kept (`keepFiles`, copied when each ended); the work
 * directory is removed afterwards. Each step result says which resource limit was exceeded
 * (`limit`), and `infraError` when the step could not run for a reason outside the program
 * (the sandbox did not start, the machine ran out of memory).
 *
 * `execute` rejects with `ExecutorError` for an invalid job (see `assertValidJob`: e.g. an
 * absolute or `..` path; a caller bug), when the work directory cannot be prepared, or after
 * `close()`; with the signal's reason when aborted. A failing program is a result, never a
 * rejection.
 *
 * @throws UsageError for an invalid `concurrency` or `sandbox`.
 * @throws SandboxUnavailableError when `sandbox` is `bwrap` and bubblewrap cannot run here.
 * @throws ExecutorError when the scratch directory cannot be created.
 */
export function createLocalExecutor(options: LocalExecutorOptions = {}): Executor {
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError({ message: `concurrency must be an integer >= 1, got ${concurrency}` });
  }
  const mode = options.sandbox ?? 'bwrap';
  if (!SANDBOX_MODES.includes(mode)) {
    throw new UsageError({
      message: `sandbox must be one of ${SANDBOX_MODES.join(', ')}, got '${String(mode)}'`,
    });
  }
  const logger = options.logger;
  const useServers = options.useStepServers ?? true;
  const keepWorkDirs = options.keepWorkDirs ?? false;
  const ownsScratch = options.scratchDir === undefined;
  let scratchDir: string;
  try {
    if (options.scratchDir === undefined) {
      const parent = defaultScratchParent();
      removeStaleScratch(parent);
      scratchDir = mkdtempSync(join(parent, `passk-exec-${process.pid}-`));
    } else {
      scratchDir = resolve(options.scratchDir);
      mkdirSync(scratchDir, { recursive: true });
    }
  } catch (error) {
    throw new ExecutorError({
      message: `cannot create the scratch directory: ${String(error)}`,
      cause: error,
    });
  }
  const areaBytes = options.workAreaBytes ?? DEFAULT_WORK_AREA_BYTES;
  const uidBase = options.sandboxUidBase ?? DEFAULT_SANDBOX_UID_BASE;
  const sharedGroupId = options.sharedGroupId ?? DEFAULT_SHARED_GROUP_ID;
  let prepared: PreparedSandbox | undefined;
  /** What the executor created inside a scratch directory it does not own. */
  const created: string[] = [];
  if (mode === 'bwrap') {
    try {
      const etcDirectory = mkdtempSync(join(scratchDir, 'etc-'));
      created.push(etcDirectory);
      prepared = prepareSandbox({
        etcDirectory,
        slotUids: Array.from({ length: concurrency }, (_, index) => uidBase + index),
        areaBytes,
        cgroups: options.cgroups ?? true,
        ...(options.bwrapPath === undefined ? {} : { bwrap: options.bwrapPath }),
      });
    } catch (error) {
      if (ownsScratch) rmSync(scratchDir, { recursive: true, force: true });
      throw error;
    }
  }
  const sandbox = prepared;
  const createIsolation = (index: number): SlotIsolation => {
    if (sandbox === undefined) return createPlainSlot(scratchDir);
    const areaRoot = join(scratchDir, `slot-${index}`);
    created.push(areaRoot);
    let cgroup: SlotCgroup | undefined;
    if (sandbox.cgroups !== undefined) {
      try {
        cgroup = new SlotCgroup(sandbox.cgroups, `${Date.now().toString(36)}-${index}`);
      } catch (error) {
        logger?.warn(`cannot create the cgroups of slot ${index}; rlimits only: ${String(error)}`);
      }
    }
    return createBwrapSlot({
      layout: sandbox.layout,
      areaRoot,
      areaBytes,
      ...(sandbox.layout.privileged ? { uid: uidBase + index, sharedGid: sharedGroupId } : {}),
      ...(cgroup === undefined ? {} : { cgroup }),
    });
  };
  const pool = new SlotPool<SlotState>(concurrency, (index) => ({
    isolation: createIsolation(index),
    servers: new Map(),
    generation: 0,
  }));
  const live = new Set<() => void>();
  const running = new Set<Promise<unknown>>();
  let closed = false;
  let closing: Promise<void> | undefined;

  const track = (kill: () => void): (() => void) => {
    live.add(kill);
    return () => live.delete(kill);
  };

  const closedError = (): ExecutorError => new ExecutorError({ message: 'the executor is closed' });

  const environment = (workDir: string, step: Step): Record<string, string> =>
    createStepEnvironment(workDir, { ...options.env, ...step.env });

  const serverFor = (slot: PoolSlot<SlotState>, step: Step): ServerEntry | undefined => {
    const spec = step.server;
    if (
      !useServers ||
      // A warm server runs with the executor's environment; a step with its own variables
      // is spawned so that it sees them.
      (step.env !== undefined && Object.keys(step.env).length > 0) ||
      spec === undefined ||
      spec.protocol !== FORK_PROTOCOL ||
      spec.argv.length === 0
    ) {
      return undefined;
    }
    const state = slot.state;
    if (state.generation !== state.isolation.generation) {
      // The slot's work area was rebuilt: servers started in the old one cannot see new jobs.
      for (const entry of state.servers.values()) void entry.server.stop();
      state.servers.clear();
      state.generation = state.isolation.generation;
    }
    const key = JSON.stringify([spec.argv, step.mounts ?? [], step.env ?? {}]);
    let entry = state.servers.get(key);
    if (entry === undefined) {
      const isolation = state.isolation;
      const server = new ForkServer(spec.argv, {
        env: environment(isolation.sandboxed ? SANDBOX_JOBS_DIR : scratchDir, step),
        launch: () => isolation.launchServer(step),
        logger,
      });
      entry = { server, failures: 0, disabled: false, warnedDeclined: false };
      state.servers.set(key, entry);
    }
    return entry.disabled ? undefined : entry;
  };

  const runStep = async (
    step: Step,
    context: StepContext,
    slot: PoolSlot<SlotState>,
    job: JobDirectory,
  ): Promise<StepOutcome> => {
    const entry = serverFor(slot, step);
    if (entry !== undefined) {
      const reply = await entry.server.request(step, context);
      if (reply.kind === 'result') {
        entry.failures = 0;
        return reply.outcome;
      }
      if (reply.kind === 'aborted') {
        context.signal?.throwIfAborted();
        throw new ExecutorError({ message: 'step server request aborted without a signal' });
      }
      if (closed) throw closedError();
      const command = step.server?.argv.join(' ');
      if (reply.kind === 'declined') {
        if (!entry.warnedDeclined) {
          entry.warnedDeclined = true;
          logger?.warn(
            `step server '${command}' declined step '${step.name}' (${reply.reason}); spawning instead`,
          );
        }
      } else {
        entry.failures += 1;
        logger?.warn(
          `step server '${command}' failed (${reply.reason}); spawning step '${step.name}' instead`,
        );
        if (entry.failures >= MAX_SERVER_FAILURES) {
          entry.disabled = true;
          logger?.warn(
            `step server '${command}' failed ${entry.failures} times in a row; slot ${slot.index} stops using it`,
          );
        }
      }
    }
    const started = performance.now();
    const launch = slot.state.isolation.launchStep(step, job, context.env, context.rlimits);
    if ('spawnError' in launch) {
      return spawnFailure(step.name, launch.spawnError, performance.now() - started);
    }
    return spawnStep(step, context, launch);
  };

  const runJob = async (
    job: ExecutionJob,
    slot: PoolSlot<SlotState>,
    signal?: AbortSignal,
  ): Promise<ExecutionResult> => {
    const isolation = slot.state.isolation;
    let directory: JobDirectory;
    try {
      directory = await isolation.createJob();
    } catch (error) {
      if (!isolation.sandboxed) throw error;
      // The sandbox's work area could not be set up: an infrastructure fault, not a verdict.
      return infrastructureFailure(job, `the sandbox could not be set up: ${String(error)}`);
    }
    try {
      isolation.beginJob(job.limits);
      try {
        isolation.writeFiles(directory, job.files);
      } catch (error) {
        throw new ExecutorError({
          message: `cannot write the job's files in ${directory.hostWorkDir}`,
          cause: error,
        });
      }
      const steps: StepResult[] = [];
      const kept = new Map<string, Buffer>();
      for (const step of job.steps) {
        signal?.throwIfAborted();
        if (closed) throw closedError();
        if (step.freshFiles !== undefined) {
          try {
            await isolation.resetJob(directory, [
              ...step.freshFiles,
              ...[...kept].map(([path, contents]) => ({ path, contents })),
            ]);
          } catch (error) {
            throw new ExecutorError({
              message: `cannot renew the work area of ${directory.hostWorkDir} for step '${step.name}'`,
              cause: error,
            });
          }
        }
        const rlimits = stepRlimits(job.limits, step.timeoutMs, sandbox?.processLimit ?? false);
        const context: StepContext = {
          workDir: directory.workDir,
          env: environment(directory.workDir, step),
          maxOutputBytes: job.limits.maxOutputBytes,
          maxMemoryBytes: job.limits.maxMemoryBytes,
          rlimits,
          sandboxed: isolation.sandboxed,
          signal,
          track,
        };
        const oomKillsBefore = oomKillCount();
        const cgroupBefore = isolation.cgroupEvents();
        const outcome = attributeLimit(await runStep(step, context, slot, directory), {
          hostDirectories: directory.hostWritable,
          maxFileBytes: rlimits.fileBytes,
          areaFull: () => isolation.areaFull(),
          oomKillsBefore,
          ...(cgroupBefore === undefined
            ? {}
            : { cgroup: { before: cgroupBefore, now: () => isolation.cgroupEvents() } }),
        });
        signal?.throwIfAborted();
        if (closed) throw closedError();
        steps.push({ ...outcome, report: readStepReport(directory.hostWorkDir, step.reportFile) });
        for (const path of step.keepFiles ?? []) {
          const bytes = readWorkFile(directory.hostWorkDir, path, MAX_KEPT_BYTES);
          if (bytes !== null) kept.set(path, bytes);
        }
        if (stepFailed(outcome) && step.stopOnFailure !== false) break;
      }
      return { steps };
    } finally {
      if (keepWorkDirs) logger?.debug?.(`kept work directory ${directory.hostWorkDir}`);
      else if (!(await isolation.removeJob(directory)))
        logger?.warn(`could not remove work directory ${directory.hostWorkDir}`);
    }
  };

  return {
    id: 'local',
    sandbox: mode,
    concurrency,
    isolation: sandbox?.isolation ?? NO_SANDBOX,
    async execute(job, signal) {
      if (closed) throw closedError();
      assertValidJob(job);
      const slot = await pool.acquire(signal, job.urgent === true);
      const run = runJob(job, slot, signal);
      running.add(run);
      try {
        return await run;
      } finally {
        running.delete(run);
        pool.release(slot);
      }
    },
    close() {
      if (closing !== undefined) return closing;
      closed = true;
      closing = (async () => {
        pool.rejectWaiting(closedError());
        for (const kill of [...live]) kill();
        await Promise.allSettled([...running]);
        await Promise.all(
          pool.slots.flatMap((slot) =>
            [...slot.state.servers.values()].map((entry) => entry.server.stop()),
          ),
        );
        await Promise.all(pool.slots.map((slot) => slot.state.isolation.stop()));
        const leftovers = ownsScratch ? [scratchDir] : created;
        for (const path of leftovers) {
          if (!(await removeDirectory(path))) logger?.warn(`could not remove ${path}`);
        }
      })();
      return closing;
    },
  };
}

/** A result whose first step could not run for an infrastructure reason. */
function infrastructureFailure(job: ExecutionJob, message: string): ExecutionResult {
  const name = job.steps[0]?.name ?? 'run';
  return {
    steps: [
      {
        ...spawnFailure(name, message, 0),
        spawnError: undefined,
        infraError: message,
        report: null,
      },
    ],
  };
}
