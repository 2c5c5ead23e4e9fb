/**
 * What a hostile program may try. Every language's conformance table covers each threat with
 * at least one program (`runHostileSuite` reports the ones missing).
 */
export const HOSTILE_THREATS = {
  'fork-bomb': 'starts processes without end',
  'memory-bomb': 'allocates far more memory than the limit',
  'disk-filler': 'writes files until something gives',
  'endless-output': 'writes to stdout without end',
  'endless-sleep': 'never finishes',
  daemon: 'leaves a process running that tries to outlive the run',
  'api-key': "reads an API key planted in passk's own environment",
  'home-files': "reads and writes files in the user's home directory",
  'repo-files': 'reads and writes files in the repository',
  network: 'connects to a server listening on 127.0.0.1',
  'close-stdout': 'closes its stdout and stderr',
  'block-stdin': 'waits for input on stdin',
  'early-exit': 'exits with status 0 before the tests have run',
  'kill-parent': 'kills its parent process or its own test harness',
} as const;

/** One of {@link HOSTILE_THREATS}. */
export type HostileThreat = keyof typeof HOSTILE_THREATS;
