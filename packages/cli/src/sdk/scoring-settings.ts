import {
  checkDay,
  type Dataset,
  type ProblemSelection,
  type Registry,
  type RunEnvironment,
  type RunEvaluationOptions,
  UsageError,
} from '@passk/core';
import { createBuiltinRegistry } from '../builtin-registry.ts';
import { createQueueExecutor } from '../queue/create-queue-executor.ts';
import { parseQueueUrl } from '../queue/queue-url.ts';
import { PASSK_VERSION } from '../version.ts';
import type { ScoringOptions } from './run-options.ts';

/** The registry, the dataset and the core settings of `run` / `evaluate` options. */
export interface ScoringSettings {
  readonly registry: Registry;
  readonly dataset: Dataset;
  /** The problem selection shared by `run` and `evaluate`: languages (passk ids) and date window. */
  readonly selection: Pick<ProblemSelection, 'languages' | 'since' | 'until'>;
  readonly core: Omit<RunEvaluationOptions, 'dataset' | 'provider'>;
}

/**
 * Resolves the options shared by `run` and `evaluate` into core settings. Throws `UsageError`
 * for a value out of range (naming the flag), `UnknownIdError` for an unknown dataset.
 */
export function scoringSettings(options: ScoringOptions): ScoringSettings {
  check(options.timeoutFactor, '--timeout-factor', 0.1, 100);
  check(options.seed, '--seed', 0, 2 ** 31 - 1);
  checkPositive(options.workers, '--workers');
  checkPositive(options.resamples, '--resamples');
  for (const k of options.k ?? []) checkPositive(k, '-k');
  if (options.since !== undefined) checkDay(options.since, '--since');
  if (options.until !== undefined) checkDay(options.until, '--until');
  const location = options.queue === undefined ? undefined : parseQueueUrl(options.queue);
  const unreachableMs = queueUnreachableMs(options.env ?? process.env);
  const registry = options.registry ?? createBuiltinRegistry();
  const languages =
    options.languages === undefined || options.languages === 'all'
      ? undefined
      : languageIds(options.languages, registry);
  const dataset =
    typeof options.dataset === 'string'
      ? registry.dataset(options.dataset, languages ? { languages } : undefined)
      : options.dataset;
  return {
    registry,
    dataset,
    selection: {
      ...(languages ? { languages } : {}),
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.until === undefined ? {} : { until: options.until }),
    },
    core: {
      language: (id) => registry.language(id),
      passkVersion: PASSK_VERSION,
      ...(options.k ? { k: [...new Set(options.k)].sort((a, b) => a - b) } : {}),
      ...(options.out === undefined ? {} : { out: options.out }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.timeoutFactor === undefined ? {} : { timeoutFactor: options.timeoutFactor }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
      ...(options.cache === undefined ? {} : { cache: options.cache }),
      ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
      ...(location === undefined
        ? {}
        : {
            createExecutor: ({ runId, sandbox, logger }) =>
              createQueueExecutor({
                queue: location,
                runId,
                sandbox,
                languageId: (id) => registry.language(id).id,
                ...(options.workers === undefined ? {} : { concurrency: options.workers }),
                ...(unreachableMs === undefined ? {} : { unreachableMs }),
                logger,
              }),
          }),
      ...(options.verdicts === undefined ? {} : { verdicts: options.verdicts }),
      env: options.env ?? process.env,
      cwd: options.cwd ?? process.cwd(),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  };
}

/**
 * passk language ids of `--languages` names (ids, aliases, MultiPL-E codes such as `rkt`).
 * Throws `UsageError` for an empty list, `UnknownIdError` (listing the languages) otherwise.
 */
function languageIds(names: readonly string[], registry: Registry): string[] {
  if (names.length === 0 || names.some((name) => typeof name !== 'string' || name === ''))
    throw new UsageError({
      message: `--languages expects language ids (cpp,lua,…) or 'all', got '${names.join(',')}'`,
    });
  return [...new Set(names.map((name) => registry.language(name).id))];
}

/** Throws `UsageError` unless `value` is undefined or a number in [min, max]. */
export function check(value: number | undefined, flag: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new UsageError({
      message: `${flag} expects a number from ${min} to ${max}, got '${value}'`,
    });
}

/** Throws `UsageError` unless `value` is undefined or a positive integer. */
export function checkPositive(value: number | undefined, flag: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError({ message: `${flag} expects a positive integer, got '${value}'` });
}

/** `PASSK_QUEUE_UNREACHABLE_MS`: how long a `--queue` run waits for an unreachable Redis. */
function queueUnreachableMs(env: RunEnvironment): number | undefined {
  const value = env.PASSK_QUEUE_UNREACHABLE_MS;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 100) {
    throw new UsageError({
      message: `PASSK_QUEUE_UNREACHABLE_MS must be a number of milliseconds of at least 100, got '${value}'`,
    });
  }
  return Number(value);
}
