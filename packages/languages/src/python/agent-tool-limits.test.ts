import {
  createAgentToolbox,
  createLocalExecutor,
  type Dataset,
  type Executor,
  type Problem,
} from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPythonLanguage } from './create-python-language.ts';

const problem: Problem = {
  id: 'demo/limits',
  datasetId: 'demo',
  language: 'python',
  prompt: 'def f():\n    pass\n',
  entryPoint: 'f',
  tests: '',
  stopSequences: [],
  metadata: {},
};
const dataset = {
  buildProgram: () => ({
    language: 'python',
    files: [],
    mainFile: 'main.py',
    judge: 'script',
    timeoutMs: 10_000,
  }),
} as unknown as Dataset;

describe("agent tools report the sandbox limit that stopped a tool call's program", () => {
  let executor: Executor | undefined;
  afterAll(() => executor?.close());

  it('run_code: a program flooding its output is killed at the output limit, and the run says so', async (context) => {
    const language = createPythonLanguage();
    const toolchain = await language.detect();
    if (!toolchain.available) return context.skip(toolchain.problem ?? 'no python');
    executor = createLocalExecutor({ concurrency: 1 });
    const toolbox = createAgentToolbox({ dataset, problem, language, toolchain, executor });
    const flood = await toolbox.runCode(
      'import sys\nwhile True:\n    sys.stdout.write("x" * 65536)\n',
      '',
    );
    expect(flood.limit).toBe('output');
    expect(flood.text).toMatch(/killed: output limit/);
    const quiet = await toolbox.runCode('print("ok")\n', '');
    expect(quiet.limit).toBeUndefined();
  });
});
