import type { Problem } from '../spec/problem.ts';
import {
  type ProblemSlicing,
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
import {
  normalizeProgramText,
  TEXT_NORMALIZATION,
} from '../stats/diversity/normalize-program-text.ts';
import { firstPassIndexDistribution, passAtKInOrder } from '../stats/pass-at-k-in-order.ts';
import { meanPassHatK } from '../stats/pass-hat-k.ts';
import { summarizeSlices } from '../stats/slices.ts';
import { summarizePassAtK, type TaskCounts } from '../stats/summarize-pass-at-k.ts';
import { sampleKey } from '../store/run-files.ts';
import { summarizeAgent } from './summarize-agent.ts';
import { summarizeGeneration } from './summarize-generation.ts';

/** Inputs of `summarizeRun`. */
export interface SummarizeRunInput {
  readonly dataset: string;
  readonly model: string;
  /**
   * The problems of the run, in order, with their slicing metadata when known (tags,
   * difficulty, date: slices of those kinds).
   */
  readonly problems: readonly (Pick<Problem, 'id' | 'language'> & {
    readonly metadata?: ProblemSlicing | null;
  })[];
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
  /**
   * Canonical forms of samples by `sampleKey` (e.g. `programForms`: Python ASTs); a sample
   * without one is compared by `normalizeProgramText` of its code.
   */
  readonly programForms?: ReadonlyMap<string, string>;
  /** What produced `programForms`, in words (recorded in `diversity.normalization`). */
  readonly normalization?: string;
}

/** Infrastructure faults listed in a summary at most. */
const MAX_LISTED_FAULTS = 100;

type Body = Omit<
  RunSummary,
  'languages' | 'confidence' | 'format_version' | 'dataset' | 'model' | 'verdict_rule' | 'slices'
>;

type SummarizedProblem = SummarizeRunInput['problems'][number];

/**
 * Computes `summary.json` from the records of a run: pass@k with bootstrap intervals (k
 * reported only when every problem has at least k scored samples; others listed in
 * `excluded_k`), pass^k, counts by status, infrastructure failures, pass@k in generation
 * order and the first passing sample's position, diversity, slices (`summarizeSlices`), and
 * one entry per language when several ran. In a run of several languages, problems are
 * named `<language>:<task id>` in the summary's lists (MultiPL-E's ids repeat by language). Infrastructure faults are not
 * scored: a problem's n counts only samples with a model verdict; they are listed in
 * `infrastructure_faults`. Also reports how many timed-out samples were re-run alone and
 * how many of those changed verdict, and how many samples the other verdict rule (strict vs
 * reference) judges differently.
 */
export function summarizeRun(input: SummarizeRunInput): RunSummary {
  const languages = [...new Set(input.problems.map((problem) => problem.language))];
  const label = (problem: SummarizedProblem) =>
    languages.length > 1 ? `${problem.language}:${problem.id}` : problem.id;
  const { body, counts } = summarizeBody(input, input.problems, label);
  const slices = summarizeSlices(
    input.problems.map((problem, index) => ({
      key: label(problem),
      language: problem.language,
      metadata: problem.metadata ?? null,
      n: counts[index]?.n ?? 0,
      c: counts[index]?.c ?? 0,
    })),
    input.k,
    input.confidence,
  );
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
      const result = input.results.get(sampleKey(problem.id, index, problem.language));
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
    ...(slices.length > 0 ? { slices } : {}),
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
                (problem) => problem.id,
              ).body,
            ]),
          ),
        }
      : {}),
  };
}

function summarizeBody(
  input: SummarizeRunInput,
  problems: SummarizeRunInput['problems'],
  label: (problem: SummarizedProblem) => string,
): { body: Body; counts: TaskCounts[] } {
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
  let cpuBoundTimeouts = 0;
  let samples = 0;
  let cost = 0;
  let distinct = 0;
  let distinctPassing = 0;
  const singleProgramPassing: string[] = [];
  for (const problem of problems) {
    const row: boolean[] = [];
    const programs = new Set<string>();
    const passingPrograms = new Set<string>();
    let passingSamples = 0;
    for (let index = 0; index < input.n; index++) {
      const key = sampleKey(problem.id, index, problem.language);
      const sample = input.samples?.get(key);
      cost += sample?.cost_usd ?? 0;
      const result = input.results.get(key);
      if (!result) {
        if (sample?.error) {
          infrastructure++;
          faults.push({
            task_id: label(problem),
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
      } else if (result.status === 'timeout' && result.cpu_bound === true) cpuBoundTimeouts++;
      if (INFRASTRUCTURE_STATUSES.has(result.status)) {
        infrastructure++;
        faults.push({
          task_id: label(problem),
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
        const form =
          input.programForms?.get(key) ??
          `text:${normalizeProgramText(sample.completion, problem.language)}`;
        programs.add(form);
        if (result.passed) {
          passingPrograms.add(form);
          passingSamples++;
        }
      }
    }
    outcomes.push(row);
    counts.push({ taskId: label(problem), n: row.length, c: row.filter(Boolean).length });
    distinct += programs.size;
    distinctPassing += passingPrograms.size;
    if (passingSamples >= 2 && passingPrograms.size === 1)
      singleProgramPassing.push(label(problem));
  }
  const { passAtK, excluded } = summarizePassAtK(counts, input.k, input.confidence);
  const reported = input.k.filter((k) => passAtK[String(k)] !== undefined);
  const ns = counts.map((count) => count.n);
  const scoredCounts = counts.filter((count) => count.n > 0);
  const firstPass = firstPassIndexDistribution(outcomes);
  const body: Body = {
    problems: problems.length,
    samples,
    samples_per_problem: {
      min: ns.length ? Math.min(...ns) : 0,
      max: ns.length ? Math.max(...ns) : 0,
    },
    pass_at_k: passAtK,
    excluded_k: excluded,
    ...(reported.length > 0 && scoredCounts.length > 0
      ? {
          pass_hat_k: Object.fromEntries(
            reported.map((k) => [String(k), meanPassHatK(scoredCounts, k)]),
          ),
        }
      : {}),
    ...(problems.length > 0
      ? {
          first_pass: {
            histogram: Object.fromEntries(
              Object.entries(firstPass.counts).map(([index, count]) => [index, count]),
            ),
            never: firstPass.neverPassed,
          },
        }
      : {}),
    statuses,
    infrastructure_failures: infrastructure,
    ...(faults.length > 0 ? { infrastructure_faults: faults.slice(0, MAX_LISTED_FAULTS) } : {}),
    timeout_reruns: { rerun: reruns, changed: changedByRerun, cpu_bound: cpuBoundTimeouts },
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
            single_program_passing: singleProgramPassing,
            normalization: input.normalization
              ? `${input.normalization}; otherwise ${TEXT_NORMALIZATION}`
              : TEXT_NORMALIZATION,
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
  return { body, counts };
}
