import type { Step } from '@passk/core';
import {
  type OutputJudgeProgram,
  outputJudgeSteps,
  VALUES_FILE,
} from '../internal/output-judge.ts';
import { GO_LINK_FLAGS } from './go-link-flags.ts';
import type { GoTestSplit } from './split-go-tests.ts';

/** The test function of both judge programs (run alone: `-test.run=^…$`). */
export const GO_JUDGE_TEST = 'TestPasskJudgeValues';
/** File of the expected values' program (`package main`, built by `go build`). */
export const GO_EXPECTED_FILE = 'passk_expected.go';
/** Its executable. */
const GO_EXPECTED_BINARY = 'passk-expected';
/** File of the caller added to the candidate's code (same package). */
export const GO_CALLER_FILE = 'passk_calls_test.go';

/**
 * Writes `values` as a JSON array of their `%v` strings to the values file. A string's bytes
 * are kept exactly: valid UTF-8 as is (`"`, `\` and control characters escaped), each invalid
 * byte as a lone surrogate `\udcXX`, which no valid UTF-8 decodes to.
 */
const WRITER = `func passkJudgeWrite(values []interface{}) {
	out := []byte{'['}
	for i, value := range values {
		if i > 0 {
			out = append(out, ',')
		}
		text := passkfmt.Sprintf("%v", value)
		out = append(out, '"')
		for at := 0; at < len(text); {
			r, size := passkutf8.DecodeRuneInString(text[at:])
			switch {
			case r == passkutf8.RuneError && size == 1:
				out = append(out, passkfmt.Sprintf("\\\\udc%02x", text[at])...)
			case r == '"' || r == '\\\\':
				out = append(out, '\\\\', byte(r))
			case r < 0x20 || r == 0x7f:
				out = append(out, passkfmt.Sprintf("\\\\u%04x", r)...)
			default:
				out = append(out, text[at:at+size]...)
			}
			at += size
		}
		out = append(out, '"')
	}
	out = append(out, ']')
	if err := passkos.WriteFile("${VALUES_FILE}", out, 0o644); err != nil {
		panic(err)
	}
}
`;

/**
 * One judge file: in `packageName`, the function opened by `header` evaluates the `values`
 * expressions in order as the elements of one `[]interface{}` literal (as the reference's table
 * does, each converted to `interface{}`), after `prelude`, then writes their `%v` strings. Its
 * imports are aliased (`passkfmt` …) so that they clash with no name of the candidate's package.
 */
function judgeFile(
  packageName: string,
  header: string,
  prelude: readonly string[],
  values: readonly string[],
): string {
  const test = packageName !== 'main';
  return [
    `package ${packageName}\n`,
    'import (',
    '\tpasskfmt "fmt"',
    '\tpasskos "os"',
    ...(test ? ['\tpassktesting "testing"'] : []),
    '\tpasskutf8 "unicode/utf8"',
    ')\n',
    `${header} {`,
    ...prelude,
    '\tpasskJudgeWrite([]interface{}{',
    ...values.map((value) => `\t\t${value},`),
    '\t})',
    '}\n',
    WRITER,
  ].join('\n');
}

/**
 * The candidate's code alone: the test function cut off, and the two imports it used
 * (`fmt`, `testing`, which the prompt imports) kept in use, so that the file builds whenever
 * the whole program did.
 */
function candidateCode(split: GoTestSplit): string {
  return `${split.code}\nvar _ = fmt.Sprintf\nvar _ *testing.T\n`;
}

/** How the Go judge programs are built and run: the reference's own steps, without their names. */
export interface GoJudgeCommands {
  /** The reference build step (`go test -c -o <binary> <flags> <mainFile>`). */
  readonly build: Step;
  /** The reference run step (`./<binary> -test.paniconexit0 -test.timeout=…`). */
  readonly run: Step;
  /** The reference program's main file (the candidate's code keeps its name). */
  readonly mainFile: string;
}

/** `step` without its name, building `files` instead of the main file (its last argument). */
function building(step: Step, files: readonly string[]): OutputJudgeProgram['run'] {
  const { name: _name, ...rest } = step;
  return { ...rest, argv: [...step.argv.slice(0, -1), ...files] };
}

/**
 * The reference build step as `go build -o <binary> <link flags> <file>` (same toolchain,
 * environment, cache mount and limit): the expected values' program is a plain `main`
 * package, which links in half the time of a test binary.
 */
function buildingMain(step: Step, file: string, binary: string): OutputJudgeProgram['run'] {
  const { name: _name, ...rest } = step;
  return { ...rest, argv: [step.argv[0] ?? 'go', 'build', '-o', binary, GO_LINK_FLAGS, file] };
}

/** `step` without its name, running only {@link GO_JUDGE_TEST}. */
function runningTest(step: Step): OutputJudgeProgram['run'] {
  const { name: _name, ...rest } = step;
  const [binary = '', ...flags] = step.argv;
  return { ...rest, argv: [binary, `-test.run=^${GO_JUDGE_TEST}$`, ...flags] };
}

/**
 * The output judge's steps for a split MultiPL-E Go program (see `internal/output-judge.ts`),
 * built and run as the reference is (same toolchain, cache mount, limits):
 * - expected: {@link GO_EXPECTED_FILE}, a `main` package (`go build`) whose `main` evaluates
 *   the `expected:` expressions of the rows (plain Go literals, no code of the candidate);
 * - candidate: the candidate's code under its file name, plus {@link GO_CALLER_FILE} in its
 *   package, built with the reference's `go test -c` flags: a test {@link GO_JUDGE_TEST} with
 *   `candidate := <entryPoint>` and the `actual:` expressions of the rows, all called in order
 *   before any value is printed (a panic fails the test binary, as in the reference). The
 *   binary runs that test alone (`-test.run=^…$`, the reference's flags after it), so a
 *   completion's `TestMain` or `init` that keeps it from running leaves no values.
 */
export function goOutputJudgeSteps(split: GoTestSplit, commands: GoJudgeCommands): Step[] {
  const expected = judgeFile(
    'main',
    'func main()',
    [],
    split.calls.map((call) => call.expected),
  );
  const caller = judgeFile(
    split.packageName,
    `func ${GO_JUDGE_TEST}(_ *passktesting.T)`,
    [`\tcandidate := ${split.entryPoint}`],
    split.calls.map((call) => call.actual),
  );
  const { name: _name, ...run } = commands.run;
  return outputJudgeSteps(
    {
      files: [{ path: GO_EXPECTED_FILE, contents: expected }],
      build: buildingMain(commands.build, GO_EXPECTED_FILE, GO_EXPECTED_BINARY),
      run: { ...run, argv: [`./${GO_EXPECTED_BINARY}`] },
    },
    {
      files: [
        { path: commands.mainFile, contents: candidateCode(split) },
        { path: GO_CALLER_FILE, contents: caller },
      ],
      build: building(commands.build, [commands.mainFile, GO_CALLER_FILE]),
      run: runningTest(commands.run),
    },
  );
}
