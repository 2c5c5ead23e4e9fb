import { resolve } from 'node:path';
import { UsageError, writeFileAtomic } from '@passk/core';
import { type CommandIo, log } from '../io.ts';

/** `--format`'s value (default `table`); one not in `formats` is a usage error naming them. */
export function parseFormat<F extends string>(
  value: string | undefined,
  formats: readonly F[],
  alternatives = '',
): F {
  const format = (value ?? 'table') as F;
  if (!formats.includes(format)) {
    throw new UsageError({
      message: `--format: unknown format '${value}'; known formats: ${formats.join(', ')}${alternatives}`,
    });
  }
  return format;
}

/** Writes a rendered report to `output` (atomically, saying so on stderr), or else to stdout. */
export async function writeOutput(
  io: CommandIo,
  output: string | undefined,
  text: string,
): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, output), text);
  log(io, `wrote ${output} (${Buffer.byteLength(text)} bytes)`);
}
