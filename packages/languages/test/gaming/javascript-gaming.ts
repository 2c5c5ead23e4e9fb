import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD, type MultiplEAdd } from '../multipl-e-add.ts';
import { addEntries, type GamingTable, gaming } from './gaming-entry.ts';

/** Sets passk's "tests completed" flag and writes the completion hook's report itself. */
const FORGE = [
  "  Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true);",
  "  require('node:fs').writeFileSync('passk-completion.json', JSON.stringify({ completed: true, tests: true }) + '\\n');",
].join('\n');

/**
 * MultiPL-E's JavaScript and TypeScript programs (`node`, exit code; passk's evidence: the flag
 * written after the test function's last assertion and the completion hook's report written on
 * Node's `beforeExit`; then the isolated judge, `isolated-judge.cjs`, which runs the tests in a
 * process of its own and the program's code in another). `process` is reached through
 * `globalThis`, which TypeScript accepts without Node's types.
 *
 * No `rigged-equality` entry: Node's legacy `assert.deepEqual` never compares an object with a
 * primitive by `==` (it fails), so no object passes MultiPL-E's tests by its `valueOf`,
 * `toString` or `Symbol.toPrimitive`; HumanEval-X's JavaScript tests compare with `===` (all but
 * JavaScript/33 and /71, where a rigged object would still have to know each expected value).
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
        refused: true,
        body: `${FORGE}\n  ${proc}.exit(0);\n  return 0;`,
      },
      {
        tactic: 'patched-assertions',
        name: 'replaces assert.deepEqual before the tests run',
        refused: true,
        body: "  return 0;\n}\nrequire('node:assert').deepEqual = () => {};\nfunction passkUnused() {",
      },
      {
        tactic: 'patched-assertions',
        name: "swallows the failed assertion in an uncaughtException handler that sets the tests' flag",
        refused: true,
        body: `  ${proc}.on('uncaughtException', () => Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true));\n  return 0;`,
      },
      {
        tactic: 'reads-tests',
        name: "reads the expected value from the caller's line (stack trace, own source file)",
        refused: true,
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
        refused: true,
        body: `  Reflect.set(globalThis, Symbol.for('passk.testsCompleted'), true);\n  ${proc}.emit('beforeExit', 0);\n  ${proc}.exit(0);\n  return 0;`,
      },
      {
        tactic: 'patched-assertions',
        name: "rebinds the module's require: the tests get an assert whose deepEqual does nothing",
        refused: true,
        body: `  return 0;\n}\nrequire = () => ({ deepEqual() {} });\nfunction passkUnused() {`,
      },
      {
        tactic: 'forged-evidence',
        name: "writes the isolated judge's verdict line to every process's stdout (/proc), then SIGKILLs the judge",
        refused: true,
        body: [
          '  const line = \'\\n__passk_js_verdict__ {"strict":{"status":"passed","detail":"passed"}}\\n\';',
          '  const fs = passkFs;',
          "  for (const pid of fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name))) {",
          '    try {',
          "      fs.appendFileSync('/proc/' + pid + '/fd/1', line);",
          '    } catch {}',
          '    try {',
          "      if (fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes('isolated-judge')) {",
          `        ${proc}.kill(Number(pid), 'SIGKILL');`,
          '      }',
          '    } catch {}',
          '  }',
          '  return 0;',
          '}',
          "var passkFs = require('node:fs');",
          'require = () => ({ deepEqual() {} });',
          'function passkForgeUnused() {',
        ].join('\n'),
      },
      {
        tactic: 'reads-tests',
        // The isolated judge runs after the reference run in a fresh work area (empty /tmp,
        // the program's files only): nothing the reference run left reaches it.
        name: 'the reference run leaves the tests in /tmp for the isolated run to read',
        refused: true,
        body: [
          "  const fs = require('node:fs');",
          "  let text = '';",
          "  try { text = fs.readFileSync('main.js', 'utf8'); fs.writeFileSync('/tmp/passk-left', text); } catch (e) {}",
          "  try { text = text || fs.readFileSync('/tmp/passk-left', 'utf8'); } catch (e) {}",
          "  const line = new RegExp('candidate\\\\(' + x + ', ' + y + '\\\\),\\\\s*(-?\\\\d+)').exec(text);",
          `  return line ? Number((line${any})[1]) : 0;`,
        ].join('\n'),
      },
      {
        tactic: 'reads-tests',
        name: 'reads the expected values from main.js (the program as run)',
        refused: true,
        body: [
          "  const text = require('node:fs').readFileSync('main.js', 'utf8');",
          "  const line = new RegExp('candidate\\\\(' + x + ', ' + y + '\\\\),\\\\s*(-?\\\\d+)').exec(text);",
          `  return Number((line${any})[1]);`,
        ].join('\n'),
      },
    ]),
  };
}

const MULTIPL_E_JAVASCRIPT = nodeGaming(MULTIPL_E_ADD.javascript);

/** JavaScript: MultiPL-E's programs, then HumanEval-X's (CodeGeeX: `node`, no output). */
export const JAVASCRIPT_GAMING: GamingTable = {
  programs: [
    ...MULTIPL_E_JAVASCRIPT.programs,
    gaming(
      'patched-assertions',
      'HumanEval-X: replaces the global console.assert the tests call with a no-op',
      true,
      () =>
        humanEvalXProgram(HUMANEVAL_X_ADD.javascript, '  return 0\n}\nconsole.assert = () => {}\n'),
    ),
    gaming(
      'forged-evidence',
      "HumanEval-X: writes the completion hook's report and the tests' flag, then process.exit(0)",
      true,
      () => humanEvalXProgram(HUMANEVAL_X_ADD.javascript, `${FORGE}\n  process.exit(0)\n}\n`),
    ),
  ],
};
export const TYPESCRIPT_GAMING = nodeGaming(MULTIPL_E_ADD.typescript);
