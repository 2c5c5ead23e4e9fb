import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { CredentialError, InvalidInputError } from '@passk/core';

/** Where a provider's key is looked up. */
export interface KeySources {
  /** Environment variables (the process environment, or one injected by a test). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A `.env` file consulted after `env` (missing file: ignored). */
  readonly envFile?: string;
}

/**
 * The first non-empty value of `variables` in the environment, then in the `.env` file.
 * Returns undefined when none is set; throws `InvalidInputError` for a `.env` file that
 * exists but cannot be parsed.
 */
export function findSetting(variables: readonly string[], sources: KeySources): string | undefined {
  for (const name of variables) {
    const value = sources.env[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  const file = sources.envFile ? readEnvFile(sources.envFile) : undefined;
  for (const name of variables) {
    const value = file?.[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/**
 * Like `findSetting`, but a missing key is a `CredentialError` (exit code 2) naming the
 * variables and the `.env` file that were searched, and the provider id that needed it.
 */
export function requireApiKey(
  variables: readonly string[],
  sources: KeySources,
  providerId: string,
): string {
  const key = findSetting(variables, sources);
  if (key !== undefined) return key;
  throw new CredentialError({
    variables,
    message: `--model ${providerId} needs an API key: set ${variables.join(' or ')} in the environment${sources.envFile ? ` or in ${sources.envFile}` : ''}`,
  });
}

const envFiles = new Map<string, Record<string, string | undefined> | undefined>();

function readEnvFile(path: string): Record<string, string | undefined> | undefined {
  if (envFiles.has(path)) return envFiles.get(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    envFiles.set(path, undefined);
    return undefined;
  }
  let parsed: Record<string, string | undefined>;
  try {
    parsed = parseEnv(text) as Record<string, string | undefined>;
  } catch (cause) {
    throw new InvalidInputError({
      reason: 'not a valid .env file',
      location: { file: path },
      cause,
    });
  }
  envFiles.set(path, parsed);
  return parsed;
}
