import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Candidate,
  createLocalExecutor,
  type Dataset,
  judgeProgram,
  type Language,
  type LocalExecutorOptions,
  type Problem,
} from '@passk/core';
import { createBuiltinRegistry } from '../builtin-registry.ts';

/** A completion that must not pass its problem (a known wrong answer). */
export interface MustFailControl {
  readonly taskId: string;
  readonly completion: string;
}

/** Options of {@link checkDataset}. */
export interface CheckDatasetOptions {
  /** Must-fail controls: wrong answers the dataset's tests must reject. */
  readonly mustFail?: readonly MustFailControl[];
  /** Languages besides the built-in ones (plugins of your own). */
  readonly languages?: readonly Language[];
  /** Executor settings (default: the `bwrap` sandbox). */
  readonly executor?: Omit<LocalExecutorOptions, 'env' | 'concurrency'>;
}

/** What {@link checkDataset} found. */
export interface DatasetCheck {
  readonly ok: boolean;
  /** One line per problem found, naming the task (empty when `ok`). */
  readonly problems: readonly string[];
  /** Problems checked, reference solutions judged, must-fail controls judged. */
  readonly counts: {
    readonly problems: number;
    readonly references: number;
    readonly controls: number;
  };
}

/**
 * The dataset conformance kit: every problem has a reference completion and it passes, every
 * must-fail control fails, and program assembly is stable (the same candidate gives the same
 * program twice). Programs are judged as a run judges them, in the sandbox.
 */
export async function checkDataset(
  dataset: Dataset,
  options: CheckDatasetOptions = {},
): Promise<DatasetCheck> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'passk-check-dataset-'));
  const executor = createLocalExecutor({ ...options.executor, concurrency: 1 });
  const registry = createBuiltinRegistry();
  const problems: string[] = [];
  const counts = { problems: 0, references: 0, controls: 0 };
  const languageOf = (id: string): Language =>
    options.languages?.find((language) => language.id === id) ?? registry.language(id);
  const judge = async (problem: Problem, completion: string) => {
    const candidate: Candidate = { code: completion, kind: 'completion' };
    const program = dataset.buildProgram(problem, candidate);
    if (JSON.stringify(dataset.buildProgram(problem, candidate)) !== JSON.stringify(program)) {
      problems.push(`${problem.id}: the same candidate assembled two different programs`);
    }
    const language = languageOf(program.language);
    const toolchain = await language.detect();
    const { verdict, result } = await judgeProgram({ language, toolchain, executor, program });
    const stderr = result?.steps.at(-1)?.stderrTail.trim().split('\n').at(-1);
    return { ...verdict, detail: stderr ? `${verdict.detail} (${stderr})` : verdict.detail };
  };
  try {
    const loaded = await dataset.load({ cacheDir, allowDownload: false });
    const byId = new Map(loaded.problems.map((problem) => [problem.id, problem]));
    for (const problem of loaded.problems) {
      counts.problems++;
      if (problem.referenceCompletion === undefined) {
        problems.push(`${problem.id}: no reference completion`);
        continue;
      }
      counts.references++;
      const verdict = await judge(problem, problem.referenceCompletion);
      if (!verdict.passed)
        problems.push(`${problem.id}: reference ${verdict.status}: ${verdict.detail}`);
    }
    for (const control of options.mustFail ?? []) {
      const problem = byId.get(control.taskId);
      if (problem === undefined) {
        problems.push(`must-fail control for unknown task '${control.taskId}'`);
        continue;
      }
      counts.controls++;
      const verdict = await judge(problem, control.completion);
      if (verdict.passed) problems.push(`${problem.id}: a must-fail control passed`);
    }
  } finally {
    await executor.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return { ok: problems.length === 0, problems, counts };
}
