import { COMPLETION_SENTINEL, type StepResult } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { JULIA_RULES } from './julia/create-julia-language.ts';
import { LUA_RULES } from './lua/create-lua-language.ts';
import { judgeMultiplE } from './multipl-e-judge.ts';
import { PHP_RULES } from './php/create-php-language.ts';
import { R_RULES } from './r/create-r-language.ts';
import { SCALA_RULES } from './scala/create-scala-language.ts';
import { SHELL_RULES } from './shell/create-shell-language.ts';
import { SWIFT_RULES } from './swift/create-swift-language.ts';

/** A step result as the executor reports it; only what a case sets differs from a clean exit 0. */
function step(overrides: Partial<StepResult> & { name: string }): StepResult {
  return stepResult(overrides);
}

const sentinel = `\n${COMPLETION_SENTINEL}\n`;

/**
 * The judge's table on step results of the shapes each language produces, including Julia
 * and Swift, whose toolchains are not installed here (their programs are not run in tests).
 */
describe('judgeMultiplE', () => {
  it('reports unstarted commands, missing steps and failed preparation as infrastructure faults', () => {
    expect(judgeMultiplE({ steps: [] }, JULIA_RULES).status).toBe('infra_error');
    const missing = judgeMultiplE(
      { steps: [step({ name: 'run', exitCode: null, spawnError: 'spawn julia ENOENT' })] },
      JULIA_RULES,
    );
    expect(missing).toMatchObject({ status: 'toolchain_missing', passed: false });
    expect(missing.detail).toMatch(/Julia could not be started.*ENOENT/);
    const prepare = judgeMultiplE(
      { steps: [step({ name: 'prepare', exitCode: 1, stderrTail: 'disk full' })] },
      SWIFT_RULES,
    );
    expect(prepare.status).toBe('infra_error');
  });

  it('Julia: passes with the sentinel; early exit keeps MultiPL-E OK as reference; test failures are failed', () => {
    expect(
      judgeMultiplE({ steps: [step({ name: 'run', stdoutTail: sentinel })] }, JULIA_RULES),
    ).toEqual({
      status: 'passed',
      passed: true,
      detail: 'OK',
    });
    const early = judgeMultiplE({ steps: [step({ name: 'run' })] }, JULIA_RULES);
    expect(early).toMatchObject({
      status: 'runtime_error',
      reference: { status: 'passed', detail: 'OK' },
    });
    const failedTest = step({
      name: 'run',
      exitCode: 1,
      stderrTail: 'Test Failed at main.jl:9\nERROR: LoadError: Some tests did not pass',
      stderrBytes: 70,
    });
    expect(judgeMultiplE({ steps: [failedTest] }, JULIA_RULES)).toEqual({
      status: 'failed',
      passed: false,
      detail: 'SyntaxError',
    });
    const quiet = step({ name: 'run', exitCode: 1 });
    expect(judgeMultiplE({ steps: [quiet] }, JULIA_RULES).detail).toBe('Exception');
    const slow = step({ name: 'run', exitCode: null, signal: 'SIGKILL', timedOut: true });
    expect(judgeMultiplE({ steps: [slow] }, JULIA_RULES)).toMatchObject({
      status: 'timeout',
      detail: 'Timeout',
    });
  });

  it('Swift: build failures and timeouts; a trapped assert is failed', () => {
    const prepared = step({ name: 'prepare' });
    const build = (overrides: Partial<StepResult>) => step({ name: 'build', ...overrides });
    expect(
      judgeMultiplE(
        { steps: [prepared, build({ exitCode: 1, stderrTail: 'error: x' })] },
        SWIFT_RULES,
      ),
    ).toMatchObject({
      status: 'compile_error',
      detail: 'SyntaxError',
    });
    expect(
      judgeMultiplE(
        { steps: [prepared, build({ exitCode: null, signal: 'SIGKILL', timedOut: true })] },
        SWIFT_RULES,
      ),
    ).toMatchObject({ status: 'timeout', detail: 'Timeout' });
    const trapped = step({
      name: 'run',
      exitCode: null,
      signal: 'SIGILL',
      stderrTail: 'main.swift:12: Assertion failed',
    });
    expect(judgeMultiplE({ steps: [prepared, build({}), trapped] }, SWIFT_RULES)).toMatchObject({
      status: 'failed',
      detail: 'Exception',
    });
    const passed = step({ name: 'run', stdoutTail: sentinel });
    expect(judgeMultiplE({ steps: [prepared, build({}), passed] }, SWIFT_RULES).status).toBe(
      'passed',
    );
  });

  it('Scala: a timed-out scalac is SyntaxError as in MultiPL-E; stderr output fails a run', () => {
    const build = step({ name: 'build', exitCode: null, signal: 'SIGKILL', timedOut: true });
    expect(judgeMultiplE({ steps: [build] }, SCALA_RULES)).toMatchObject({
      status: 'compile_error',
      detail: 'SyntaxError',
    });
    const noisy = step({
      name: 'run',
      stdoutTail: sentinel,
      stderrTail: 'warning',
      stderrBytes: 7,
    });
    expect(judgeMultiplE({ steps: [step({ name: 'build' }), noisy] }, SCALA_RULES)).toMatchObject({
      status: 'runtime_error',
      detail: 'Exception',
    });
  });

  it('PHP: a timeout is MultiPL-E Exception (no Timeout status) but passk timeout; parse errors compile_error', () => {
    const slow = step({ name: 'run', exitCode: null, signal: 'SIGKILL', timedOut: true });
    expect(judgeMultiplE({ steps: [slow] }, PHP_RULES)).toMatchObject({
      status: 'timeout',
      detail: 'Exception',
    });
    const parse = step({
      name: 'run',
      exitCode: 255,
      stdoutTail: 'PHP Parse error:  syntax error',
    });
    expect(judgeMultiplE({ steps: [parse] }, PHP_RULES)).toMatchObject({
      status: 'compile_error',
      detail: 'SyntaxError',
    });
    const flood = step({
      name: 'run',
      exitCode: null,
      signal: 'SIGKILL',
      outputLimitExceeded: true,
    });
    expect(judgeMultiplE({ steps: [flood] }, PHP_RULES).status).toBe('output_limit');
  });

  it('Lua: out of memory, also when luaunit dies on the bare message inside a test', () => {
    const crashed = step({
      name: 'run',
      exitCode: 1,
      stderrTail:
        "/usr/bin/lua5.3: /usr/share/lua/5.3/luaunit.lua:3033: attempt to index a string value (local 'err')\nstack traceback:\n",
    });
    expect(judgeMultiplE({ steps: [crashed] }, LUA_RULES)).toEqual({
      status: 'memory_limit',
      passed: false,
      detail: 'Exception',
    });
    const topLevel = step({ name: 'run', exitCode: 1, stderrTail: 'lua5.3: not enough memory\n' });
    expect(judgeMultiplE({ steps: [topLevel] }, LUA_RULES).status).toBe('memory_limit');
    const indexed = step({
      name: 'run',
      exitCode: 1,
      stderrTail: "lua5.3: main.lua:3: attempt to index a nil value (local 'x')\n",
    });
    expect(judgeMultiplE({ steps: [indexed] }, LUA_RULES).status).toBe('runtime_error');
  });

  it('R: an empty stderr is AssertionError, a wrong answer unless a signal killed R', () => {
    const quit = step({ name: 'run', exitCode: 1 });
    expect(judgeMultiplE({ steps: [quit] }, R_RULES)).toMatchObject({
      status: 'failed',
      detail: 'AssertionError',
    });
    const killed = step({ name: 'run', exitCode: null, signal: 'SIGKILL' });
    expect(judgeMultiplE({ steps: [killed] }, R_RULES)).toMatchObject({
      status: 'runtime_error',
      detail: 'AssertionError',
    });
    const stopped = step({
      name: 'run',
      exitCode: 1,
      stderrTail: 'Error: isTRUE(all.equal(candidate(0, 1), 1)) is not TRUE\nExecution halted\n',
    });
    expect(judgeMultiplE({ steps: [stopped] }, R_RULES)).toMatchObject({
      status: 'failed',
      detail: 'Exception',
    });
  });

  it("Shell: bash's xmalloc and xrealloc failures and a tool's 'memory exhausted' are out of memory", () => {
    for (const stderrTail of [
      'main.sh: xrealloc: cannot allocate 1073741952 bytes\n',
      'main.sh: line 3: xmalloc: ../bash/subst.c:4897: cannot allocate 42 bytes\n',
      'tail: memory exhausted\n',
    ]) {
      const run = step({ name: 'run', exitCode: 2, stderrTail });
      expect([stderrTail, judgeMultiplE({ steps: [run] }, SHELL_RULES).status]).toEqual([
        stderrTail,
        'memory_limit',
      ]);
    }
    const other = step({
      name: 'run',
      exitCode: 1,
      stderrTail: 'main.sh: line 3: x: unbound variable\n',
    });
    expect(judgeMultiplE({ steps: [other] }, SHELL_RULES).status).toBe('runtime_error');
  });
});
