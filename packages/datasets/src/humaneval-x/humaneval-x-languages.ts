import type { HumanEvalXLanguage } from './humaneval-x-files.ts';

/** How one HumanEval-X language maps onto passk. */
export interface HumanEvalXLanguageInfo {
  /** passk's language id. */
  readonly language: string;
  /** The task id prefix (`CPP` in `CPP/0`). */
  readonly taskPrefix: string;
  /** File the program is written to (CodeGeeX's name where it has one). */
  readonly mainFile: string;
  /** `Program.judge`. */
  readonly judge: string;
  /**
   * Where generated text is cut. CodeGeeX's own generator counts braces instead; these end the
   * text at the next top-level item after the function, which keeps the closing brace.
   */
  readonly stopSequences: readonly string[];
}

/** Per-language facts of HumanEval-X. */
export const HUMANEVAL_X_LANGUAGE_INFO: Readonly<
  Record<HumanEvalXLanguage, HumanEvalXLanguageInfo>
> = {
  cpp: {
    language: 'cpp',
    taskPrefix: 'CPP',
    mainFile: 'test.cpp',
    judge: 'humaneval-x',
    stopSequences: ['\nint main', '\n#include', '\n/*'],
  },
  go: {
    language: 'go',
    taskPrefix: 'Go',
    mainFile: 'main_test.go',
    judge: 'humaneval-x',
    stopSequences: ['\n//', '\nfunc main(', '\nfunc ', '\ntype '],
  },
  java: {
    language: 'java',
    taskPrefix: 'Java',
    mainFile: 'Main.java',
    judge: 'humaneval-x',
    stopSequences: ['\npublic class', '\nclass ', '\n    public static void main'],
  },
  js: {
    language: 'javascript',
    taskPrefix: 'JavaScript',
    mainFile: 'test.js',
    judge: 'humaneval-x',
    stopSequences: ['\nconst test', '\nconsole.', '\nmodule.exports', '\n/*'],
  },
  python: {
    language: 'python',
    taskPrefix: 'Python',
    mainFile: 'test.py',
    judge: 'humaneval-x',
    stopSequences: ['\nclass', '\ndef', '\n#', '\nif', '\nprint'],
  },
  rust: {
    language: 'rust',
    taskPrefix: 'Rust',
    mainFile: 'main.rs',
    judge: 'humaneval-x',
    stopSequences: ['\nfn main', '\n#[cfg(test)]', '\n/*'],
  },
};
