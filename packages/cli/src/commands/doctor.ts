import { access, constants, mkdir } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import {
  createLocalExecutor,
  defaultCacheDir,
  defaultDataContext,
  PasskError,
  type Registry,
  resolveDataFile,
} from '@passk/core';
import type { CommandIo } from '../io.ts';
import { parseOptions } from '../parse-options.ts';
import { PASSK_VERSION } from '../version.ts';

export const DOCTOR_USAGE = 'passk doctor [--json]';

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * `passk doctor`: Node version, toolchains, sandbox, data directory and cache. Exit 0 when
 * passk itself is usable (Node, Python, cache), 1 otherwise; a missing data file or a
 * missing toolchain of another language is reported but does not fail it.
 */
export async function doctorCommand(
  argv: readonly string[],
  registry: Registry,
  io: CommandIo,
): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean' } }, DOCTOR_USAGE);
  const checks: Check[] = [];
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
  checks.push(...(await sandboxChecks(io)));
  const context = defaultDataContext(io.env);
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
  const cacheDir = defaultCacheDir(io.env);
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
  if (values.json) io.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
  else {
    const width = Math.max(...checks.map((check) => check.name.length));
    for (const check of checks)
      io.stdout.write(
        `${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.detail}\n`,
      );
  }
  // Data is downloaded on first use; a language without its toolchain only affects the
  // datasets in that language (its samples become toolchain_missing). Python is required.
  const optional = (name: string) =>
    name.startsWith('data ') || (name.startsWith('language ') && name !== 'language python');
  return checks.every((check) => check.ok || optional(check.name)) ? 0 : 1;
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
 * The sandbox checks: starts the default (`bwrap`) executor once, which probes bubblewrap
 * exactly as a run would, and reports how programs are isolated and which limits are in
 * force; or why the sandbox cannot run here and how to fix it or opt out.
 */
async function sandboxChecks(io: CommandIo): Promise<Check[]> {
  try {
    const executor = createLocalExecutor({
      concurrency: 1,
      sandbox: 'bwrap',
      ...(io.env.PASSK_BWRAP ? { bwrapPath: io.env.PASSK_BWRAP } : {}),
    });
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
