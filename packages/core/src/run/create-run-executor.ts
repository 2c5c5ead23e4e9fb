import { availableParallelism } from 'node:os';
import { UsageError } from '../errors/usage-error.ts';
import { createLocalExecutor } from '../execution/local-executor.ts';
import type { SandboxMode } from '../execution/sandbox/sandbox-mode.ts';
import type { Executor } from '../spec/executor.ts';
import type { RunEnvironment, RunLogger } from './run-environment.ts';

/** Options of {@link createRunExecutor}. */
export interface RunExecutorOptions {
  /** Programs executed at once (`--workers`). Default `os.availableParallelism()`. */
  readonly workers?: number;
  /** How programs are isolated (`--sandbox`). Default `bwrap`. */
  readonly sandbox?: SandboxMode;
  /** `PASSK_BWRAP`, `PASSK_SCRATCH_DIR`, `PASSK_SANDBOX_UID_BASE` are read from here. Default `{}`. */
  readonly env?: RunEnvironment;
  /** Receives the executor's warnings (and the warning that `none` has no sandbox). */
  readonly logger?: Pick<RunLogger, 'warn'>;
}

/**
 * The local executor of runs, `passk selftest` and `passk doctor`, configured from the
 * options and the environment: `PASSK_BWRAP` (bubblewrap binary), `PASSK_SCRATCH_DIR` (where
 * job directories go), `PASSK_SANDBOX_UID_BASE` (first slot uid as root). With `sandbox:
 * 'none'` it warns that programs run unsandboxed. The caller closes it.
 *
 * Throws `UsageError` for a malformed `PASSK_SANDBOX_UID_BASE`, `SandboxUnavailableError`
 * where bubblewrap cannot run.
 */
export function createRunExecutor(options: RunExecutorOptions = {}): Executor {
  const env = options.env ?? {};
  const sandbox = options.sandbox ?? 'bwrap';
  const uidBase = sandboxUidBase(env);
  const executor = createLocalExecutor({
    concurrency: options.workers ?? availableParallelism(),
    sandbox,
    ...(options.logger ? { logger: { warn: (message) => options.logger?.warn(message) } } : {}),
    ...(env.PASSK_BWRAP ? { bwrapPath: env.PASSK_BWRAP } : {}),
    ...(env.PASSK_SCRATCH_DIR ? { scratchDir: env.PASSK_SCRATCH_DIR } : {}),
    ...(uidBase === undefined ? {} : { sandboxUidBase: uidBase }),
  });
  if (sandbox === 'none') {
    options.logger?.warn(
      '--sandbox none: model-written code runs WITHOUT a sandbox, as your user, with access to your files, network and processes (only time, memory, file-size and output limits apply)',
    );
  }
  return executor;
}

/** `PASSK_SANDBOX_UID_BASE`: the first uid of the sandbox slots when passk runs as root. */
function sandboxUidBase(env: RunEnvironment): number | undefined {
  const value = env.PASSK_SANDBOX_UID_BASE;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1000 || Number(value) > 4_000_000_000) {
    throw new UsageError({
      message: `PASSK_SANDBOX_UID_BASE must be an integer from 1000 to 4000000000, got '${value}'`,
    });
  }
  return Number(value);
}
