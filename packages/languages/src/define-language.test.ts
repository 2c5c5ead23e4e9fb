import type { Program, ToolchainInfo } from '@passk/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_MEMORY_BYTES, defineLanguageFactory } from './define-language.ts';
import { createJavaScriptLanguage } from './javascript/create-javascript-language.ts';

/** A custom language whose detection reports the environment it was given. */
const createEchoLanguage = defineLanguageFactory({
  names: { id: 'echo', aliases: ['e'], extension: '.txt' },
  detect: async (options: { readonly env?: NodeJS.ProcessEnv; readonly tag?: string }) => {
    detections += 1;
    return { available: true, version: `${options.tag ?? ''}${options.env?.ECHO_VERSION}` };
  },
  rules: {
    judges: ['echo-exact', 'echo-loose'],
    steps: (program, _toolchain, { timeoutFactor }, { judge }) => [
      { name: judge, argv: ['cat', program.mainFile], timeoutMs: 1000 * timeoutFactor },
    ],
    classify: (judge) => ({ status: 'passed', passed: true, detail: judge }),
    limits: (judge, limits) => (judge === 'echo-loose' ? { ...limits, maxMemoryBytes: 0 } : limits),
  },
});
let detections = 0;

const program = (judge: string): Program => ({
  language: 'echo',
  files: [{ path: 'main.txt', contents: 'hi' }],
  mainFile: 'main.txt',
  judge,
  timeoutMs: 1000,
});
const available: ToolchainInfo = { available: true };

describe('defineLanguageFactory', () => {
  it('runs detection once, with the env option over the context, the context over the default', async () => {
    detections = 0;
    const fromContext = createEchoLanguage({ tag: 'v' });
    const first = await fromContext.detect({ env: { ECHO_VERSION: '1' } });
    expect(first.version).toBe('v1');
    expect(await fromContext.detect({ env: { ECHO_VERSION: '2' } })).toBe(first);
    const fromOption = createEchoLanguage({ env: { ECHO_VERSION: '3' } });
    expect((await fromOption.detect({ env: { ECHO_VERSION: '4' } })).version).toBe('3');
    expect(detections).toBe(2);
  });

  it('passes its judge to steps and classify, and refuses a judge it does not list', () => {
    const language = createEchoLanguage();
    expect(language).toMatchObject({
      id: 'echo',
      aliases: ['e'],
      judges: ['echo-exact', 'echo-loose'],
    });
    const steps = language.steps(program('echo-loose'), available, { timeoutFactor: 2 });
    expect(steps).toEqual([{ name: 'echo-loose', argv: ['cat', 'main.txt'], timeoutMs: 2000 }]);
    expect(language.classify(program('echo-exact'), { steps: [] }).detail).toBe('echo-exact');
    expect(() => language.steps(program('multipl-e'), available, { timeoutFactor: 1 })).toThrow(
      /unknown echo judge 'multipl-e'; known echo judges: echo-exact, echo-loose/,
    );
    expect(() => language.classify(program('script'), { steps: [] })).toThrow(/echo judge/);
  });

  it('gives 4 GiB and 1 MiB by default, the options over them, and the judge its own limits', () => {
    expect(createEchoLanguage().limits(program('echo-exact'))).toEqual({
      maxOutputBytes: 1024 ** 2,
      maxMemoryBytes: DEFAULT_MAX_MEMORY_BYTES,
    });
    const limited = createEchoLanguage({ maxMemoryBytes: 5, maxOutputBytes: 7 });
    expect(limited.limits(program('echo-exact'))).toEqual({ maxOutputBytes: 7, maxMemoryBytes: 5 });
    expect(limited.limits(program('echo-loose')).maxMemoryBytes).toBe(0);
    expect(limited.limits(program('unknown')).maxMemoryBytes).toBe(5);
  });

  it('built-in languages read the environment detect() is given', async () => {
    const language = createJavaScriptLanguage();
    const info = await language.detect({ env: { PATH: '', PASSK_NODE: '/nonexistent/node' } });
    expect(info.available).toBe(false);
    expect(info.problem).toMatch(/Node\.js not found at '\/nonexistent\/node'/);
  });
});
