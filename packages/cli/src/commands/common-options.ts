import { checkDay, SANDBOX_MODES, UsageError, VERDICT_RULES } from '@passk/core';
import { type CommandIo, log } from '../io.ts';
import { parseKList, parseList, parseNumber, parsePositiveInteger } from '../parse-options.ts';
import { parseQueueUrl } from '../queue/queue-url.ts';
import type { ScoringOptions } from '../sdk/run-options.ts';

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
  queue: { type: 'string' },
  languages: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
} as const;

/** Values of the shared flags, parsed and checked, as SDK options. */
export type CommonRunValues = Omit<
  ScoringOptions,
  'registry' | 'env' | 'cwd' | 'logger' | 'onEvent' | 'signal'
> & {
  readonly dataset: string;
  /** `--json`: print `summary.json` to stdout. */
  readonly json: boolean;
};

/** Parses the shared flags; throws `UsageError` naming the flag. Unset flags stay unset (SDK defaults). */
export function parseCommonRunValues(
  values: Record<string, string | boolean | undefined>,
): CommonRunValues {
  if (typeof values.dataset !== 'string')
    throw new UsageError({ message: '--dataset is required (see `passk datasets`)' });
  const k = parseKList(values.k as string | undefined);
  const workers = parsePositiveInteger(values.workers as string | undefined, '--workers');
  const timeoutFactor = parseNumber(
    values['timeout-factor'] as string | undefined,
    '--timeout-factor',
    0.1,
    100,
  );
  const seed = parseNumber(values.seed as string | undefined, '--seed', 0, 2 ** 31 - 1);
  const resamples = parsePositiveInteger(values.resamples as string | undefined, '--resamples');
  const languages = parseList(values.languages as string | undefined);
  if (languages !== undefined && languages.length === 0)
    throw new UsageError({ message: "--languages expects language ids (cpp,lua,…) or 'all'" });
  for (const flag of ['since', 'until'] as const) {
    const value = values[flag];
    if (value !== undefined) checkDay(String(value), `--${flag}`);
  }
  return {
    dataset: values.dataset,
    ...(k ? { k } : {}),
    ...(typeof values.out === 'string' ? { out: values.out } : {}),
    json: values.json === true,
    ...(workers === undefined ? {} : { workers }),
    ...(timeoutFactor === undefined ? {} : { timeoutFactor }),
    ...(values['no-cache'] === true ? { cache: false } : {}),
    ...(seed === undefined ? {} : { seed }),
    ...(resamples === undefined ? {} : { resamples }),
    ...(typeof values.queue === 'string' ? { queue: checkedQueueUrl(values.queue) } : {}),
    ...(languages === undefined
      ? {}
      : { languages: languages.length === 1 && languages[0] === 'all' ? 'all' : languages }),
    ...(typeof values.since === 'string' ? { since: values.since } : {}),
    ...(typeof values.until === 'string' ? { until: values.until } : {}),
    sandbox: parseChoice(values.sandbox, '--sandbox', SANDBOX_MODES),
    verdicts: parseChoice(values.verdicts, '--verdicts', VERDICT_RULES),
  };
}

/** The SDK settings every command gets from its environment: stderr logging, Ctrl-C. */
export function commandContext(io: CommandIo) {
  return {
    env: io.env,
    cwd: io.cwd,
    signal: io.signal,
    logger: {
      info: (message: string) => log(io, message),
      warn: (message: string) => log(io, `warning: ${message}`),
    },
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

/** `--queue URL`, checked (`UsageError` for a malformed one) and kept as given. */
function checkedQueueUrl(value: string): string {
  parseQueueUrl(value);
  return value;
}
