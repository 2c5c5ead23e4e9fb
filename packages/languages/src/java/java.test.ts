import type { Language } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import {
  expectCachedDetection,
  itJudgesCases,
  type VerdictCase,
} from '../../test/verdict-cases.ts';
import { HUMANEVAL_X_JAVA_AS_SHIPPED } from './classify-java.ts';
import { createJavaLanguage } from './create-java-language.ts';
import type { JavaToolchain } from './detect-java.ts';

const language: Language = createJavaLanguage();
/** What the warm executor worked around: a warm compiler that failed would show here. */
const warnings: string[] = [];
const warm = testExecutor({ warnings });
const cold = testExecutor({ useStepServers: false });
let toolchain: JavaToolchain;
let skip: string | undefined;

beforeAll(async () => {
  toolchain = (await language.detect()) as JavaToolchain;
  skip = skipReason('java', toolchain);
});
afterAll(() => Promise.all([warm.close(), cold.close()]));

const humanEvalX = (body: string, timeoutMs = 5000) =>
  program(
    'java',
    'Main.java',
    'humaneval-x',
    `import java.util.*;\npublic class Main {\n    public static void main(String[] args) {\n${body}    }\n}\n`,
    timeoutMs,
  );
const multiplE = (body: string, timeoutMs = 15_000) =>
  program(
    'java',
    'main.java',
    'multipl-e',
    `import java.util.*;\nimport org.javatuples.*;\nclass Problem {\n    public static void main(String[] args) {\n${body}    }\n}\n`,
    timeoutMs,
  );

const AS_SHIPPED = HUMANEVAL_X_JAVA_AS_SHIPPED.detail;
const CASES: readonly VerdictCase[] = [
  {
    name: 'HumanEval-X: correct (the as-shipped harness fails every program that compiles)',
    target: humanEvalX('        if (1 + 1 != 2) throw new AssertionError();\n'),
    status: 'passed',
    detail: 'passed',
    reference: AS_SHIPPED,
  },
  {
    name: 'HumanEval-X: java runs without -ea, so a bare assert does nothing',
    target: humanEvalX('        assert false;\n'),
    status: 'passed',
    detail: 'passed',
    reference: AS_SHIPPED,
  },
  {
    name: 'HumanEval-X: AssertionError is a wrong answer',
    target: humanEvalX('        throw new AssertionError();\n'),
    status: 'failed',
    detail: 'failed: wrong answer',
  },
  {
    name: 'HumanEval-X: another exception',
    target: humanEvalX('        Object o = null;\n        o.hashCode();\n'),
    status: 'runtime_error',
    detail: /^failed: Exception in thread "main" java\.lang\.NullPointerException/,
    reference: AS_SHIPPED,
  },
  {
    name: 'HumanEval-X: an exit code other than 0 and 1 is an unknown error',
    target: humanEvalX('        System.exit(3);\n'),
    status: 'runtime_error',
    detail: 'failed: unknown error',
    reference: AS_SHIPPED,
  },
  {
    name: 'HumanEval-X: System.exit(0) before the tests is not a pass',
    target: humanEvalX('        System.exit(0);\n        throw new AssertionError();\n'),
    status: 'runtime_error',
    detail: /^passed by the reference rule, but the tests did not run to completion/,
    reference: AS_SHIPPED,
  },
  {
    name: 'HumanEval-X: a compile error (the as-shipped harness says the same)',
    target: humanEvalX('        int x = "no";\n'),
    status: 'compile_error',
    detail: 'failed: compilation error',
  },
  {
    name: 'MultiPL-E: javatuples on the class path, asserts enabled and holding',
    target: multiplE(
      '        Pair<Integer, Integer> pair = Pair.with(1, 2);\n        assert(pair.getValue1() == 2);\n',
    ),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'MultiPL-E: -ea turns a failed assert into an Exception',
    target: multiplE('        assert(1 == 2);\n'),
    status: 'failed',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: a compile error is SyntaxError',
    target: multiplE('        int x = "no";\n'),
    status: 'compile_error',
    detail: 'SyntaxError',
  },
  {
    name: 'MultiPL-E: System.exit(0) before the tests is not a pass',
    target: multiplE('        System.exit(0);\n        assert(false);\n'),
    status: 'runtime_error',
    detail: /^OK by the reference rule/,
    reference: 'OK',
  },
  {
    name: 'MultiPL-E: the time limit',
    target: multiplE('        while (true) {}\n', 1000),
    status: 'timeout',
    detail: 'Timeout',
  },
];

describe('createJavaLanguage', () => {
  it('detects the JDK and javatuples, and builds its helpers once', async (context) => {
    if (skip) return context.skip(skip);
    expect(toolchain.version).toMatch(/^javac \d+.*; javatuples \//);
    expect(toolchain.javatuplesJar).toMatch(/javatuples.*\.jar$/);
    const missing = createJavaLanguage({ javac: '/nonexistent/javac' });
    await expectCachedDetection(language, toolchain, missing, /PASSK_JAVAC/);
  });

  it('builds javac + java steps through the completion wrapper, with the warm javac offered', (context) => {
    if (skip) return context.skip(skip);
    const [compile, run] = language.steps(multiplE(''), toolchain, { timeoutFactor: 1 });
    const jar = toolchain.javatuplesJar as string;
    const wrapper = toolchain.wrapperDirectory as string;
    expect(compile?.argv).toEqual([
      toolchain.path,
      '-encoding',
      'UTF8',
      '-cp',
      jar,
      '-d',
      '.',
      'main.java',
    ]);
    expect(run?.argv).toEqual([
      toolchain.java,
      '-ea',
      '-cp',
      `.:${jar}:${wrapper}`,
      'PasskMain',
      'Problem',
    ]);
    expect(compile?.server?.argv.slice(-2)).toEqual(['PasskJavacServer', toolchain.path]);
    const [humanCompile, humanRun] = language.steps(humanEvalX(''), toolchain, {
      timeoutFactor: 1,
    });
    expect([humanCompile?.argv, humanCompile?.timeoutMs]).toEqual([
      [toolchain.path, 'Main.java'],
      25_000,
    ]);
    expect([humanRun?.argv, humanRun?.timeoutMs]).toEqual([
      [toolchain.java, '-cp', `.:${wrapper}`, 'PasskMain', 'Main'],
      5000,
    ]);
    expect(language.limits(multiplE('')).maxMemoryBytes).toBe(0);
  });

  itJudgesCases(CASES, () => ({ language, toolchain, executor: warm, skip }), 'detail');

  it('MultiPL-E programs are toolchain_missing without the javatuples jar', async (context) => {
    if (skip) return context.skip(skip);
    const noJar = createJavaLanguage({ javatuplesJar: '/nonexistent/javatuples.jar' });
    const info = await noJar.detect();
    expect(info.version).toMatch(/javatuples missing/);
    const { verdict } = await judgeProgram(noJar, info, warm, multiplE(''));
    expect(verdict.status).toBe('toolchain_missing');
    expect(verdict.detail).toMatch(/libjavatuples-java/);
  });

  it('the warm javac gives what spawning javac gives: exit code, diagnostics, class files', async (context) => {
    if (skip) return context.skip(skip);
    await Promise.all(
      CASES.map(async (test) => {
        const [compile] = language.steps(test.target, toolchain, { timeoutFactor: 1 });
        const job = {
          files: test.target.files,
          steps: [
            { ...(compile as NonNullable<typeof compile>), stopOnFailure: false },
            {
              name: 'classes',
              argv: ['/bin/sh', '-c', 'ls; cat *.class 2>/dev/null | md5sum'],
              timeoutMs: 5000,
            },
          ],
          limits: language.limits(test.target),
        };
        const [served, spawned] = await Promise.all([warm.execute(job), cold.execute(job)]);
        const view = (steps: typeof served.steps) =>
          steps.map((step) => [step.exitCode, step.stdoutTail, step.stderrTail]);
        expect([test.name, view(served.steps)]).toEqual([test.name, view(spawned.steps)]);
      }),
    );
    // The warm javac really served them in the sandbox (a server that cannot start, e.g. for
    // lack of a mount, is replaced by spawning the step, with a warning).
    expect(warnings).toEqual([]);
    // 12 cold javac starts (a few seconds each on a busy 2-core machine) and 12 warm compiles.
  }, 300_000);
});
