import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  FORK_PROTOCOL,
  type Program,
  readEvalPlusConfig,
  type Step,
  type StepOptions,
  type ToolchainInfo,
} from '@passk/core';

/** Name of the report file the EvalPlus check writes in the work directory. */
export const EVALPLUS_REPORT_FILE = 'report.json';

/**
 * Wall-clock limit of the ground-truth step, in milliseconds (times the timeout factor). The
 * first job of a dataset computes every task's expected outputs (about 10 s for HumanEval+
 * and 30 s for MBPP+ here); jobs that start meanwhile wait for it.
 */
export const EVALPLUS_GROUNDTRUTH_TIMEOUT_MS = 30 * 60_000;

/** EvalPlus caps the time of one subset's child at 60 s (`EVALPLUS_TIMEOUT_PER_TASK`). */
export const EVALPLUS_SUBSET_CAP_MS = 60_000;

/**
 * Slack of the check step beyond the runner's own budgets (per run of EvalPlus's check: two
 * subsets, each at most the cap + 3 s; the `evalplus` judge's run apart counts twice), in milliseconds,
 * for setting up and loading a task's expected outputs (up to a few seconds for the largest
 * MBPP+ task); the runner ends its children itself, so this limit only stops a hung runner.
 */
export const EVALPLUS_CHECK_SLACK_MS = 30_000;

/** What {@link evalPlusSteps} needs besides the program. */
export interface EvalPlusStepSettings {
  /** Absolute path of `evalplus_runner.py`. */
  readonly runnerPath: string;
  /** Address-space limit of the processes that run the solution, in bytes (0 = none). */
  readonly maxMemoryBytes: number;
}

/**
 * The steps of the `evalplus` and `evalplus-check` judges, configured by the program's
 * `evalplus.json` (`EvalPlusConfig`):
 * 1. `groundtruth`: `<python> -B <runner> exec groundtruth <dataFile> --kind <kind> --out
 *    <groundTruthDir>`; returns at once when the expected outputs exist, else computes them
 *    for the whole dataset under a lock. Trusted code only; it alone may write the
 *    ground-truth cache (a writable mount of its parent directory).
 * 2. `check`: `<python> -B <runner> exec <mode> <mainFile> --task <groundTruthDir>/<i>.pkl
 *    --kind <kind> --min-time-limit <s> --gt-factor <f> --time-factor <timeoutFactor>
 *    --max-memory <bytes> --mbpp-oracles <release>`, with the ground truth mounted read-only:
 *    - `evalplus`: mode `judge` (`evalplus_judge.py`: the solution called in a process of its
 *      own within twice EvalPlus's budgets, then EvalPlus's own check; a verdict line on
 *      stdout), limit `3 * 2 * (60 s * factor + 3 s)` + {@link EVALPLUS_CHECK_SLACK_MS};
 *    - `evalplus-check`: mode `check` and `--report report.json` (EvalPlus's check alone),
 *      limit `2 * (60 s * factor + 3 s)` + {@link EVALPLUS_CHECK_SLACK_MS}.
 * Both can run in the runner's `passk-fork-v1` warm server. The ground-truth cache's parent
 * directory is created here: a sandbox can mount only what exists.
 *
 * @throws InvalidInputError when the program has no valid `evalplus.json`.
 */
export function evalPlusSteps(
  program: Program,
  toolchain: ToolchainInfo,
  options: StepOptions,
  settings: EvalPlusStepSettings,
): readonly Step[] {
  const config = readEvalPlusConfig(program);
  const factor = options.timeoutFactor;
  const runner = [toolchain.path ?? 'python3', '-B', settings.runnerPath];
  const server = { argv: [...runner, 'serve'], protocol: FORK_PROTOCOL } as const;
  const assets = { path: dirname(settings.runnerPath) };
  const isolated = program.judge !== 'evalplus-check';
  // One run of EvalPlus's check: two subsets, each at most the cap + 3 s.
  const runMs = 2 * (EVALPLUS_SUBSET_CAP_MS * factor + 3000);
  mkdirSync(dirname(config.groundTruthDir), { recursive: true });
  return [
    {
      name: 'groundtruth',
      argv: [
        ...runner,
        'exec',
        'groundtruth',
        config.dataFile,
        '--kind',
        config.kind,
        '--out',
        config.groundTruthDir,
      ],
      timeoutMs: EVALPLUS_GROUNDTRUTH_TIMEOUT_MS * factor,
      server,
      mounts: [
        assets,
        { path: config.dataFile },
        { path: dirname(config.groundTruthDir), writable: true },
      ],
    },
    {
      name: 'check',
      argv: [
        ...runner,
        'exec',
        isolated ? 'judge' : 'check',
        program.mainFile,
        '--task',
        join(config.groundTruthDir, `${config.taskIndex}.pkl`),
        '--kind',
        config.kind,
        '--min-time-limit',
        String(config.minTimeLimitMs / 1000),
        '--gt-factor',
        String(config.gtTimeLimitFactor),
        '--time-factor',
        String(factor),
        ...(isolated ? [] : ['--report', EVALPLUS_REPORT_FILE]),
        '--max-memory',
        String(settings.maxMemoryBytes),
        '--mbpp-oracles',
        config.mbppOracles ?? 'v0.2.0',
      ],
      // The judge: the run apart (twice EvalPlus's budgets), then EvalPlus's own.
      timeoutMs: (isolated ? 3 : 1) * runMs + EVALPLUS_CHECK_SLACK_MS,
      ...(isolated ? {} : { reportFile: EVALPLUS_REPORT_FILE }),
      server,
      mounts: [assets, { path: config.groundTruthDir }],
    },
  ];
}
