import type { Candidate, Problem, Program } from '@passk/core';
import { assemblyRule } from '../assembly/assembly-rules.ts';
import { fitAnswer } from '../assembly/fit-answer.ts';
import type { HumanEvalXLanguage } from './humaneval-x-files.ts';
import { HUMANEVAL_X_LANGUAGE_INFO } from './humaneval-x-languages.ts';
import type { HumanEvalXMetadata } from './parse-humaneval-x-problems.ts';

/** Time limit of a HumanEval-X sample: `scripts/evaluate_humaneval_x.sh`'s default, 5 s. */
export const HUMANEVAL_X_TIMEOUT_MS = 5000;

/** The lines CodeGeeX puts before every Python program (`IMPORT_HELPER["python"]`). */
export const HUMANEVAL_X_PYTHON_IMPORTS: readonly string[] = [
  'import math',
  'import re',
  'import sys',
  'import copy',
  'import datetime',
  'import itertools',
  'import collections',
  'import heapq',
  'import statistics',
  'import functools',
  'import hashlib',
  'import numpy',
  'import numpy as np',
  'import string',
  'from typing import *',
  'from collections import *',
];

/** The headers CodeGeeX adds to a C++ program when its prompt lacks them (`IMPORT_HELPER["cpp"]`). */
export const HUMANEVAL_X_CPP_INCLUDES: readonly string[] = [
  '#include<stdlib.h>',
  '#include<algorithm>',
  '#include<math.h>',
  '#include<stdio.h>',
  '#include<vector>',
  '#include<string>',
  '#include<climits>',
  '#include<cstring>',
  '#include<iostream>',
];

/** The packages CodeGeeX imports for a Go program that uses them (`IMPORT_HELPER["go"]`). */
export const HUMANEVAL_X_GO_PACKAGES: readonly string[] = [
  'math',
  'strings',
  'fmt',
  'strconv',
  'time',
  'bytes',
  'regexp',
  'sort',
  'math/rand',
  'crypto/md5',
];

/** CodeGeeX's Python cleanup: keep lines up to the first non-empty one that is not indented. */
export function truncatePythonGeneration(code: string): string {
  const kept: string[] = [];
  for (const line of code.split('\n')) {
    if (line.trim().length > 0 && line[0] !== ' ' && line[0] !== '\t') break;
    kept.push(line);
  }
  return kept.join('\n');
}

/**
 * CodeGeeX's Go import fix-up: every package of {@link HUMANEVAL_X_GO_PACKAGES} whose name is
 * not a substring of `testSetup` but whose last path element followed by `.` appears in `code`
 * gets an `import (...)` block, formatted exactly as CodeGeeX does; '' when none is needed.
 */
export function goExtraImports(testSetup: string, code: string): string {
  const packages = HUMANEVAL_X_GO_PACKAGES.filter(
    (name) => !testSetup.includes(name) && code.includes(`${name.split('/').at(-1)}.`),
  ).map((name) => `"${name}"`);
  if (packages.length === 0) return '';
  return `import (\n${packages.map((name) => `${name}\n`).join('    ')})`;
}

/**
 * The program CodeGeeX's `process_humaneval_test` assembles for `candidate` (`generation`):
 *
 * - python: the 16 imports, prompt, the generation cut at its first unindented line, test;
 * - cpp: the standard includes the prompt lacks, `"\n"`, prompt + generation, `"\n"`, test;
 * - java, js: prompt + generation + `"\n"` + test;
 * - go: `test_setup`, `"\n"`, the import fix-up block (if any) and `"\n"`, the prompt without
 *   its import block + generation, `"\n"`, test;
 * - rust: `"\nfn main(){ \n } \n"` + declaration + prompt + generation + test.
 *
 * A whole `solution` and a body from a chat answer take the place of prompt + generation as
 * `fitAnswer` fits them (Python solutions are used as they are, with no cut). Judged by the
 * language's `humaneval-x` rule with a 5 s limit.
 */
export function buildHumanEvalXProgram(problem: Problem, candidate: Candidate): Program {
  const metadata = problem.metadata as unknown as HumanEvalXMetadata;
  const language = metadata.humanEvalXLanguage;
  const info = HUMANEVAL_X_LANGUAGE_INFO[language];
  const contents = assemble(language, problem, metadata, candidate);
  return {
    language: info.language,
    files: [{ path: info.mainFile, contents }],
    mainFile: info.mainFile,
    judge: info.judge,
    timeoutMs: HUMANEVAL_X_TIMEOUT_MS,
  };
}

function assemble(
  language: HumanEvalXLanguage,
  problem: Problem,
  metadata: HumanEvalXMetadata,
  candidate: Candidate,
): string {
  const { prompt, tests } = problem;
  const { code } = candidate;
  const whole = candidate.kind === 'solution';
  const fit = (text: string, present?: string) =>
    fitAnswer(
      {
        rule: assemblyRule(HUMANEVAL_X_LANGUAGE_INFO[language].language),
        prompt: text,
        tests,
        entryPoint: problem.entryPoint,
        ...(present === undefined ? {} : { present }),
      },
      candidate,
    );
  switch (language) {
    case 'python': {
      const body = whole ? code : prompt + truncatePythonGeneration(code);
      return `${HUMANEVAL_X_PYTHON_IMPORTS.join('\n')}\n${body}\n${tests}\n`;
    }
    case 'cpp': {
      const body = fit(prompt);
      const head = whole ? body : prompt;
      const setup = HUMANEVAL_X_CPP_INCLUDES.filter((line) => !head.includes(line))
        .map((line) => `${line}\n`)
        .join('');
      return `${setup}\n${body}\n${tests}`;
    }
    case 'java':
    case 'js':
      return `${fit(prompt)}\n${tests}`;
    case 'go': {
      const setup = metadata.goTestSetup ?? '';
      // The fix-up below imports CodeGeeX's packages the code uses; the answer's other imports
      // are hoisted by the fit.
      const known = `${setup}\n${HUMANEVAL_X_GO_PACKAGES.map((name) => `"${name}"`).join('\n')}`;
      const body = fit(prompt.replaceAll(metadata.goImport ?? '', ''), known);
      const imports = goExtraImports(setup, whole ? body : code);
      return `${setup}\n${imports === '' ? '' : `${imports}\n`}${body}\n${tests}`;
    }
    case 'rust':
      return `\nfn main(){ \n } \n${fit(prompt)}${tests}`;
  }
}
