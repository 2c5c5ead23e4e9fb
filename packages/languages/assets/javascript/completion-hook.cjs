'use strict';
/*
 * passk completion evidence for Node.js test programs, preloaded with `node --require`.
 *
 * Node emits 'beforeExit' only when the event loop has run dry, never on `process.exit()` or an
 * uncaught exception. So the report file below exists exactly when the test program ran to its
 * natural end (all of its synchronous tests and any asynchronous work they scheduled). A program
 * that calls `process.exit(0)` early, or is killed, leaves no report. The program's own output and
 * exit code are untouched: the report is a file, not a line on stdout.
 *
 * `tests` says whether the benchmark's test function ran to its end: passk writes
 * `Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true)` after its last assertion
 * (`javascript-steps.ts`), so a program whose tests never ran (an empty file, a top-level
 * `return`, a test function replaced by the answer) reports `tests: false`.
 */
const { writeFileSync } = require('node:fs');
const { resolve } = require('node:path');

const report = resolve('passk-completion.json');
process.once('beforeExit', () => {
  try {
    const tests = globalThis[Symbol.for('passk.testsCompleted')] === true;
    writeFileSync(report, `${JSON.stringify({ completed: true, tests })}\n`);
  } catch {
    // The work directory is gone or read-only: no evidence, so no pass.
  }
});
