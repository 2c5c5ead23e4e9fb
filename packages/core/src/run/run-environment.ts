/**
 * The environment variables passk reads, passed in explicitly (core never reads
 * `process.env`): `PASSK_BWRAP`, `PASSK_SCRATCH_DIR`, `PASSK_SANDBOX_UID_BASE` (executor),
 * `PASSK_CACHE_DIR` / `XDG_CACHE_HOME` (caches), `PASSK_DATA_DIR` / `PASSK_OFFLINE` (data).
 */
export type RunEnvironment = Readonly<Record<string, string | undefined>>;

/** Where a run reports what it does and what it works around; library code never prints. */
export interface RunLogger {
  /** Progress notes (`passk run: humaneval · reference · 164 problems`). */
  info(message: string): void;
  /** Something the user should know (no sandbox, a warm server replaced). */
  warn(message: string): void;
}

/** A logger that drops everything: the default of every run. */
export const SILENT_LOGGER: RunLogger = { info() {}, warn() {} };
