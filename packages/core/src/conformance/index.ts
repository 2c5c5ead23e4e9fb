export { formatHostileTable } from './format-hostile-table.ts';
export {
  formatGamingTable,
  GAMING_TABLE_HEADER,
  type GamingOutcome,
  type GamingProgram,
  type GamingSuiteOptions,
  type GamingSuiteReport,
  runGamingSuite,
} from './gaming-suite.ts';
export { GAMING_TACTICS, type GamingTactic } from './gaming-tactics.ts';
export {
  type HostileContext,
  type HostileOutcome,
  type HostileProgram,
  type HostileSuiteOptions,
  type HostileSuiteReport,
  runHostileSuite,
} from './hostile-suite.ts';
export {
  HOSTILE_THREATS,
  type HostileThreat,
  TESTS_NEVER_RAN_THREATS,
} from './hostile-threats.ts';
export { findFiles, findProcesses, type ProcessInfo } from './machine-state.ts';
export { stepResult } from './step-result.ts';
export {
  type ScopedSubsetOptions,
  scopedSubset,
  TEST_SCOPE_VARIABLE,
  type TestScope,
  testScope,
} from './test-scope.ts';
