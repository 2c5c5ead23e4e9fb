/** EvalPlus's status of one subset of inputs: `pass`, `fail` or `timeout`. */
export type EvalPlusStatus = 'pass' | 'fail' | 'timeout';

/**
 * What `evalplus_runner.py check` reports for one subset (base or plus inputs); the isolated
 * judge (`exec judge`) reports its own run of a subset in the same form.
 */
export interface EvalPlusSubsetReport {
  /** EvalPlus's status. */
  readonly status: EvalPlusStatus;
  /** Number of inputs in the subset. */
  readonly inputs: number;
  /** Inputs that passed before the check stopped. */
  readonly passedInputs: number;
  /** 0-based index of the input that failed, when one did. */
  readonly failedInput?: number;
  /** Its time limit in seconds. */
  readonly timeLimitSeconds?: number;
  /** Where the child stopped: `exec`, `entry_point`, `call` or `compare`. */
  readonly phase?: string;
  /** Type name of the exception that stopped it. */
  readonly exception?: string;
  /** Its message (at most 200 characters). */
  readonly message?: string;
  /** For `timeout`: true when the runner ended the child at its time budget. */
  readonly killed?: boolean;
  /** For `timeout`: the child's exit code or terminating signal number. */
  readonly exitCode?: number;
  readonly signal?: number;
  /** How long the runner waited for the child, in seconds: EvalPlus's `min(60, sum(limits)) + 1` and 1 s more to join. */
  readonly budgetSeconds: number;
}

/** The report of one check: base inputs, then plus inputs. */
export interface EvalPlusReport {
  readonly taskId: string;
  readonly base: EvalPlusSubsetReport;
  readonly plus: EvalPlusSubsetReport;
}

const STATUSES: readonly string[] = ['pass', 'fail', 'timeout'];

/** Validates a parsed report file; null for anything that is not a complete report. */
export function parseEvalPlusReport(report: unknown): EvalPlusReport | null {
  if (typeof report !== 'object' || report === null) return null;
  const value = report as Record<string, unknown>;
  const base = parseEvalPlusSubset(value.base);
  const plus = parseEvalPlusSubset(value.plus);
  if (typeof value.task_id !== 'string' || base === null || plus === null) return null;
  return { taskId: value.task_id, base, plus };
}

/** Validates one subset's report; null for anything that is not one. */
export function parseEvalPlusSubset(subset: unknown): EvalPlusSubsetReport | null {
  if (typeof subset !== 'object' || subset === null) return null;
  const value = subset as Record<string, unknown>;
  if (typeof value.status !== 'string' || !STATUSES.includes(value.status)) return null;
  const number = (key: string) => (typeof value[key] === 'number' ? value[key] : undefined);
  const text = (key: string) => (typeof value[key] === 'string' ? value[key] : undefined);
  const optional = {
    failedInput: number('failed_input'),
    timeLimitSeconds: number('time_limit_seconds'),
    phase: text('phase'),
    exception: text('exception'),
    message: text('message'),
    killed: typeof value.killed === 'boolean' ? value.killed : undefined,
    exitCode: number('exit_code'),
    signal: number('signal'),
  };
  return {
    status: value.status as EvalPlusStatus,
    inputs: number('inputs') ?? 0,
    passedInputs: number('passed_inputs') ?? 0,
    budgetSeconds: number('budget_seconds') ?? 0,
    ...Object.fromEntries(Object.entries(optional).filter(([, entry]) => entry !== undefined)),
  };
}
