import type { Problem } from '../spec/problem.ts';
import {
  type ResultRecord,
  RUN_FORMAT_VERSION,
  type RunSummary,
  type SampleRecord,
} from '../spec/run.ts';
import {
  INFRASTRUCTURE_STATUSES,
  VERDICT_STATUSES,
  type VerdictRule,
  type VerdictStatus,
} from '../spec/verdict.ts';
import { BOOTSTRAP_METHOD } from '../stats/bootstrap.ts';
import { passAtKInOrder } from '../stats/pass-at-k-in-order.ts';
import { summarizePassAtK } from '../stats/summarize-pass-at-k.ts';
import { sampleKey } from '../store/run-files.ts';
import { summarizeAgent } from './summarize-agent.ts';
import { summarizeGeneration } from './summarize-generation.ts';

/** Inputs of `summarizeRun`. */
export interface SummarizeRunInput {
  readonly dataset: string;
  readonly model: string;
  /** The problems of the run, in order. */
  readonly problems: readonly Pick<Problem, 'id' | 'language'>[];
  /** Samples per problem; results with a higher index are ignored. */
  readonly n: number;
  readonly k: readonly number[];
  readonly results: ReadonlyMap<string, ResultRecord>;
  readonly samples?: ReadonlyMap<string, SampleRecord>;
  readonly confidence: {
    readonly resamples: number;
    readonly level: number;
    readonly seed: number;
  };
  /** The verdict rule the run scored (default `strict`). */
  readonly verdicts?: VerdictRule;
}

/** Infrastructure faults listed in a summary at most. */
const MAX_LISTED_FAULTS = 100;

type Body = Omit<
  RunSummary,
  'languages' | 'confidence' | 'format_version' | 'dataset' | 'model' | 'verdict_rule'
>;

/**
 * Computes `summary.json` from the records of a run: pass@k with bootstrap intervals (k
 * reported only when every problem has at least k scored samples; others listed in
 * `excluded_k`), counts by status, infrastructure failures, pass@k in generation order,
 * diversity, and one entry per language when several ran. Infrastructure faults are not
 * scored: a problem's n counts only samples with a model verdict; they are listed in
 * `infrastructure_faults`. Also reports how many timed-out samples were re-run alone and
 * how many of those changed verdict, and how many samples the other verdict rule (strict vs
 * reference) judges differently.
 */
export function summarizeRun(input: SummarizeRunInput): RunSummary {
  const languages = [...new Set(input.problems.map((problem) => problem.language))];
  const body = summarizeBody(input, input.problems);
  const agent = input.samples
    ? summarizeAgent(input.problems, input.n, input.samples, input.results)
    : undefined;
  const generation = input.samples
    ? summarizeGeneration(input.problems, input.n, input.samples)
    : undefined;
  const scored = input.verdicts ?? 'strict';
  let differing = 0;
  for (const problem of input.problems) {
    for (let index = 0; index < input.n; index++) {
      const result = input.results.get(sampleKey(problem.id, index));
      const other = scored === 'strict' ? result?.reference : result?.strict;
      if (result && other && other.passed !== result.passed) differing++;
    }
  }
  return {
    format_version: RUN_FORMAT_VERSION,
    dataset: input.dataset,
    model: input.model,
    ...body,
    verdict_rule: { scored, differing },
    confidence: { method: BOOTSTRAP_METHOD, ...input.confidence },
    ...(generation ? { generation } : {}),
    ...(agent ? { agent } : {}),
    ...(languages.length > 1
      ? {
          languages: Object.fromEntries(
            languages.map((language) => [
              language,
              summarizeBody(
                input,
                input.problems.filter((problem) => problem.language === language),
              ),
            ]),
          ),
        }
      : {}),
  };
}

function summarizeBody(input: SummarizeRunInput, problems: SummarizeRunInput['problems']): Body {
  const statuses = Object.fromEntries(VERDICT_STATUSES.map((status) => [status, 0])) as Record<
    VerdictStatus,
    number
  >;
  const outcomes: boolean[][] = [];
  const counts: { taskId: string; n: number; c: number }[] = [];
  /** Per test subset (Verdict.subsets): passing scored samples per problem, in problem order. */
  const subsetPasses = new Map<string, number[]>();
  let infrastructure = 0;
  const faults: NonNullable<Body['infrastructure_faults']>[number][] = [];
  let reruns = 0;
  let changedByRerun = 0;
  let samples = 0;
  let cost = 0;
  let distinct = 0;
  let distinctPassing = 0;
  for (const problem of problems) {
    const row: boolean[] = [];
    const programs = new Set<string>();
    const passingPrograms = new Set<string>();
    for (let index = 0; index < input.n; index++) {
      const key = sampleKey(problem.id, index);
      const sample = input.samples?.get(key);
      cost += sample?.cost_usd ?? 0;
      const result = input.results.get(key);
      if (!result) {
        if (sample?.error) {
          infrastructure++;
          faults.push({
            task_id: problem.id,
            sample_index: index,
            status: 'generation_error',
            detail: `${sample.error.class}: ${sample.error.message}`,
          });
        }
        continue;
      }
      statuses[result.status]++;
      samples++;
      if (result.rerun) {
        reruns++;
        if (result.status !== result.rerun.first_status) changedByRerun++;
      }
      if (INFRASTRUCTURE_STATUSES.has(result.status)) {
        infrastructure++;
        faults.push({
          task_id: problem.id,
          sample_index: index,
          status: result.status,
          detail: result.detail,
        });
        continue;
      }
      row.push(result.passed);
      for (const [name, passed] of Object.entries(result.subsets ?? {})) {
        const passes = subsetPasses.get(name) ?? new Array<number>(problems.length).fill(0);
        subsetPasses.set(name, passes);
        if (passed) passes[outcomes.length] = (passes[outcomes.length] ?? 0) + 1;
      }
      if (sample) {
        const normalized = normalizeProgram(sample.completion);
        programs.add(normalized);
        if (result.passed) passingPrograms.add(normalized);
      }
    }
    outcomes.push(row);
    counts.push({ taskId: problem.id, n: row.length, c: row.filter(Boolean).length });
    distinct += programs.size;
    distinctPassing += passingPrograms.size;
  }
  const { passAtK, excluded } = summarizePassAtK(counts, input.k, input.confidence);
  const reported = input.k.filter((k) => passAtK[String(k)] !== undefined);
  const ns = counts.map((count) => count.n);
  return {
    problems: problems.length,
    samples,
    samples_per_problem: {
      min: ns.length ? Math.min(...ns) : 0,
      max: ns.length ? Math.max(...ns) : 0,
    },
    pass_at_k: passAtK,
    excluded_k: excluded,
    statuses,
    infrastructure_failures: infrastructure,
    ...(faults.length > 0 ? { infrastructure_faults: faults.slice(0, MAX_LISTED_FAULTS) } : {}),
    timeout_reruns: { rerun: reruns, changed: changedByRerun },
    ...(reported.length > 0 && outcomes.every((row) => row.length >= Math.max(...reported))
      ? {
          pass_at_k_in_order: Object.fromEntries(
            reported.map((k) => [String(k), passAtKInOrder(outcomes, k)]),
          ),
        }
      : {}),
    ...(input.samples && problems.length > 0
      ? {
          diversity: {
            distinct_per_problem: distinct / problems.length,
            distinct_passing_per_problem: distinctPassing / problems.length,
          },
        }
      : {}),
    ...(cost > 0 ? { cost_usd: cost } : {}),
    ...(subsetPasses.size > 0
      ? {
          subsets: Object.fromEntries(
            [...subsetPasses].map(([name, passes]) => {
              const subset = summarizePassAtK(
                counts.map((count, index) => ({ ...count, c: passes[index] ?? 0 })),
                input.k,
                input.confidence,
              );
              return [name, { pass_at_k: subset.passAtK, excluded_k: subset.excluded }];
            }),
          ),
        }
      : {}),
  };
}

/** Collapses whitespace and blank lines so formatting-only variants count as one program. */
function normalizeProgram(code: string): string {
  return code
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '')
    .join('\n');
}
