export { createBuiltinRegistry } from './builtin-registry.ts';
export type { CommandIo } from './io.ts';
export { COMMANDS, main } from './main.ts';
