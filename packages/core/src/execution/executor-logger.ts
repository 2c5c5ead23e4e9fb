/** Where the executor reports problems it recovers from. Library code never prints. */
export interface ExecutorLogger {
  /** Something went wrong and was worked around (e.g. a warm server died). */
  warn(message: string): void;
  /** Diagnostic detail (server stderr, kept work directories). */
  debug?(message: string): void;
}
