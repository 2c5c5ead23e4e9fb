import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '@passk/core';
import type { CommandHelp } from './help/command-help.ts';
import { usageLine } from './help/render-help.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly. Throws `UsageError` naming the offending flag and
 * the usage line of the command's `help`.
 */
export function parseOptions<T extends Options>(
  argv: readonly string[],
  options: T,
  help: CommandHelp,
) {
  const usage = usageLine(help);
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (cause) {
    const message = (cause as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError({ message: `${message}\nusage: ${usage}`, cause });
  }
}

/** A `UsageError` saying `message`, then the usage line of the command's `help`. */
export function usageError(help: CommandHelp, message: string): UsageError {
  return new UsageError({ message: `${message}\nusage: ${usageLine(help)}` });
}

/** Parses a positive integer flag value; throws `UsageError` naming the flag. */
export function parsePositiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number.parseInt(value, 10) < 1) {
    throw new UsageError({ message: `${flag} expects a positive integer, got '${value}'` });
  }
  return Number.parseInt(value, 10);
}

/** Parses a number flag within [min, max]; throws `UsageError` naming the flag. */
export function parseNumber(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min || number > max) {
    throw new UsageError({
      message: `${flag} expects a number from ${min} to ${max}, got '${value}'`,
    });
  }
  return number;
}

/** Parses `-k 1,10,100` into sorted unique positive integers; throws `UsageError`. */
export function parseKList(value: string | undefined, flag = '-k'): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((part) => part.trim());
  const ks = parts.map((part) => parsePositiveInteger(part, flag) as number);
  return [...new Set(ks)].sort((a, b) => a - b);
}

/** Splits a comma-separated list, dropping empty entries. */
export function parseList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
}
