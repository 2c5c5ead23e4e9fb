import type { Language, StepResult } from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { MULTIPL_E_ADD } from '../../test/multipl-e-add.ts';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import { OUTPUT_JUDGE_STEPS } from '../internal/output-judge.ts';
import { createGoLanguage } from './create-go-language.ts';
import type { GoToolchain } from './detect-go.ts';
import { GO_CALLER_FILE, GO_EXPECTED_FILE } from './go-output-judge.ts';

const language: Language = createGoLanguage();
const executor = testExecutor();
afterAll(() => executor.close());

/** The detected toolchain (detection is cached), or undefined when go is missing (said on stderr). */
async function detectedGo(): Promise<GoToolchain | undefined> {
  const toolchain = (await language.detect()) as GoToolchain;
  return skipReason('go', toolchain) === undefined ? toolchain : undefined;
}

/** MultiPL-E's Go test of `pick` with these rows (`[actual args, expected]`). */
function multiplE(imports: readonly string[], code: string, rows: ReadonlyArray<[string, string]>) {
  const table = rows
    .map(([args, expected]) => `     { actual: candidate(${args}), expected: ${expected} },`)
    .join('\n');
  const tests = MULTIPL_E_ADD.go.tests
    .replace('TestAdd', 'TestPick')
    .replace('candidate := add', 'candidate := pick')
    .replace(/tests := \[\]test\{[\s\S]*?\n {3}\}\n/, `tests := []test{\n${table}\n   }\n`);
  const header = `package pick_test\n\nimport (\n${['testing', 'fmt', ...imports].map((name) => `    "${name}"\n`).join('')})\n\n`;
  return program('go', 'main_test.go', 'multipl-e', `${header}${code}\n${tests}`, 30_000);
}

/** Values the language calls equal under `%v`, of other types or built another way. */
const HONEST = multiplE(
  [],
  `func pick(n int) interface{} {
    tenth := 0.1
    switch n {
    case 0:
        return tenth + 0.2
    case 1:
        return float64(3)
    case 2:
        m := map[string][]int{}
        m["b"] = nil
        m["a"] = append(m["a"], 1, 2)
        return m
    case 3:
        return string([]byte{0xc3, 0xbc, 0xff, '"', '\\\\', '\\n'})
    case 4:
        return nil
    case 5:
        return [][]int{{1, 2}, nil}
    case 6:
        return []interface{}{int64(2), "x", true}
    }
    return "}, { expected: 0 }"
}
`,
  [
    ['0', '0.30000000000000004'],
    ['1', '3'],
    ['2', 'map[string][]int{"a": {1, 2}, "b": {}}'],
    ['3', '"ü\\xff\\"\\\\\\n"'],
    ['4', 'nil'],
    ['5', '[][]int{{1, 2}, {}}'],
    ['6', '[]interface{}{2, "x", true}'],
    ['7', '`}, { expected: 0 }`'],
  ],
);

const report = (steps: readonly StepResult[], name: string) =>
  steps.find((step) => step.name === name)?.report;

describe('the Go output judge', () => {
  it('builds the candidate without the tests and the expected values without the candidate', async (context) => {
    const toolchain = await detectedGo();
    if (toolchain === undefined) return context.skip('go missing');
    const target = multiplE([], 'func pick(n int) interface{} {\n    return "mine"\n}\n', [
      ['1', '"EXPECTED-1"'],
      ['2', '"EXPECTED-2"'],
    ]);
    const steps = language.steps(target, toolchain, { timeoutFactor: 1 });
    expect(steps.map((step) => step.name)).toEqual([
      'build',
      'run',
      'judge-expected-build',
      'judge-expected',
      'judge-candidate-build',
      'judge-candidate',
    ]);
    const [expected, candidate] = [steps[2]?.freshFiles ?? [], steps[4]?.freshFiles ?? []];
    expect(expected.map((file) => file.path)).toEqual([GO_EXPECTED_FILE]);
    expect(expected[0]?.contents).toContain('"EXPECTED-2"');
    expect(expected[0]?.contents).not.toContain('mine');
    expect(candidate.map((file) => file.path)).toEqual(['main_test.go', GO_CALLER_FILE]);
    expect(candidate.map((file) => file.contents).join('\n')).not.toMatch(/EXPECTED|TestPick/);
    expect(steps[4]?.argv.slice(-2)).toEqual(['main_test.go', GO_CALLER_FILE]);
    expect(steps[5]?.argv).toEqual([
      './main.test',
      '-test.run=^TestPasskJudgeValues$',
      '-test.paniconexit0',
      '-test.timeout=10m0s',
    ]);
    expect(steps.slice(3).every((step) => step.mounts === undefined || step === steps[4])).toBe(
      true,
    );
  });

  it('passes honest values that print alike: floats, an int for a float, maps, nil slices, bytes, nil', async (context) => {
    const toolchain = await detectedGo();
    if (toolchain === undefined) return context.skip('go missing');
    const { verdict, result } = await judgeProgram(language, toolchain, executor, HONEST);
    expect(verdict).toEqual({ status: 'passed', passed: true, detail: 'OK' });
    const values = report(result.steps, OUTPUT_JUDGE_STEPS.candidate);
    expect(values).toEqual(report(result.steps, OUTPUT_JUDGE_STEPS.expected));
    expect(values).toEqual([
      '0.30000000000000004',
      '3',
      'map[a:[1 2] b:[]]',
      'ü\udcff"\\\n',
      '<nil>',
      '[[1 2] []]',
      '[2 x true]',
      '}, { expected: 0 }',
    ]);
  });

  it('refuses a candidate that answers otherwise, or stops, when called apart from the tests', async (context) => {
    const toolchain = await detectedGo();
    if (toolchain === undefined) return context.skip('go missing');
    const apart = 'strings.Contains(strings.Join(os.Args, " "), "TestPasskJudgeValues")';
    const rows: Array<[string, string]> = [
      ['1', '1'],
      ['2', '2'],
    ];
    const other = multiplE(
      ['os', 'strings'],
      `func pick(n int) interface{} {\n    if n == 2 && ${apart} {\n        return 3\n    }\n    return n\n}\n`,
      rows,
    );
    const stops = multiplE(
      ['os', 'strings', 'syscall'],
      `func pick(n int) interface{} {\n    if ${apart} {\n        syscall.Exit(0)\n    }\n    return n\n}\n`,
      rows,
    );
    const [answered, stopped] = await Promise.all(
      [other, stops].map(
        async (target) => (await judgeProgram(language, toolchain, executor, target)).verdict,
      ),
    );
    expect([answered?.status, answered?.detail, answered?.reference?.status]).toEqual([
      'failed',
      expect.stringMatching(/^call 2 of 2 gave "3", expected "2"/),
      'passed',
    ]);
    expect([stopped?.status, stopped?.reference?.status]).toEqual(['runtime_error', 'passed']);
  });
});
