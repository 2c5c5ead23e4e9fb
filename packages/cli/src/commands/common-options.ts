import {
  SANDBOX_MODES,
  type SandboxMode,
  UsageError,
  VERDICT_RULES,
  type VerdictRule,
} from '@passk/core';
import { parseKList, parseNumber, parsePositiveInteger } from '../parse-options.ts';

/** Flags shared by `run` and `evaluate`. */
export const COMMON_RUN_OPTIONS = {
  dataset: { type: 'string' },
  k: { type: 'string', short: 'k' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  workers: { type: 'string' },
  'timeout-factor': { type: 'string' },
  'no-cache': { type: 'boolean' },
  seed: { type: 'string' },
  resamples: { type: 'string' },
  sandbox: { type: 'string' },
  verdicts: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Usage text of the sandbox and verdict flags, shared by `run` and `evaluate`. */
export const SANDBOX_USAGE = '[--sandbox bwrap|none] [--verdicts strict|reference]';

/** Values of the shared flags, parsed and checked. */
export interface CommonRunValues {
  readonly datasetId: string;
  readonly ks?: readonly number[];
  readonly out?: string;
  readonly json: boolean;
  readonly workers?: number;
  readonly timeoutFactor: number;
  readonly cache: boolean;
  readonly seed: number;
  readonly resamples: number;
  /** `--sandbox`: how model code is isolated (default `bwrap`). */
  readonly sandbox: SandboxMode;
  /** `--verdicts`: which judgement is scored (default `strict`). */
  readonly verdicts: VerdictRule;
}

/** Parses the shared flags; throws `UsageError` naming the flag. */
export function parseCommonRunValues(
  values: Record<string, string | boolean | undefined>,
): CommonRunValues {
  if (typeof values.dataset !== 'string')
    throw new UsageError({ message: '--dataset is required (see `passk datasets`)' });
  const ks = parseKList(values.k as string | undefined);
  return {
    datasetId: values.dataset,
    ...(ks ? { ks } : {}),
    ...(typeof values.out === 'string' ? { out: values.out } : {}),
    json: values.json === true,
    ...(values.workers === undefined
      ? {}
      : { workers: parsePositiveInteger(values.workers as string, '--workers') }),
    timeoutFactor:
      parseNumber(values['timeout-factor'] as string | undefined, '--timeout-factor', 0.1, 100) ??
      1,
    cache: values['no-cache'] !== true,
    seed: parseNumber(values.seed as string | undefined, '--seed', 0, 2 ** 31 - 1) ?? 0,
    resamples: parsePositiveInteger(values.resamples as string | undefined, '--resamples') ?? 2000,
    sandbox: parseChoice(values.sandbox, '--sandbox', SANDBOX_MODES),
    verdicts: parseChoice(values.verdicts, '--verdicts', VERDICT_RULES),
  };
}

/** A flag with a fixed set of values (the first is the default); throws `UsageError`. */
function parseChoice<T extends string>(
  value: string | boolean | undefined,
  flag: string,
  choices: readonly T[],
): T {
  if (value === undefined) return choices[0] as T;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as T;
  throw new UsageError({
    message: `${flag} expects one of ${choices.join(', ')}, got '${String(value)}'`,
  });
}

/** Turns a string into a safe file-name part. */
export function slug(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'run'
  );
}
