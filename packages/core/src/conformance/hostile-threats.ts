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
  // Programs whose tests never run: only evidence from the benchmark's own test code, run to
  // its end, may make a pass (not something that runs whatever the file contains).
  'text-only': 'is text, not code (a PHP answer without `<?php`), so its tests never run',
  'empty-program': 'is empty: no code and no tests',
  'tolerated-syntax-error':
    'has a syntax error the interpreter tolerates (an unterminated comment) that hides the tests',
  'unreached-tests': 'ends normally before the test call is reached (or runs tests of its own)',
  'redefined-tests': 'defines its own test function (or main) that checks nothing',
} as const;

/** The threats of {@link HOSTILE_THREATS} whose programs never run the benchmark's tests. */
export const TESTS_NEVER_RAN_THREATS = [
  'text-only',
  'empty-program',
  'tolerated-syntax-error',
  'unreached-tests',
  'redefined-tests',
] as const satisfies readonly HostileThreat[];

/** One of {@link HOSTILE_THREATS}. */
export type HostileThreat = keyof typeof HOSTILE_THREATS;
