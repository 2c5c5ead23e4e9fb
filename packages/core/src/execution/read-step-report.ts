import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Report files larger than this (bytes) are ignored as invalid. */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

/**
 * Reads and JSON-parses a step's report file (relative to `workDir`). Synchronous: reports are
 * small, and sync calls cost a fraction of the CPU of async ones.
 * Returns null when there is no report file, it is missing, too large, or not valid JSON.
 */
export function readStepReport(workDir: string, reportFile: string | undefined): unknown {
  if (reportFile === undefined) return null;
  const path = join(workDir, reportFile);
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_REPORT_BYTES) return null;
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
