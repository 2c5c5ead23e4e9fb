import { dirname } from 'node:path';
import type { Program, Step, StepOptions } from '@passk/core';
import { hostMounts } from '../internal/host-mounts.ts';
import { WRAP_MAIN_FLAG } from '../internal/native-harness.ts';
import { selectJudge } from '../internal/select-judge.ts';
import { cppOutputJudgeSteps } from './cpp-output-judge.ts';
import type { CppToolchain } from './detect-cpp.ts';
import { leadingIncludes } from './leading-includes.ts';
import { type HeaderSet, HUMANEVAL_X_HEADERS, MULTIPL_E_HEADERS } from './precompiled-headers.ts';

/** The verdict rules (`Program.judge`) of the C++ language. */
export const CPP_JUDGES = ['humaneval-x', 'multipl-e'] as const;
/** One of {@link CPP_JUDGES}. */
export type CppJudge = (typeof CPP_JUDGES)[number];

/** MultiPL-E's time limit for `g++`, in milliseconds. */
export const MULTIPL_E_GXX_TIMEOUT_MS = 15_000;

/** Returns `judge` when it is a C++ judge. @throws UnknownIdError otherwise. */
export function cppJudge(judge: string): CppJudge {
  return selectJudge('cpp', judge, CPP_JUDGES);
}

/**
 * The `-include` flags of a precompiled header set, when it was built and `source` includes
 * every one of its headers before its first line of code: forcing them in first then changes
 * nothing (standard headers may be included in any order), so the verdict cannot change.
 */
function precompiledHeaderFlags(source: string, set: HeaderSet, toolchain: CppToolchain): string[] {
  const header = toolchain.precompiledHeaders?.[set.name];
  if (header === undefined) return [];
  const included = leadingIncludes(source);
  return set.headers.every((name) => included.has(name)) ? ['-include', header] : [];
}

/** True when the program includes an OpenSSL header (CodeGeeX links CPP/162 with OpenSSL). */
function usesOpenSsl(source: string): boolean {
  return /^[ \t]*#[ \t]*include[ \t]*[<"]openssl\//m.test(source);
}

/**
 * The steps that build and run a C++ program, linked with the completion harness
 * (`-Wl,--wrap=main`: prints the completion sentinel when `main` returns):
 * - `humaneval-x` (CodeGeeX): `compile` = `g++ -std=c++11 <mainFile> -o a.out` (+ `-lcrypto
 *   -lssl` when the program includes an OpenSSL header, as CodeGeeX does for CPP/162), then
 *   `run` = `./a.out`; both with the program's limit;
 * - `multipl-e`: `compile` = `g++ <mainFile> -o main -std=c++17` (15 s), `run` = `./main`
 *   (the program's limit), then the output judge's steps (`cppOutputJudgeSteps`: the expected
 *   values and the candidate's calls, each built the same way in a fresh work area).
 * Limits are multiplied by `timeoutFactor`. Precompiled headers are used where they cannot
 * change the verdict (see `precompiledHeaderFlags`).
 *
 * @throws UnknownIdError for another judge.
 */
export function cppSteps(
  program: Program,
  toolchain: CppToolchain,
  options: StepOptions,
): readonly Step[] {
  const judge = cppJudge(program.judge);
  const source = program.files.find((file) => file.path === program.mainFile)?.contents ?? '';
  const compiler = toolchain.path ?? 'g++';
  const harness = toolchain.harnessObject === undefined ? [] : [toolchain.harnessObject];
  const wrap = harness.length > 0 ? [WRAP_MAIN_FLAG] : [];
  const runTimeoutMs = program.timeoutMs * options.timeoutFactor;
  const mounts = hostMounts([
    dirname(compiler),
    toolchain.harnessObject,
    ...Object.values(toolchain.precompiledHeaders ?? {}).map((header) => dirname(header)),
  ]);
  if (judge === 'humaneval-x') {
    return [
      {
        name: 'compile',
        argv: [
          compiler,
          '-std=c++11',
          ...precompiledHeaderFlags(source, HUMANEVAL_X_HEADERS, toolchain),
          program.mainFile,
          ...harness,
          ...wrap,
          '-o',
          'a.out',
          ...(usesOpenSsl(source) ? ['-lcrypto', '-lssl'] : []),
        ],
        timeoutMs: runTimeoutMs,
        mounts,
      },
      { name: 'run', argv: ['./a.out'], timeoutMs: runTimeoutMs },
    ];
  }
  const compile = (
    file: string,
    text: string,
    output: string,
    linked: readonly string[] = [],
  ): Omit<Step, 'name'> => ({
    argv: [
      compiler,
      ...precompiledHeaderFlags(text, MULTIPL_E_HEADERS, toolchain),
      file,
      ...linked,
      '-o',
      output,
      '-std=c++17',
    ],
    timeoutMs: MULTIPL_E_GXX_TIMEOUT_MS * options.timeoutFactor,
    mounts,
  });
  return [
    { ...compile(program.mainFile, source, 'main', [...harness, ...wrap]), name: 'compile' },
    { name: 'run', argv: ['./main'], timeoutMs: runTimeoutMs },
    ...cppOutputJudgeSteps(source, compile, runTimeoutMs),
  ];
}
