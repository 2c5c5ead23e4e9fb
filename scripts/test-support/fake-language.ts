import type { Language } from '../../packages/core/src/spec/language.ts';
import type { Candidate, Program } from '../../packages/core/src/spec/program.ts';

/**
 * A language `fake` for run tests: always available, one `run` step (`fake <main file>`, 1 s),
 * small limits; `classify` is the test's rule for what that step printed.
 */
export function language(classify: Language['classify']): Language {
  return {
    id: 'fake',
    aliases: [],
    extension: '.txt',
    detect: async () => ({ available: true, path: '/fake', version: '1' }),
    steps: (program) => [{ name: 'run', argv: ['fake', program.mainFile], timeoutMs: 1000 }],
    limits: () => ({ maxOutputBytes: 1000, maxMemoryBytes: 0 }),
    classify,
  };
}

/** A candidate's program in the fake language: its code as `main.txt`, judged as a script. */
export function program(_problem: unknown, candidate: Candidate): Program {
  return {
    language: 'fake',
    files: [{ path: 'main.txt', contents: candidate.code }],
    mainFile: 'main.txt',
    judge: 'script',
    timeoutMs: 1000,
  };
}

/** Problem `id` in the fake language: no prompt, no tests (the program's output decides). */
export function problem(id: string) {
  return {
    id,
    language: 'fake',
    prompt: '',
    entryPoint: id,
    tests: '',
    stopSequences: [] as string[],
    metadata: {},
  };
}
