export { ASSEMBLY_RULES, type AssemblyRule, assemblyRule } from './assembly-rules.ts';
export { balance, codeMask, type Lexicon } from './code-mask.ts';
export { type AnswerContext, fitAnswer } from './fit-answer.ts';
