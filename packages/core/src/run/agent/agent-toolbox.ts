import type { DeniedAccess } from '../../spec/agent.ts';
import type { Dataset } from '../../spec/dataset.ts';
import type { Executor, ResourceLimit, Step, StepResult } from '../../spec/executor.ts';
import type { Language, ToolchainInfo } from '../../spec/language.ts';
import type { Problem } from '../../spec/problem.ts';
import type { Candidate, Program } from '../../spec/program.ts';
import type { VerdictStatus } from '../../spec/verdict.ts';
import { judgeProgram } from '../judge-program.ts';
import {
  checkVisibleTests,
  type VisibleCheck,
  type VisibleJudgement,
  visibleJudgementOf,
} from './check-visible-tests.ts';
import { classifyDeniedAccess } from './classify-denied-access.ts';
import { feedbackProgram } from './feedback-program.ts';
import { readCandidate } from './read-candidate.ts';

/** Wall-clock limit of a `run_code` program, in milliseconds (times the run's timeout factor). */
export const RUN_CODE_TIMEOUT_MS = 10_000;

/** Characters of output shown to the model per stream. */
const TAIL_CHARS = 2000;

/** The file `run_code` writes its standard input to, next to the program. */
const STDIN_FILE = '.passk-stdin';

/** What a tool run gave: the text the model reads, and figures for the transcript. */
export interface ToolRun {
  readonly text: string;
  /** For `run_tests`: the status on the visible tests. */
  readonly status?: VerdictStatus;
  /** The sandbox limit that stopped the program, if one did. */
  readonly limit?: ResourceLimit;
  /** Network or file access the sandbox denied the program, as its output shows; absent when none. */
  readonly denied?: readonly DeniedAccess[];
}

/** The sandboxed tools of one problem's attempts. */
export interface AgentToolbox {
  /** Whether the problem has visible tests (`run_tests` is offered). */
  readonly hasVisibleTests: boolean;
  /** Whether the language can run a program on its own (`run_code` is offered). */
  readonly canRunCode: boolean;
  /** `code` against the visible tests; undefined without visible tests. */
  runTests(code: string, signal?: AbortSignal): Promise<VisibleCheck | undefined>;
  /** `code` as a program of the problem's language with `stdin`. */
  runCode(code: string, stdin: string, signal?: AbortSignal): Promise<ToolRun>;
}

/** Everything a toolbox needs: the problem's dataset, language and the run's executor. */
export interface AgentToolboxOptions {
  readonly dataset: Dataset;
  readonly problem: Problem;
  readonly language: Language;
  readonly toolchain: ToolchainInfo;
  readonly executor: Executor;
  /** Multiplier of every time limit (default 1). */
  readonly timeoutFactor?: number;
  /**
   * Judges a visible-tests program (`buildProgram(visibleProblem, candidate)`); default
   * `judgeProgram` on `executor` (feedback rule, urgent). A run passes its own path: identical
   * programs judged once.
   */
  readonly judge?: (problem: Problem, candidate: Candidate) => Promise<VisibleJudgement>;
}

/**
 * The tools of `problem`'s attempts, run in the run's executor (same sandbox and limits as
 * the samples): `runTests` builds the program with the dataset's assembly (`readCandidate`
 * auto, read as a chat answer) against the visible tests and judges it like a sample
 * (`checkVisibleTests`); `runCode` runs the code alone as the language's `script` (Python) or
 * `multipl-e` rule would, with `stdin` from a file, and reports the last step's exit code and
 * output, the limit that stopped it and the access the sandbox denied it (read from the last
 * step's output: `classifyDeniedAccess`). Tool runs are not cached; they are urgent jobs (a conversation waits on them) and
 * `runTests` judges by the language's feedback rule (`feedbackProgram`). Rejects only when the
 * executor is broken or aborted.
 */
export function createAgentToolbox(options: AgentToolboxOptions): AgentToolbox {
  const { dataset, problem, language, toolchain, executor } = options;
  const timeoutFactor = options.timeoutFactor ?? 1;
  const hasVisibleTests = dataset.visibleTests?.(problem) !== undefined;
  const judges = language.judges ?? [];
  const scriptJudge = judges.includes('script')
    ? 'script'
    : judges.includes('multipl-e')
      ? 'multipl-e'
      : undefined;
  return {
    hasVisibleTests,
    canRunCode: scriptJudge !== undefined,
    runTests(code, signal) {
      const judge =
        options.judge ??
        (async (visibleProblem: Problem, candidate: Candidate) =>
          visibleJudgementOf(
            await judgeProgram({
              language,
              toolchain,
              executor,
              program: feedbackProgram(language, dataset.buildProgram(visibleProblem, candidate)),
              timeoutFactor,
              urgent: true,
              ...(signal ? { signal } : {}),
            }),
          ));
      return untilAborted(
        checkVisibleTests({
          dataset,
          problem,
          candidate: { ...readCandidate(problem, code, 'auto'), source: 'answer' },
          judge,
        }),
        signal,
      );
    },
    async runCode(code, stdin, signal) {
      if (scriptJudge === undefined)
        return { text: `error: run_code is not available for ${problem.language}` };
      if (!toolchain.available)
        return { text: `error: the ${problem.language} toolchain is missing here` };
      const mainFile = dataset.buildProgram(problem, { code: '', kind: 'completion' }).mainFile;
      const program: Program = {
        language: problem.language,
        files: [
          { path: mainFile, contents: code },
          { path: STDIN_FILE, contents: stdin },
        ],
        mainFile,
        judge: scriptJudge,
        timeoutMs: RUN_CODE_TIMEOUT_MS,
      };
      const steps = language.steps(program, toolchain, { timeoutFactor });
      const result = await executor.execute(
        {
          files: program.files,
          steps: withStdin(steps),
          limits: language.limits(program),
          urgent: true,
        },
        signal,
      );
      const last = result.steps.at(-1);
      const limit = result.steps.find((step) => step.limit !== undefined)?.limit;
      const denied = classifyDeniedAccess([last?.stdoutTail, last?.stderrTail]);
      return {
        text: last ? describeStep(last) : 'error: nothing ran',
        ...(limit === undefined ? {} : { limit }),
        ...(denied.length > 0 ? { denied } : {}),
      };
    },
  };
}

/** `promise`, or a rejection with the signal's reason when `signal` aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** `steps` with the last one reading {@link STDIN_FILE} (always spawned, never served). */
function withStdin(steps: readonly Step[]): Step[] {
  return steps.map((step, index) => {
    if (index !== steps.length - 1) return step;
    const { server: _server, ...spawned } = step;
    return {
      ...spawned,
      argv: ['/bin/sh', '-c', 'exec "$@" < "$0"', STDIN_FILE, ...step.argv],
    };
  });
}

function describeStep(step: StepResult): string {
  const ending = step.timedOut
    ? 'killed: time limit'
    : step.limit
      ? `killed: ${step.limit} limit`
      : step.exitCode === null
        ? `killed by ${step.signal}`
        : `exit code ${step.exitCode}`;
  return [
    `${ending} (step ${step.name})`,
    ...(step.spawnError ? [`error: ${step.spawnError}`] : []),
    outputSection('stdout', step.stdoutTail),
    outputSection('stderr', step.stderrTail),
  ].join('\n');
}

/** A stream's tail as the model reads it. */
export function outputSection(name: string, text: string | undefined): string {
  if (!text) return `--- ${name}: empty ---`;
  const tail = text.length > TAIL_CHARS ? `…${text.slice(-TAIL_CHARS)}` : text;
  return `--- ${name} (end) ---\n${tail.trimEnd()}`;
}
