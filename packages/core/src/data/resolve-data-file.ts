import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataError } from '../errors/data-error.ts';
import type { DataContext, DataFileSpec } from '../spec/dataset.ts';

/**
 * Finds a dataset file, in order: `explicitPath`, `<dataDir>/<spec.path>`,
 * `<cacheDir>/data/<spec.path>`, then a download from `spec.url` into the cache.
 * Every candidate is checked against `spec.sha256`.
 *
 * Returns the absolute path. Throws `DataError` (`data-integrity`) when a file exists but its
 * hash differs, and (`data-unavailable`) when no source has it, naming every place looked at.
 */
export async function resolveDataFile(
  spec: DataFileSpec,
  context: DataContext,
  explicitPath?: string,
): Promise<string> {
  const looked: string[] = [];
  const candidates = [
    explicitPath,
    context.dataDir ? join(context.dataDir, spec.path) : undefined,
    join(context.cacheDir, 'data', spec.path),
  ].filter((candidate): candidate is string => candidate !== undefined);
  for (const candidate of candidates) {
    looked.push(candidate);
    if (!(await exists(candidate))) continue;
    const actual = await sha256File(candidate);
    if (actual !== spec.sha256) {
      throw new DataError({
        code: 'data-integrity',
        file: candidate,
        message: `${candidate}: sha256 is ${actual}, expected ${spec.sha256} for ${spec.path}; the file is corrupt or a different version`,
      });
    }
    return candidate;
  }
  if (!context.allowDownload) {
    throw unavailable(spec, looked, 'downloads are disabled (PASSK_OFFLINE=1)');
  }
  return download(spec, join(context.cacheDir, 'data', spec.path), looked);
}

async function download(spec: DataFileSpec, target: string, looked: string[]): Promise<string> {
  let bytes: Buffer;
  try {
    const response = await fetch(spec.url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (cause) {
    throw unavailable(
      spec,
      looked,
      `download from ${spec.url} failed (${(cause as Error).message})`,
    );
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== spec.sha256) {
    throw new DataError({
      code: 'data-integrity',
      file: spec.url,
      message: `${spec.url}: downloaded bytes have sha256 ${actual}, expected ${spec.sha256}; not saved`,
    });
  }
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
  return target;
}

function unavailable(spec: DataFileSpec, looked: readonly string[], reason: string): DataError {
  return new DataError({
    code: 'data-unavailable',
    file: spec.path,
    message: `cannot find data file ${spec.path}: looked in ${looked.join(', ')}; ${reason}. Set PASSK_DATA_DIR to a folder that holds ${spec.path}`,
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Streams a file through sha256; returns lowercase hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
