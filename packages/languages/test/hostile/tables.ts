import type { LocalExecutorOptions } from '@passk/core';
import type { HostileProgram } from '@passk/core/conformance';
import { CPP_TABLE } from './cpp-table.ts';
import { CSHARP_TABLE } from './csharp-table.ts';
import { D_TABLE } from './d-table.ts';
import { GO_TABLE } from './go-table.ts';
import { JAVA_TABLE } from './java-table.ts';
import { JAVASCRIPT_TABLE } from './javascript-table.ts';
import { JULIA_TABLE } from './julia-table.ts';
import { LUA_TABLE } from './lua-table.ts';
import { NEVER_RAN_PROGRAMS } from './never-ran-table.ts';
import { PERL_TABLE } from './perl-table.ts';
import { PHP_TABLE } from './php-table.ts';
import { PYTHON_TABLE } from './python-table.ts';
import { R_TABLE } from './r-table.ts';
import { RACKET_TABLE } from './racket-table.ts';
import { RUBY_TABLE } from './ruby-table.ts';
import { RUST_TABLE } from './rust-table.ts';
import { SCALA_TABLE } from './scala-table.ts';
import { SHELL_TABLE } from './shell-table.ts';
import { SWIFT_TABLE } from './swift-table.ts';
import { TYPESCRIPT_TABLE } from './typescript-table.ts';

/** A language's hostile programs and how the suite runs them. */
export interface HostileTable {
  readonly programs: readonly HostileProgram[];
  /** Programs run at once (default 2: each in its own slot, every check stays per program). */
  readonly concurrency?: 1 | 2;
  /** Executor settings to run the table under, one run each (default: one run, defaults). */
  readonly variants?: readonly {
    readonly label: string;
    readonly executor?: Omit<LocalExecutorOptions, 'env' | 'concurrency'>;
  }[];
  /** Time limit of the test, in milliseconds (default 180 s). */
  readonly testTimeoutMs?: number;
}

/** `table` with the language's "tests never ran" programs ({@link NEVER_RAN_PROGRAMS}) after its own. */
function withNeverRan(id: string, table: HostileTable): HostileTable {
  const neverRan = NEVER_RAN_PROGRAMS[id] ?? [];
  // Each program costs a build (scalac: up to tens of seconds): the test gets that much longer.
  const testTimeoutMs =
    table.testTimeoutMs === undefined ? undefined : table.testTimeoutMs + neverRan.length * 30_000;
  return {
    ...table,
    programs: [...table.programs, ...neverRan],
    ...(testTimeoutMs === undefined ? {} : { testTimeoutMs }),
  };
}

/** Every built-in language's table, by language id (`builtinLanguages`' order). */
export const HOSTILE_TABLES = {
  python: withNeverRan('python', PYTHON_TABLE),
  csharp: withNeverRan('csharp', CSHARP_TABLE),
  d: withNeverRan('d', D_TABLE),
  julia: withNeverRan('julia', JULIA_TABLE),
  lua: withNeverRan('lua', LUA_TABLE),
  perl: withNeverRan('perl', PERL_TABLE),
  php: withNeverRan('php', PHP_TABLE),
  r: withNeverRan('r', R_TABLE),
  racket: withNeverRan('racket', RACKET_TABLE),
  ruby: withNeverRan('ruby', RUBY_TABLE),
  scala: withNeverRan('scala', SCALA_TABLE),
  shell: withNeverRan('shell', SHELL_TABLE),
  swift: withNeverRan('swift', SWIFT_TABLE),
  javascript: withNeverRan('javascript', JAVASCRIPT_TABLE),
  typescript: withNeverRan('typescript', TYPESCRIPT_TABLE),
  cpp: withNeverRan('cpp', CPP_TABLE),
  java: withNeverRan('java', JAVA_TABLE),
  go: withNeverRan('go', GO_TABLE),
  rust: withNeverRan('rust', RUST_TABLE),
} as const satisfies Readonly<Record<string, HostileTable>>;
