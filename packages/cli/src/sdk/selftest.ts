import {
  createRunExecutor,
  type Dataset,
  defaultDataContext,
  type Registry,
  type RunEnvironment,
  type RunLogger,
  selectProblems,
  type ToolchainInfo,
  UsageError,
} from '@passk/core';
import { createBuiltinRegistry } from '../builtin-registry.ts';
import { type SelftestReport, summarizeSelftest } from '../selftest/render-selftest.ts';
import { runSelftest, type SelftestCheck } from '../selftest/run-selftest.ts';
import { check, checkPositive } from './scoring-settings.ts';

/** Options of {@link selftest}: every flag of `passk selftest`, with the same defaults. */
export interface SelftestOptions {
  /** A dataset id of the registry or a `Dataset`. */
  readonly dataset: string | Dataset;
  /** Only problems in these languages (ids or aliases; `--languages`). Default all. */
  readonly languages?: readonly string[];
  /** Only the first N problems (`--limit`). Default all. */
  readonly limit?: number;
  /** Only these task ids (`--tasks`). Default all. */
  readonly tasks?: readonly string[];
  /** Programs executed at once (`--workers`). Default the number of cores. */
  readonly workers?: number;
  /** Multiplier of every time limit (`--timeout-factor`). Default 1. */
  readonly timeoutFactor?: number;
  /** Default `createBuiltinRegistry()`. */
  readonly registry?: Registry;
  /** `PASSK_DATA_DIR`, `PASSK_BWRAP`, `PASSK_SCRATCH_DIR`, `PASSK_SANDBOX_UID_BASE`… Default `process.env`. */
  readonly env?: RunEnvironment;
  readonly logger?: RunLogger;
  /** Called after each check, for progress. */
  readonly onCheck?: (check: SelftestCheck, done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs a dataset's reference solutions and must-fail controls through the run's executor
 * (`createRunExecutor`, the same environment) and judging (`judgeProgram`), and judges every
 * outcome against the known-broken list (`passk selftest`). Resolves with the report (`ok`
 * false when a reference failed or a control passed, unexplained); rejects for bad options,
 * bad data, a broken executor or an abort.
 */
export async function selftest(options: SelftestOptions): Promise<SelftestReport> {
  if (options.limit !== undefined && options.tasks !== undefined)
    throw new UsageError({ message: '--limit and --tasks cannot be used together' });
  checkPositive(options.limit, '--limit');
  checkPositive(options.workers, '--workers');
  check(options.timeoutFactor, '--timeout-factor', 0.1, 100);
  const registry = options.registry ?? createBuiltinRegistry();
  const env = options.env ?? process.env;
  const dataset =
    typeof options.dataset === 'string'
      ? registry.dataset(
          options.dataset,
          options.languages
            ? { languages: options.languages.map((id) => registry.language(id).id) }
            : undefined,
        )
      : options.dataset;
  const { problems: all } = await dataset.load(defaultDataContext(env));
  const problems = selectProblems(all, {
    ...(options.tasks ? { tasks: options.tasks } : {}),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.languages
      ? { languages: options.languages.map((id) => registry.language(id).id) }
      : {}),
  });
  const toolchains = new Map<string, ToolchainInfo>();
  for (const id of new Set(problems.map((problem) => problem.language))) {
    toolchains.set(id, await registry.language(id).detect());
  }
  const executor = createRunExecutor({
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    env,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  options.logger?.info(
    `passk selftest: ${dataset.id} · ${problems.length} problems · ${executor.concurrency} workers`,
  );
  try {
    const checks = await runSelftest({
      dataset,
      problems,
      language: (id) => registry.language(id),
      toolchains,
      executor,
      timeoutFactor: options.timeoutFactor ?? 1,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onCheck ? { onCheck: options.onCheck } : {}),
    });
    return summarizeSelftest(dataset.id, checks, toolchains);
  } finally {
    await executor.close();
  }
}
