import { readWorkFile } from './read-work-file.ts';

/** Report files larger than this (bytes) are ignored as invalid. */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

/**
 * Reads and JSON-parses a step's report file (relative to `workDir`; see `readWorkFile`).
 * Returns null when there is no report file, it is missing, reached through a link, too large,
 * or not valid JSON.
 */
export function readStepReport(workDir: string, reportFile: string | undefined): unknown {
  if (reportFile === undefined) return null;
  const bytes = readWorkFile(workDir, reportFile, MAX_REPORT_BYTES);
  if (bytes === null) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
