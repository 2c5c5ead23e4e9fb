import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRandom,
  type ResultRecord,
  type RunManifest,
  type SampleRecord,
  sampleKey,
  summarizePassAtK,
  summarizeRun,
} from '@passk/core';

/** Settings of a synthetic run directory. */
export interface SyntheticRunOptions {
  readonly problems: number;
  readonly n: number;
  readonly k: readonly number[];
  readonly model: string;
  /** Seed of the pass rates and outcomes. */
  readonly seed: number;
  /** Added to every problem's pass rate (clamped): a better or worse model. */
  readonly shift?: number;
  /**
   * Write fixture statistics of a newer summary (pass^k, first pass, slices, diversity); when
   * false, the summary is one written before those fields existed (they are left out).
   */
  readonly statistics?: boolean;
}

/** Model text that must stay text in a report (a script, an event handler, markup). */
export const HOSTILE_CODE =
  '    return "</script><script>window.__pwned = 1</script><img src=x onerror=\\"window.__pwned = 2\\">"\n';

/**
 * Writes a run directory as `passk run` leaves it (manifest, samples, results, summary) with
 * HumanEval-like problems: per problem a pass rate, per sample a distinct Python function of
 * about 300 characters, a status and, when it failed, a traceback tail. Problem 0's first
 * sample holds `HOSTILE_CODE`.
 */
export function writeSyntheticRun(directory: string, options: SyntheticRunOptions): void {
  mkdirSync(directory, { recursive: true });
  const random = createRandom(options.seed);
  const rates = createRandom(7);
  const taskIds = Array.from({ length: options.problems }, (_, i) => `HumanEval/${i}`);
  const samples = new Map<string, SampleRecord>();
  const results = new Map<string, ResultRecord>();
  const failures = ['failed', 'runtime_error', 'timeout', 'compile_error'] as const;
  for (const [problem, taskId] of taskIds.entries()) {
    const rate = Math.min(1, Math.max(0, rates.next() ** 0.7 + (options.shift ?? 0)));
    for (let index = 0; index < options.n; index++) {
      const passed = random.next() < rate;
      const status = passed ? 'passed' : (failures[random.int(failures.length)] as string);
      const code =
        problem === 0 && index === 0 ? HOSTILE_CODE : pythonCode(problem, index, random.int(1000));
      samples.set(sampleKey(taskId, index, 'python'), {
        task_id: taskId,
        sample_index: index,
        raw: code,
        completion: code,
        kind: 'completion',
        finish_reason: 'stop',
        latency_ms: 10,
      });
      results.set(sampleKey(taskId, index, 'python'), {
        task_id: taskId,
        sample_index: index,
        language: 'python',
        status: status as ResultRecord['status'],
        passed,
        detail: passed ? 'passed' : `failed: AssertionError (sample ${index})`,
        duration_ms: 40 + random.int(200),
        exit_code: passed ? 0 : 1,
        stdout_tail: passed ? '' : `checking candidate ${index}\n`,
        stderr_tail: passed
          ? ''
          : `Traceback (most recent call last):\n  File "/tmp/program.py", line ${10 + index}, in <module>\n    check(candidate_${problem})\n  File "/tmp/program.py", line 4, in check\n    assert candidate([1, 2, 3]) == ${index}\nAssertionError\n`,
        execution_key: `${taskId}-${index}`,
        cached: false,
      });
    }
  }
  const manifest: RunManifest = {
    format_version: 1,
    run_id: `synthetic-${options.seed}`,
    created_at: '2026-12-01T12:00:00.000Z',
    passk_version: '0.1.0',
    mode: 'run',
    dataset: { id: 'humaneval', version: '1', content_hash: 'synthetic' },
    provider: { id: 'synthetic', model: options.model },
    sampling: { temperature: 0.8 },
    n: options.n,
    k: options.k,
    task_ids: taskIds,
    executor: { id: 'local', sandbox: 'bwrap', concurrency: 2 },
    timeout_factor: 1,
    toolchains: { python: { version: '3.11' } },
    seed: 0,
  };
  const summary = summarizeRun({
    dataset: 'humaneval',
    model: options.model,
    problems: taskIds.map((id) => ({ id, language: 'python' })),
    n: options.n,
    k: options.k,
    results,
    samples,
    confidence: { resamples: 500, level: 0.95, seed: 0 },
  });
  const write = (name: string, text: string) => writeFileSync(join(directory, name), text);
  write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  write('samples.jsonl', [...samples.values()].map((line) => `${JSON.stringify(line)}\n`).join(''));
  write('results.jsonl', [...results.values()].map((line) => `${JSON.stringify(line)}\n`).join(''));
  const { pass_hat_k, first_pass, slices, diversity, ...older } = summary;
  const written = options.statistics
    ? { ...summary, ...statistics(taskIds, options, results) }
    : {
        ...older,
        ...(diversity
          ? {
              diversity: {
                distinct_per_problem: diversity.distinct_per_problem,
                distinct_passing_per_problem: diversity.distinct_passing_per_problem,
              },
            }
          : {}),
      };
  write('summary.json', `${JSON.stringify(written, null, 2)}\n`);
}

/** Fixture figures in the shape of a newer summary's pass^k, first pass, slices and diversity. */
function statistics(
  taskIds: readonly string[],
  options: SyntheticRunOptions,
  results: ReadonlyMap<string, ResultRecord>,
) {
  const counts = taskIds.map((taskId) => {
    const row = Array.from(
      { length: options.n },
      (_, i) => results.get(sampleKey(taskId, i, 'python'))?.passed === true,
    );
    return { taskId, n: row.length, c: row.filter(Boolean).length, first: row.indexOf(true) };
  });
  const choose = (n: number, k: number) => {
    let value = 1;
    for (let i = 0; i < k; i++) value = (value * (n - i)) / (i + 1);
    return value;
  };
  const histogram: Record<string, number> = {};
  for (const count of counts) {
    if (count.first >= 0)
      histogram[String(count.first)] = (histogram[String(count.first)] ?? 0) + 1;
  }
  const slice = (value: string, members: typeof counts) => ({
    kind: 'tag' as const,
    value,
    problems: members.length,
    samples: members.length * options.n,
    pass_at_k: summarizePassAtK(members, options.k, { resamples: 200 }).passAtK,
    small: members.length < 30,
  });
  return {
    pass_hat_k: Object.fromEntries(
      options.k.map((k) => [
        String(k),
        counts.reduce((sum, count) => sum + choose(count.c, k) / choose(count.n, k), 0) /
          counts.length,
      ]),
    ),
    first_pass: { histogram, never: counts.filter((count) => count.first < 0).length },
    slices: [
      slice(
        'strings',
        counts.filter((_, i) => i % 3 === 0),
      ),
      slice(
        'math',
        counts.filter((_, i) => i % 3 !== 0),
      ),
      slice('rare', counts.slice(0, 12)),
    ],
    diversity: {
      distinct_per_problem: options.n * 0.8,
      distinct_passing_per_problem: options.n * 0.3,
      single_program_passing: counts
        .filter((count) => count.c >= 2)
        .slice(0, 3)
        .map((count) => count.taskId),
      normalization: 'python: ast dump with local names canonicalised',
    },
  };
}

/** A Python function of about 300 characters, different for every (problem, sample, salt). */
function pythonCode(problem: number, index: number, salt: number): string {
  const name = ['values', 'numbers', 'items', 'data'][salt % 4];
  return [
    `    # candidate ${index} for problem ${problem}`,
    `    result_${salt} = []`,
    `    for position, value in enumerate(${name}):`,
    `        if value % ${(salt % 7) + 2} == ${salt % 3}:`,
    `            result_${salt}.append(value * ${index + 1})`,
    `        elif position > ${salt % 11}:`,
    `            result_${salt}.append(value - ${problem})`,
    `    total = sum(result_${salt}) + ${salt}`,
    `    return sorted(result_${salt}, reverse=total % 2 == 0)[:${(index % 5) + 3}]`,
    '',
  ].join('\n');
}
