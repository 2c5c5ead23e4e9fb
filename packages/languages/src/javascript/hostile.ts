import {
  HOSTILE_SECRET_VARIABLE,
  type HostileProgram,
  hostile,
} from '../hostile/hostile-program.ts';

const multiplE = { path: 'main.js', judge: 'multipl-e', timeoutMs: 5000 };
const humanEvalX = { path: 'test.js', judge: 'humaneval-x', timeoutMs: 5000 };
const short = { ...multiplE, timeoutMs: 1000 };
const assert = "const assert = require('node:assert');\n";

/** Hostile JavaScript programs and the verdicts they must get (see `HostileProgram`). */
export const JAVASCRIPT_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'early exit 0 (MultiPL-E)',
    'javascript',
    multiplE,
    `${assert}process.exit(0);\nassert.deepEqual(1, 2);\n`,
    ['runtime_error'],
  ),
  hostile(
    'early exit 0 (HumanEval-X)',
    'javascript',
    humanEvalX,
    'process.exit(0);\nconsole.assert(1 === 2);\n',
    ['runtime_error'],
  ),
  hostile(
    'exit 0 from a timer after the tests were skipped',
    'javascript',
    multiplE,
    `${assert}setTimeout(() => process.exit(0), 10);\nsetTimeout(() => assert.deepEqual(1, 2), 1000);\n`,
    ['runtime_error'],
  ),
  hostile(
    'kills itself (no output, HumanEval-X)',
    'javascript',
    humanEvalX,
    "process.kill(process.pid, 'SIGKILL');\nconsole.assert(1 === 2);\n",
    ['runtime_error'],
  ),
  hostile(
    'endless output',
    'javascript',
    multiplE,
    "const { writeSync } = require('node:fs');\nconst chunk = 'x'.repeat(65536);\nwhile (true) writeSync(1, chunk);\n",
    ['output_limit'],
  ),
  hostile('infinite loop', 'javascript', short, 'while (true) {}\n', ['timeout']),
  hostile('sleeps past the limit', 'javascript', short, 'setTimeout(() => {}, 60_000);\n', [
    'timeout',
  ]),
  hostile(
    'memory bomb',
    'javascript',
    multiplE,
    'const keep = [];\nwhile (true) keep.push(Buffer.alloc(64 * 1024 * 1024, 1));\n',
    ['memory_limit', 'runtime_error'],
  ),
  hostile(
    'reads a planted secret from the environment',
    'javascript',
    multiplE,
    `${assert}assert.equal(process.env.${HOSTILE_SECRET_VARIABLE}, undefined);\nassert.equal(Object.keys(process.env).some((key) => key.includes('KEY') || key.includes('TOKEN')), false);\n`,
    ['passed'],
    { plantedSecret: true },
  ),
  hostile(
    'fork bomb',
    'javascript',
    multiplE,
    "const { spawn } = require('node:child_process');\nwhile (true) spawn(process.execPath, [__filename], { detached: true, stdio: 'ignore' });\n",
    ['timeout', 'runtime_error', 'memory_limit'],
    { needsSandbox: true },
  ),
  hostile(
    'opens a network connection',
    'javascript',
    multiplE,
    "const socket = require('node:net').connect(80, '1.1.1.1');\nsocket.setTimeout(2000, () => socket.destroy());\nsocket.on('connect', () => { throw new Error('network reachable'); });\nsocket.on('error', () => {});\n",
    ['passed'],
    { needsSandbox: true },
  ),
  hostile(
    'writes outside its work directory',
    'javascript',
    multiplE,
    "let escaped = false;\ntry { require('node:fs').writeFileSync('/tmp/passk-hostile-escape-js', 'x'); escaped = true; } catch {}\nif (escaped) throw new Error('wrote outside the work directory');\n",
    ['passed'],
    { needsSandbox: true },
  ),
];
