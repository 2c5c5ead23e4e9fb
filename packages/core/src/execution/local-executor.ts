import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
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
import { defaultScratchParent } from './default-scratch-parent.ts';
import { FORK_PROTOCOL } from './fork-protocol.ts';
import { ForkServer } from './fork-server.ts';
import { writeJobFiles } from './job-files.ts';
import type { LocalExecutorOptions } from './local-executor-options.ts';
import { readStepReport } from './read-step-report.ts';
import { removeDirectory } from './remove-directory.ts';
import { type PoolSlot, SlotPool } from './slot-pool.ts';
import { spawnStep } from './spawn-step.ts';
import { createStepEnvironment } from './step-environment.ts';
import { type StepContext, type StepOutcome, stepFailed } from './step-outcome.ts';

const PRLIMIT = '/usr/bin/prlimit';

/** Consecutive failures after which a slot stops using a server command. */
const MAX_SERVER_FAILURES = 3;

interface ServerEntry {
  readonly server: ForkServer;
  failures: number;
  disabled: boolean;
  warnedDeclined: boolean;
}

type Servers = Map<string, ServerEntry>;

/**
 * Creates the default executor: jobs run as local processes (no sandbox beyond process
 * groups, rlimits and a scrubbed environment), at most `concurrency` at once, queued FIFO.
 *
 * Each job gets a fresh work directory below the scratch directory holding `job.files`; its
 * steps run in order (see `spawnStep` for how one step runs, and fork-protocol.ts for warm
 * servers); the first failing step ends the job unless it sets `stopOnFailure: false`; the
 * work directory is removed afterwards.
 *
 * `execute` rejects with `ExecutorError` for an invalid job (see `assertValidJob`: e.g. an
 * absolute or `..` path; a caller bug), when the work directory cannot be prepared, or after
 * `close()`;
 * with the signal's reason when aborted. A failing program is a result, never a rejection.
 *
 * @throws UsageError for an invalid `concurrency`.
 * @throws ExecutorError when the scratch directory cannot be created.
 */
export function createLocalExecutor(options: LocalExecutorOptions = {}): Executor {
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError({ message: `concurrency must be an integer >= 1, got ${concurrency}` });
  }
  const logger = options.logger;
  const useServers = options.useStepServers ?? true;
  const keepWorkDirs = options.keepWorkDirs ?? false;
  const prlimitPath = existsSync(PRLIMIT) ? PRLIMIT : null;
  const ownsScratch = options.scratchDir === undefined;
  let scratchDir: string;
  try {
    if (options.scratchDir === undefined) {
      scratchDir = mkdtempSync(join(defaultScratchParent(), 'passk-exec-'));
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
  const serverEnv = createStepEnvironment(scratchDir, options.env);
  const pool = new SlotPool<Servers>(concurrency, () => new Map());
  const live = new Set<() => void>();
  const running = new Set<Promise<unknown>>();
  let closed = false;
  let closing: Promise<void> | undefined;

  const track = (kill: () => void): (() => void) => {
    live.add(kill);
    return () => live.delete(kill);
  };

  const closedError = (): ExecutorError => new ExecutorError({ message: 'the executor is closed' });

  const serverFor = (slot: PoolSlot<Servers>, step: Step): ServerEntry | undefined => {
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
    const key = JSON.stringify(spec.argv);
    let entry = slot.servers.get(key);
    if (entry === undefined) {
      const server = new ForkServer(spec.argv, { cwd: scratchDir, env: serverEnv, logger });
      entry = { server, failures: 0, disabled: false, warnedDeclined: false };
      slot.servers.set(key, entry);
    }
    return entry.disabled ? undefined : entry;
  };

  const runStep = async (
    step: Step,
    context: StepContext,
    slot: PoolSlot<Servers>,
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
    return spawnStep(step, context, prlimitPath);
  };

  const runJob = async (
    job: ExecutionJob,
    slot: PoolSlot<Servers>,
    signal?: AbortSignal,
  ): Promise<ExecutionResult> => {
    let workDir: string;
    try {
      workDir = mkdtempSync(join(scratchDir, 'job-'));
    } catch (error) {
      throw new ExecutorError({
        message: `cannot create a work directory in ${scratchDir}`,
        cause: error,
      });
    }
    try {
      try {
        writeJobFiles(workDir, job.files);
      } catch (error) {
        throw new ExecutorError({
          message: `cannot write the job's files in ${workDir}`,
          cause: error,
        });
      }
      const context: StepContext = {
        workDir,
        env: createStepEnvironment(workDir, options.env),
        maxOutputBytes: job.limits.maxOutputBytes,
        maxMemoryBytes: job.limits.maxMemoryBytes,
        signal,
        track,
      };
      const steps: StepResult[] = [];
      for (const step of job.steps) {
        signal?.throwIfAborted();
        if (closed) throw closedError();
        const outcome = await runStep(step, withStepEnvironment(context, step), slot);
        signal?.throwIfAborted();
        if (closed) throw closedError();
        steps.push({ ...outcome, report: readStepReport(workDir, step.reportFile) });
        if (stepFailed(outcome) && step.stopOnFailure !== false) break;
      }
      return { steps };
    } finally {
      if (keepWorkDirs) logger?.debug?.(`kept work directory ${workDir}`);
      else if (!(await removeDirectory(workDir)))
        logger?.warn(`could not remove work directory ${workDir}`);
    }
  };

  return {
    id: 'local',
    sandbox: 'none',
    concurrency,
    async execute(job, signal) {
      if (closed) throw closedError();
      assertValidJob(job);
      const slot = await pool.acquire(signal);
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
            [...slot.servers.values()].map((entry) => entry.server.stop()),
          ),
        );
        if (ownsScratch && !(await removeDirectory(scratchDir))) {
          logger?.warn(`could not remove scratch directory ${scratchDir}`);
        }
      })();
      return closing;
    },
  };
}

/** `context` with the step's own variables added to (and winning over) its environment. */
function withStepEnvironment(context: StepContext, step: Step): StepContext {
  if (step.env === undefined || Object.keys(step.env).length === 0) return context;
  return { ...context, env: { ...context.env, ...step.env } };
}
