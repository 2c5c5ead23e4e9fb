import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  COMPLETION_SENTINEL,
  defineLanguage,
  type ExecutionResult,
  hasCompletionSentinel,
  type Program,
  type Verdict,
} from '@passk/core';

/**
 * A minimal JavaScript language for the hostile-programs suite, standing in for the real
 * JavaScript plugin (being written on another branch; swap it in here when it lands).
 *
 * It runs `node run.js`, where `run.js` loads the program (`main.js`: completion + tests) and
 * prints the completion sentinel from a `beforeExit` handler: Node emits `beforeExit` only
 * when the event loop drains on its own, never after `process.exit()`, an uncaught exception
 * or a signal, so the sentinel is positive evidence that the tests (also asynchronous ones)
 * ran to completion. The reference rule (MultiPL-E's) is the exit code alone.
 *
 * The Node binary is the one running the tests (in this repository, `node_modules/node`):
 * a toolchain outside `/usr`, so the step mounts its directory, read-only.
 */
const node = realpathSync(process.execPath);

const RUNNER = [
  "const { writeSync } = require('node:fs');",
  'let finished = false;',
  "process.on('beforeExit', () => {",
  '  if (finished) return;',
  '  finished = true;',
  `  writeSync(1, '\\n${COMPLETION_SENTINEL}\\n');`,
  '});',
  "require('./main.js');",
  '',
].join('\n');

/** A MultiPL-E-style program: the completion continues `function add(a, b) {`. */
export function javascriptProgram(completion: string): Program {
  const main = [
    "const assert = require('node:assert');",
    'function add(a, b) {',
    completion,
    '}',
    'assert.deepEqual(add(1, 2), 3);',
    'assert.deepEqual(add(0, 0), 0);',
    '',
  ].join('\n');
  return {
    language: 'javascript-hostile',
    files: [
      { path: 'main.js', contents: main },
      { path: 'run.js', contents: RUNNER },
    ],
    mainFile: 'main.js',
    judge: 'script',
    timeoutMs: 3000,
  };
}

export const javascriptLanguage = defineLanguage({
  id: 'javascript-hostile',
  aliases: [],
  extension: '.js',
  detect: async () => ({
    available: true,
    path: node,
    version: process.version,
    mounts: [dirname(node)],
  }),
  steps: (program, toolchain, options) => [
    {
      name: 'run',
      argv: [toolchain.path ?? node, 'run.js'],
      timeoutMs: program.timeoutMs * options.timeoutFactor,
      mounts: (toolchain.mounts ?? []).map((path) => ({ path })),
    },
  ],
  limits: () => ({ maxOutputBytes: 1024 ** 2, maxMemoryBytes: 4 * 1024 ** 3 }),
  classify: (_program: Program, result: ExecutionResult): Verdict => {
    const run = result.steps.at(-1);
    const verdict = (status: Verdict['status'], detail: string): Verdict => ({
      status,
      passed: status === 'passed',
      detail,
    });
    if (run === undefined) return verdict('infra_error', 'no step ran');
    if (run.spawnError !== undefined) return verdict('toolchain_missing', run.spawnError);
    if (run.timedOut) return verdict('timeout', 'Timeout');
    if (run.outputLimitExceeded) return verdict('output_limit', 'Exception (output limit)');
    if (run.exitCode === 0) {
      if (hasCompletionSentinel(run.stdoutTail)) return verdict('passed', 'OK');
      return {
        ...verdict('runtime_error', 'exited with status 0 before the tests completed'),
        reference: { status: 'passed', passed: true, detail: 'OK' },
      };
    }
    if (/heap out of memory|allocation failed/i.test(run.stderrTail)) {
      return verdict('memory_limit', 'Exception');
    }
    if (/AssertionError/.test(run.stderrTail)) return verdict('failed', 'Exception');
    return verdict('runtime_error', 'Exception');
  },
});
