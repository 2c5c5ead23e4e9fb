import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Step } from '../spec/executor.ts';
import { killGroup } from './kill-group.ts';
import { OutputTail } from './output-tail.ts';
import { resolveCommand } from './resolve-command.ts';
import { STEP_PATH } from './step-environment.ts';
import { type StepContext, type StepOutcome, spawnFailure } from './step-outcome.ts';

/** How long to wait for stdout/stderr to close after the main process exited, in ms. */
const STREAM_CLOSE_GRACE_MS = 1000;

/**
 * Runs `step.argv` as a new process group in the work directory, with stdin on /dev/null and
 * the given environment. The whole group is SIGKILLed when the step times out, when stdout or
 * stderr passes `maxOutputBytes`, when `signal` aborts, and always once the main process has
 * exited (reaping leftover children). With `prlimitPath` and `maxMemoryBytes > 0` the command
 * runs as `prlimit --as=<bytes> -- <argv>`.
 *
 * Returns the outcome; never rejects. A command that cannot be started yields `spawnError`.
 */
export function spawnStep(
  step: Step,
  context: StepContext,
  prlimitPath: string | null,
): Promise<StepOutcome> {
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  let argv = [...step.argv];
  const command = argv[0] ?? '';
  if (context.maxMemoryBytes > 0 && prlimitPath !== null) {
    // prlimit would report a missing command as its own failure: resolve it first.
    const resolved = resolveCommand(command, context.workDir, context.env.PATH ?? STEP_PATH);
    if (resolved === null) {
      return Promise.resolve(spawnFailure(step.name, `spawn ${command} ENOENT`, elapsed()));
    }
    argv = [prlimitPath, `--as=${context.maxMemoryBytes}`, '--', resolved, ...argv.slice(1)];
  }

  return new Promise((resolvePromise) => {
    const stdout = new OutputTail();
    const stderr = new OutputTail();
    let timedOut = false;
    let outputLimitExceeded = false;
    let exit: { code: number | null; signal: string | null; durationMs: number } | undefined;
    let settled = false;

    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd: context.workDir,
      env: context.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = (): void => {
      killGroup(child.pid);
    };
    const untrack = context.track(kill);
    const timer = setTimeout(() => {
      if (exit === undefined) {
        timedOut = true;
        kill();
      }
    }, step.timeoutMs);
    const onAbort = (): void => kill();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    let graceTimer: NodeJS.Timeout | undefined;

    const finish = (outcome: StepOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      context.signal?.removeEventListener('abort', onAbort);
      untrack();
      resolvePromise(outcome);
    };

    const watch = (stream: NodeJS.ReadableStream, tail: OutputTail): void => {
      stream.on('data', (chunk: Buffer) => {
        tail.push(chunk);
        if (tail.bytes > context.maxOutputBytes && !outputLimitExceeded && exit === undefined) {
          outputLimitExceeded = true;
          kill();
        }
      });
    };
    watch(child.stdout, stdout);
    watch(child.stderr, stderr);

    child.on('error', (error) => {
      if (child.pid === undefined) finish(spawnFailure(step.name, error.message, elapsed()));
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal, durationMs: elapsed() };
      kill();
      graceTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        complete();
      }, STREAM_CLOSE_GRACE_MS);
    });
    const complete = (): void => {
      if (exit === undefined) return;
      finish({
        name: step.name,
        exitCode: exit.code,
        signal: exit.signal,
        timedOut,
        outputLimitExceeded,
        durationMs: exit.durationMs,
        stdoutTail: stdout.text(),
        stderrTail: stderr.text(),
        stdoutBytes: stdout.bytes,
        stderrBytes: stderr.bytes,
      });
    };
    child.on('close', complete);
  });
}
