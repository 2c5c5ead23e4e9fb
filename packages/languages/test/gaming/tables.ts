import { CPP_GAMING, GO_GAMING, JAVA_GAMING, RUST_GAMING } from './compiled-gaming.ts';
import type { GamingTable } from './gaming-entry.ts';
import { JAVASCRIPT_GAMING, TYPESCRIPT_GAMING } from './javascript-gaming.ts';
import { PYTHON_GAMING } from './python-gaming.ts';
import { LUA_GAMING, PHP_GAMING, RUBY_GAMING } from './scripting-gaming.ts';

/** Every language's gaming corpus, by passk language id. */
export const GAMING_TABLES: Readonly<Record<string, GamingTable>> = {
  python: PYTHON_GAMING,
  javascript: JAVASCRIPT_GAMING,
  typescript: TYPESCRIPT_GAMING,
  java: JAVA_GAMING,
  cpp: CPP_GAMING,
  go: GO_GAMING,
  rust: RUST_GAMING,
  lua: LUA_GAMING,
  ruby: RUBY_GAMING,
  php: PHP_GAMING,
};
