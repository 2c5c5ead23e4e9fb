import {
  type Dataset,
  type Executor,
  INFRASTRUCTURE_STATUSES,
  judgeProgram,
  type Language,
  type Problem,
  type ToolchainInfo,
  type Verdict,
} from '@passk/core';
import { type KnownBrokenTask, knownBrokenTask, selftestControlsOf } from '@passk/datasets';

/** One program the selftest runs, and what became of it. */
export interface SelftestCheck {
  readonly taskId: string;
  readonly language: string;
  /** `reference` or a control's name (`empty completion`, `wrong answer`). */
  readonly check: string;
  /** Whether it must pass (`reference`) or must fail (a control). */
  readonly mustPass: boolean;
  readonly verdict: Verdict;
  /** The known-broken entry of the task, if any. */
  readonly knownBroken?: KnownBrokenTask;
  /**
   * `ok` as expected; `known` differs from expectation because the task is known broken or
   * weak; `skipped` the toolchain is missing; `fail` a judging problem (exit code 1).
   */
  readonly outcome: 'ok' | 'known' | 'skipped' | 'fail';
}

/** What {@link runSelftest} needs. */
export interface SelftestOptions {
  readonly dataset: Dataset;
  readonly problems: readonly Problem[];
  readonly language: (id: string) => Language;
  readonly toolchains: ReadonlyMap<string, ToolchainInfo>;
  readonly executor: Executor;
  readonly timeoutFactor: number;
  /** How often an infrastructure fault is retried (default 2). */
  readonly maxInfrastructureRetries?: number;
  /** Called after each check, for progress. */
  readonly onCheck?: (check: SelftestCheck, done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs every problem's reference solution (when the dataset has one) and must-fail controls
 * (the dataset's `selftestControls`, else an empty completion), and judges each outcome against
 * the known-broken list. Each program is judged by `judgeProgram`, and a timeout is re-run alone
 * at the end, exactly as in a run. Never throws for a failing program; throws only when the executor is
 * broken or the run is aborted.
 */
export async function runSelftest(options: SelftestOptions): Promise<SelftestCheck[]> {
  const controls = selftestControlsOf(options.dataset);
  const work = options.problems.flatMap((problem) => [
    ...(problem.referenceCompletion === undefined
      ? []
      : [
          {
            problem,
            check: 'reference',
            mustPass: true,
            candidate: { code: problem.referenceCompletion, kind: 'completion' as const },
          },
        ]),
    ...(
      controls?.selftestControls(problem) ?? [
        { name: 'empty completion', candidate: { code: '', kind: 'completion' as const } },
      ]
    ).map((control) => ({
      problem,
      check: control.name,
      mustPass: false,
      candidate: control.candidate,
    })),
  ]);
  let done = 0;
  const finish = (item: (typeof work)[number], verdict: Verdict): SelftestCheck => {
    const knownBroken = knownBrokenTask(options.dataset.id, item.problem.id);
    const result: SelftestCheck = {
      taskId: item.problem.id,
      language: item.problem.language,
      check: item.check,
      mustPass: item.mustPass,
      verdict,
      ...(knownBroken === undefined ? {} : { knownBroken }),
      outcome: outcomeOf(item.mustPass, verdict, knownBroken),
    };
    options.onCheck?.(result, ++done, work.length);
    return result;
  };
  const judge = async (item: (typeof work)[number]): Promise<Verdict> => {
    const { verdict } = await judgeProgram({
      language: options.language(item.problem.language),
      toolchain: options.toolchains.get(item.problem.language) ?? { available: false },
      executor: options.executor,
      program: options.dataset.buildProgram(item.problem, item.candidate),
      timeoutFactor: options.timeoutFactor,
      ...(options.maxInfrastructureRetries === undefined
        ? {}
        : { maxInfrastructureRetries: options.maxInfrastructureRetries }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return verdict;
  };
  const checks: (SelftestCheck | undefined)[] = await Promise.all(
    work.map(async (item) => {
      const verdict = await judge(item);
      return verdict.status === 'timeout' ? undefined : finish(item, verdict);
    }),
  );
  // As in a run: a timeout is re-run alone, after everything else, before it is final.
  for (const [index, check] of checks.entries()) {
    if (check === undefined)
      checks[index] = finish(
        work[index] as (typeof work)[number],
        await judge(work[index] as (typeof work)[number]),
      );
  }
  return checks as SelftestCheck[];
}

function outcomeOf(
  mustPass: boolean,
  verdict: Verdict,
  knownBroken: KnownBrokenTask | undefined,
): SelftestCheck['outcome'] {
  if (verdict.status === 'toolchain_missing') return 'skipped';
  if (verdict.passed === mustPass) return 'ok';
  if (knownBroken !== undefined && INFRASTRUCTURE_STATUSES.has(verdict.status) === false) {
    if (mustPass && knownBroken.kind !== 'weak') return 'known';
    if (!mustPass && knownBroken.kind === 'weak') return 'known';
  }
  return 'fail';
}
