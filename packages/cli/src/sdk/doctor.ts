import { access, constants, mkdir } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import {
  createRunExecutor,
  defaultCacheDir,
  defaultDataContext,
  PasskError,
  type Registry,
  type RunEnvironment,
  resolveDataFile,
} from '@passk/core';
import { createBuiltinRegistry } from '../builtin-registry.ts';
import { PASSK_VERSION } from '../version.ts';

/** One line of `passk doctor`. */
export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** The checks of {@link doctor} that may fail without making passk unusable. */
export function isOptionalCheck(name: string): boolean {
  // Data is downloaded on first use; a language without its toolchain only affects the
  // datasets in that language (its samples become toolchain_missing). Python is required.
  return name.startsWith('data ') || (name.startsWith('language ') && name !== 'language python');
}

/**
 * What `passk doctor` checks: Node version, every language's toolchain, the sandbox (created
 * as runs create it), the data directory and files, the cache. Never throws for a failed
 * check; passk is usable when every check that is not optional (`isOptionalCheck`) is ok.
 */
export async function doctor(
  options: { readonly registry?: Registry; readonly env?: RunEnvironment } = {},
): Promise<DoctorCheck[]> {
  const registry = options.registry ?? createBuiltinRegistry();
  const env = options.env ?? process.env;
  const checks: DoctorCheck[] = [];
  const nodeMajor = Number.parseInt(process.versions.node, 10);
  checks.push({
    name: 'node',
    ok: nodeMajor >= 22,
    detail: `${process.version}${nodeMajor >= 22 ? '' : ' (passk needs Node.js >= 22)'}`,
  });
  checks.push({
    name: 'passk',
    ok: true,
    detail: `${PASSK_VERSION} · ${availableParallelism()} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  });
  // All at once: each detection mostly waits for a toolchain to start.
  const detected = await Promise.all(
    Object.keys(registry.input.languages).map(async (id) => ({
      id,
      info: await registry.language(id).detect(),
    })),
  );
  for (const { id, info } of detected) {
    checks.push({
      name: `language ${id}`,
      ok: info.available,
      detail: info.available
        ? `${info.version ?? '?'} (${info.path})`
        : (info.problem ?? 'not found'),
    });
  }
  checks.push(...(await sandboxChecks(env)));
  const context = defaultDataContext(env);
  checks.push({
    name: 'data directory',
    ok: true,
    detail: context.dataDir
      ? `PASSK_DATA_DIR=${context.dataDir}`
      : 'PASSK_DATA_DIR not set (files come from the cache or are downloaded)',
  });
  for (const [id, entry] of Object.entries(registry.input.datasets)) {
    if (entry.argument) continue;
    for (const file of registry.dataset(id).files) {
      try {
        const path = await resolveDataFile(file, { ...context, allowDownload: false });
        checks.push({ name: `data ${file.path}`, ok: true, detail: `${path} (sha256 verified)` });
      } catch (error) {
        if (!PasskError.is(error)) throw error;
        checks.push({
          name: `data ${file.path}`,
          ok: false,
          detail: `${error.message.split('. Set')[0]}; it will be downloaded from ${file.url} on first use`,
        });
      }
    }
  }
  const cacheDir = defaultCacheDir(env);
  try {
    await mkdir(cacheDir, { recursive: true });
    await access(cacheDir, constants.W_OK);
    checks.push({ name: 'cache', ok: true, detail: cacheDir });
  } catch (error) {
    checks.push({
      name: 'cache',
      ok: false,
      detail: `${cacheDir} is not writable (${(error as Error).message}); set PASSK_CACHE_DIR`,
    });
  }
  return checks;
}

/** Names of the lines of a working sandbox's description, in `Executor.isolation` order. */
const SANDBOX_LINES = [
  'sandbox',
  'sandbox user',
  'sandbox files',
  'sandbox env',
  'sandbox limits',
  'sandbox cgroups',
  'sandbox lifetime',
];

/**
 * The sandbox checks: starts the default (`bwrap`) executor once, as a run creates it
 * (`createRunExecutor`, the same environment), which probes bubblewrap, and reports how programs are isolated and which limits are in
 * force; or why the sandbox cannot run here and how to fix it or opt out.
 */
async function sandboxChecks(env: RunEnvironment): Promise<DoctorCheck[]> {
  try {
    const executor = createRunExecutor({ workers: 1, sandbox: 'bwrap', env });
    const lines = executor.isolation ?? [];
    await executor.close();
    return lines.map((line, index) => ({
      name: SANDBOX_LINES[index] ?? `sandbox (${index + 1})`,
      ok: true,
      detail: index === 0 ? `bwrap (default): ${line}` : line,
    }));
  } catch (error) {
    if (!PasskError.is(error) || error.code !== 'sandbox-unavailable') throw error;
    return [{ name: 'sandbox', ok: false, detail: `bwrap (default): ${error.message}` }];
  }
}
