import { existsSync } from 'node:fs';
import type { Language, ToolchainInfo } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import {
  expectCachedDetection,
  expectVerdict,
  type VerdictCase,
} from '../../test/verdict-cases.ts';
import { WRAP_MAIN_FLAG } from '../internal/native-harness.ts';
import { createCppLanguage } from './create-cpp-language.ts';
import type { CppToolchain } from './detect-cpp.ts';
import { leadingIncludes } from './leading-includes.ts';
import { HUMANEVAL_X_HEADERS } from './precompiled-headers.ts';

const language: Language = createCppLanguage();
const noPch: Language = createCppLanguage({ precompiledHeaders: false });
const executor = testExecutor();
let toolchain: CppToolchain;
let plainToolchain: ToolchainInfo;
let skip: string | undefined;

beforeAll(async () => {
  toolchain = (await language.detect()) as CppToolchain;
  plainToolchain = await noPch.detect();
  skip = skipReason('cpp', toolchain);
});
afterAll(() => executor.close());

/** HumanEval-X's CPP/162 needs OpenSSL's headers (Debian: libssl-dev). */
const OPENSSL_HEADER = '/usr/include/openssl/md5.h';

/** The headers CodeGeeX puts in front of every HumanEval-X C++ program. */
const CODEGEEX = HUMANEVAL_X_HEADERS.headers.map((header) => `#include<${header}>\n`).join('');
const humanEvalX = (body: string) =>
  program('cpp', 'test.cpp', 'humaneval-x', `${CODEGEEX}\nusing namespace std;\n${body}`, 5000);
const multiplE = (body: string, timeoutMs = 15_000) =>
  program(
    'cpp',
    'main.cpp',
    'multipl-e',
    `#include<assert.h>\n#include<bits/stdc++.h>\n${body}`,
    timeoutMs,
  );

const CASES: readonly VerdictCase[] = [
  {
    name: 'HumanEval-X: asserts that hold',
    target: humanEvalX(
      'int f(int a){ return a + 1; }\n#undef NDEBUG\n#include<assert.h>\nint main(){ assert(f(1) == 2); }\n',
    ),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: a failed assert aborts',
    target: humanEvalX(
      'int f(int a){ return a; }\n#undef NDEBUG\n#include<assert.h>\nint main(){ assert(f(1) == 2); }\n',
    ),
    status: 'failed',
    detail: /^failed: .*Assertion `f\(1\) == 2' failed/,
  },
  {
    name: 'HumanEval-X: C++11, so C++17 std::optional does not compile',
    target: humanEvalX('#include<optional>\nint main(){ std::optional<int> o; return 0; }\n'),
    status: 'compile_error',
    detail: /^failed: compilation error: .*optional/,
  },
  {
    name: 'HumanEval-X: exit(0) before the tests is not a pass',
    target: humanEvalX('#include<assert.h>\nint main(){ exit(0); assert(false); }\n'),
    status: 'runtime_error',
    detail: /^passed by the reference rule, but the tests did not run to completion/,
    reference: 'passed',
  },
  {
    name: 'HumanEval-X: OpenSSL is linked for programs that include it (CPP/162)',
    target: humanEvalX(
      '#include<openssl/md5.h>\n#include<assert.h>\nint main(){ unsigned char md[16]; MD5((const unsigned char*)"a", 1, md); assert(md[0] == 0x0c); }\n',
    ),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: a crash',
    target: humanEvalX('int main(){ volatile int *p = nullptr; return *p; }\n'),
    status: 'runtime_error',
    detail: /^failed: /,
  },
  {
    name: 'MultiPL-E: C++17 compiles and asserts that hold pass',
    target: multiplE('int main() {\n    std::optional<int> o = 1;\n    assert(*o == 1);\n}\n'),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'MultiPL-E: a failed assert is Exception',
    target: multiplE('int main() {\n    assert(std::string("a") == "b");\n}\n'),
    status: 'failed',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: a compile error is SyntaxError',
    target: multiplE('int main() {\n    undefined_function();\n}\n'),
    status: 'compile_error',
    detail: 'SyntaxError',
  },
  {
    name: 'MultiPL-E: std::exit(0) before the tests is not a pass',
    target: multiplE('int main() {\n    std::exit(0);\n    assert(false);\n}\n'),
    status: 'runtime_error',
    detail: /^OK by the reference rule/,
    reference: 'passed',
  },
  {
    name: 'MultiPL-E: the time limit',
    target: multiplE('int main() {\n    volatile long n = 0;\n    while (true) n++;\n}\n', 500),
    status: 'timeout',
    detail: 'Timeout',
  },
];

describe('createCppLanguage', () => {
  it('detects g++ and builds its helpers once', async (context) => {
    if (skip) return context.skip(skip);
    expect(toolchain.version).toMatch(/^g\+\+ \d+\.\d+/);
    expect(toolchain.harnessObject).toMatch(/passk_completion\.o$/);
    expect(Object.keys(toolchain.precompiledHeaders ?? {}).sort()).toEqual([
      'humaneval-x',
      'multipl-e',
    ]);
    const missing = createCppLanguage({ compiler: '/nonexistent/g++' });
    await expectCachedDetection(language, toolchain, missing, /PASSK_CXX/);
  });

  it('compiles with the reference flags, the main wrapper, and a PCH only where it cannot matter', (context) => {
    if (skip) return context.skip(skip);
    const [compile, run] = language.steps(multiplE('int main() {}\n'), toolchain, {
      timeoutFactor: 1,
    });
    expect(compile?.argv).toEqual([
      toolchain.path,
      '-include',
      toolchain.precompiledHeaders?.['multipl-e'],
      'main.cpp',
      toolchain.harnessObject,
      WRAP_MAIN_FLAG,
      '-o',
      'main',
      '-std=c++17',
    ]);
    expect([compile?.timeoutMs, run?.argv, run?.timeoutMs]).toEqual([15_000, ['./main'], 15_000]);
    const late = program(
      'cpp',
      'main.cpp',
      'multipl-e',
      'int x;\n#include<bits/stdc++.h>\nint main() {}\n',
      1000,
    );
    expect(language.steps(late, toolchain, { timeoutFactor: 1 })[0]?.argv).not.toContain(
      '-include',
    );
    const [humanCompile, humanRun] = language.steps(humanEvalX('int main(){}\n'), toolchain, {
      timeoutFactor: 2,
    });
    expect(humanCompile?.argv.slice(0, 5)).toEqual([
      toolchain.path,
      '-std=c++11',
      '-include',
      toolchain.precompiledHeaders?.['humaneval-x'],
      'test.cpp',
    ]);
    expect(humanCompile?.argv.slice(-2)).toEqual(['-o', 'a.out']);
    expect([humanCompile?.timeoutMs, humanRun?.argv, humanRun?.timeoutMs]).toEqual([
      10_000,
      ['./a.out'],
      10_000,
    ]);
    expect(() =>
      language.steps({ ...multiplE(''), judge: 'script' }, toolchain, { timeoutFactor: 1 }),
    ).toThrow(/unknown cpp judge 'script'; known cpp judges: humaneval-x, multipl-e/);
  });

  it.for(CASES.map((test) => [test.name, test] as const))('%s', async ([, test], context) => {
    if (skip) return context.skip(skip);
    if (test.name.includes('OpenSSL') && !existsSync(OPENSSL_HEADER)) {
      return context.skip(`${OPENSSL_HEADER} missing (apt-get install libssl-dev)`);
    }
    for (const [lang, info] of [
      [language, toolchain],
      [noPch, plainToolchain],
    ] as const) {
      const { verdict } = await judgeProgram(lang, info, executor, test.target);
      expectVerdict(verdict, test);
    }
  });
});

describe('leadingIncludes', () => {
  it('collects the includes before the first line of code, across comments', () => {
    expect([
      ...leadingIncludes(
        '/*\n doc */\n#include<stdio.h>\n// x\n#include <vector>\n#include "a.h"\nusing namespace std;\n#include<map>\n',
      ),
    ]).toEqual(['stdio.h', 'vector', 'a.h']);
    expect([...leadingIncludes('#define X 1\n#include<vector>\n')]).toEqual([]);
    expect([...leadingIncludes('')]).toEqual([]);
  });
});
