/**
 * How a program can pass a reference harness without solving the problem (issue 13). Each
 * program of a language's gaming corpus uses one.
 */
export const GAMING_TACTICS = {
  'rigged-equality':
    'returns an object whose equality (or comparison, or conversion) always agrees with the expected value',
  'patched-assertions':
    "replaces the test framework's assertions or the helpers the tests call (a builtin, a macro, a library function)",
  'forged-evidence':
    "writes what the judge reads as evidence that the tests ran (passk's sentinel line, its report), written with passk's source at hand, then ends the process",
  'reads-tests':
    "reads the expected values from the test file, the program's own source or the memory of the process that runs the tests",
  'early-exit':
    'ends the process with success before the tests can fail, by a route other than a plain exit call (atexit, a signal handler, a thread, exec of another program)',
} as const;

/** One of {@link GAMING_TACTICS}. */
export type GamingTactic = keyof typeof GAMING_TACTICS;
