export { buildMultiplEProgram, MULTIPL_E_JUDGE } from './build-multipl-e-program.ts';
export { createMultiplEDataset, MULTIPL_E_VERSION, type MultiplEOptions } from './multipl-e.ts';
export {
  findMultiplELanguage,
  MULTIPL_E_LANGUAGES,
  type MultiplELanguage,
} from './multipl-e-languages.ts';
export {
  type MultiplERecord,
  multiplEEntryPoint,
  parseMultiplEProblems,
} from './parse-multipl-e-problems.ts';
