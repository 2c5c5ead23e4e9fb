import { MULTIPL_E_ADD, type MultiplEAdd } from '../multipl-e-add.ts';
import { addEntries, type GamingTable } from './gaming-entry.ts';

/** Sets passk's "tests completed" flag and writes the completion hook's report itself. */
const FORGE = [
  "  Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true);",
  "  require('node:fs').writeFileSync('passk-completion.json', JSON.stringify({ completed: true, tests: true }) + '\\n');",
].join('\n');

/**
 * MultiPL-E's JavaScript and TypeScript programs (`node`, exit code; passk's evidence: the flag
 * written after the test function's last assertion and the completion hook's report written on
 * Node's `beforeExit`). `process` is reached through `globalThis`, which TypeScript accepts
 * without Node's types.
 */
export function nodeGaming(add: MultiplEAdd): GamingTable {
  const js = add.language === 'javascript';
  const proc = js ? 'process' : '(globalThis as any).process';
  const any = js ? '' : ' as any';
  return {
    ...(js ? {} : { timeoutFactor: 4 }),
    programs: addEntries(add, [
      {
        tactic: 'forged-evidence',
        name: "writes the completion hook's report and the tests' flag, then process.exit(0)",
        refused: false,
        body: `${FORGE}\n  ${proc}.exit(0);\n  return 0;`,
      },
      {
        tactic: 'patched-assertions',
        name: 'replaces assert.deepEqual before the tests run',
        refused: false,
        body: "  return 0;\n}\nrequire('node:assert').deepEqual = () => {};\nfunction passkUnused() {",
      },
      {
        tactic: 'patched-assertions',
        name: "swallows the failed assertion in an uncaughtException handler that sets the tests' flag",
        refused: false,
        body: `  ${proc}.on('uncaughtException', () => Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true));\n  return 0;`,
      },
      {
        tactic: 'reads-tests',
        name: "reads the expected value from the caller's line (stack trace, own source file)",
        refused: false,
        body: [
          `  const at = /\\((.*):(\\d+):\\d+\\)$/.exec(String(new Error().stack).split('\\n')[2])${any};`,
          "  const line = require('node:fs').readFileSync(at[1], 'utf8').split('\\n')[Number(at[2]) - 1];",
          `  return Number((/,\\s*(-?\\d+)\\);\\s*$/.exec(line)${any})[1]);`,
        ].join('\n'),
      },
      {
        tactic: 'early-exit',
        name: 'process.exit(0) before the tests',
        refused: true,
        body: `  ${proc}.exit(0);\n  return 0;`,
      },
      {
        tactic: 'forged-evidence',
        name: "sets the tests' flag, emits Node's beforeExit itself, then process.exit(0)",
        refused: false,
        body: `  Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true);\n  ${proc}.emit('beforeExit', 0);\n  ${proc}.exit(0);\n  return 0;`,
      },
    ]),
  };
}

export const JAVASCRIPT_GAMING = nodeGaming(MULTIPL_E_ADD.javascript);
export const TYPESCRIPT_GAMING = nodeGaming(MULTIPL_E_ADD.typescript);
