import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for R (see `HostileSuite`). */
export const R_HOSTILE: HostileSuite = {
  language: 'r',
  mainFile: 'main.r',
  prompt: '# Add two numbers x and y\nadd <- function(x, y) {\n',
  tests:
    '}\ntest_humaneval <- function() {\n    candidate <- add\n    stopifnot(isTRUE(all.equal(candidate(2, 3), 5)))\n    stopifnot(isTRUE(all.equal(candidate(7, 5), 12)))\n}\ntest_humaneval()',
  timeoutMs: 5_000,
  cases: [
    { name: 'correct', completion: '  x + y', expected: 'passed' },
    { name: 'wrong answer', completion: '  x - y', expected: 'failed' },
    { name: 'syntax error', completion: '  x + )', expected: 'compile_error' },
    {
      name: 'early quit(status = 0)',
      completion: '  quit(status = 0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    { name: 'endless loop', completion: '  repeat {}', expected: 'timeout', timeoutMs: 1500 },
    {
      name: 'endless output',
      completion: "  repeat cat(strrep('x', 65536))",
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion: '  a <- list()\n  for (i in 1:64) a[[i]] <- numeric(2^25)\n  x + y',
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: "  repeat system('sleep 1000', wait = FALSE)",
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion: "  if (Sys.getenv('PASSK_HOSTILE_SECRET') != '') stop('secret visible')\n  x + y",
      expected: 'passed',
    },
  ],
};
