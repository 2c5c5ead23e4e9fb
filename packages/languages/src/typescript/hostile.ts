import {
  HOSTILE_SECRET_VARIABLE,
  type HostileProgram,
  hostile,
} from '../hostile/hostile-program.ts';

const multiplE = { path: 'main.ts', judge: 'multipl-e', timeoutMs: 15_000 };
const short = { ...multiplE, timeoutMs: 1000 };
const prelude =
  "declare var require: any;\ndeclare var process: any;\nconst assert = require('node:assert');\n";

/** Hostile TypeScript programs and the verdicts they must get (see `HostileProgram`). */
export const TYPESCRIPT_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'early exit 0',
    'typescript',
    multiplE,
    `${prelude}process.exit(0);\nassert.deepEqual(1, 2);\n`,
    ['runtime_error'],
  ),
  hostile(
    'type error',
    'typescript',
    multiplE,
    `${prelude}const n: number = 'one';\nassert.deepEqual(n, 'one');\n`,
    ['compile_error'],
  ),
  hostile(
    'endless output',
    'typescript',
    multiplE,
    `${prelude}const chunk = 'x'.repeat(65536);\nwhile (true) require('node:fs').writeSync(1, chunk);\n`,
    ['output_limit'],
  ),
  hostile('infinite loop', 'typescript', short, `${prelude}while (true) {}\n`, ['timeout']),
  hostile(
    'reads a planted secret from the environment',
    'typescript',
    multiplE,
    `${prelude}assert.equal(process.env.${HOSTILE_SECRET_VARIABLE}, undefined);\n`,
    ['passed'],
    { plantedSecret: true },
  ),
  hostile(
    'writes outside its work directory',
    'typescript',
    multiplE,
    `${prelude}let escaped = false;\ntry { require('node:fs').writeFileSync('/tmp/passk-hostile-escape-ts', 'x'); escaped = true; } catch {}\nif (escaped) throw new Error('wrote outside the work directory');\n`,
    ['passed'],
    { needsSandbox: true },
  ),
];
