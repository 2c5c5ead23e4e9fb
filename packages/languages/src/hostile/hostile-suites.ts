import { CSHARP_HOSTILE } from '../csharp/hostile.ts';
import { D_HOSTILE } from '../d/hostile.ts';
import { JULIA_HOSTILE } from '../julia/hostile.ts';
import { LUA_HOSTILE } from '../lua/hostile.ts';
import { PERL_HOSTILE } from '../perl/hostile.ts';
import { PHP_HOSTILE } from '../php/hostile.ts';
import { R_HOSTILE } from '../r/hostile.ts';
import { RACKET_HOSTILE } from '../racket/hostile.ts';
import { RUBY_HOSTILE } from '../ruby/hostile.ts';
import { SCALA_HOSTILE } from '../scala/hostile.ts';
import { SHELL_HOSTILE } from '../shell/hostile.ts';
import { SWIFT_HOSTILE } from '../swift/hostile.ts';
import type { HostileSuite } from './hostile-program.ts';

/** The hostile-program suites of the languages judged by MultiPL-E's rules, by language id. */
export const MULTIPL_E_HOSTILE_SUITES: Readonly<Record<string, HostileSuite>> = {
  csharp: CSHARP_HOSTILE,
  d: D_HOSTILE,
  julia: JULIA_HOSTILE,
  lua: LUA_HOSTILE,
  perl: PERL_HOSTILE,
  php: PHP_HOSTILE,
  r: R_HOSTILE,
  racket: RACKET_HOSTILE,
  ruby: RUBY_HOSTILE,
  scala: SCALA_HOSTILE,
  shell: SHELL_HOSTILE,
  swift: SWIFT_HOSTILE,
};
