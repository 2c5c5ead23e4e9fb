import type { ModelPrompt, PromptMode, SamplingParameters } from '../spec/provider.ts';
import { readRunSamples } from '../store/read-run-samples.ts';
import { planGeneration } from './plan-generation.ts';
import { prepareRun } from './prepare-run.ts';
import type { RunEvaluationOptions } from './run-evaluation-options.ts';

/**
 * What a run would do and could cost (`passk run --dry-run`; printed as is by `--json`).
 * Money in US dollars; `null` where unknown.
 */
export interface RunPlan {
  readonly dry_run: true;
  readonly dataset: string;
  readonly provider: string;
  readonly model: string;
  readonly endpoint: Readonly<Record<string, string>>;
  readonly prompt?: { readonly mode: PromptMode; readonly format: string };
  readonly sampling: SamplingParameters;
  readonly problems: number;
  readonly samples_per_problem: number;
  /** Samples without a successful generation yet. */
  readonly to_generate: number;
  /** Samples already generated in the run directory (kept). */
  readonly already_generated: number;
  readonly price_per_million_tokens: {
    readonly input: number;
    readonly output: number;
    readonly cached_input: number;
  } | null;
  /** `to_generate` with every answer `maxTokens` long; null without a price or a token limit. */
  readonly worst_case_cost_usd: number | null;
  /** Cost of the samples already generated. */
  readonly spent_usd: number;
  /** `to_generate` times the mean cost of the generated samples. */
  readonly at_observed_mean_usd: number | null;
  readonly max_cost_usd: number | null;
  readonly run_directory: string;
  /** The first prompt that would be sent. */
  readonly example: { readonly task_id: string; readonly prompt: ModelPrompt } | null;
}

/**
 * Plans the run `options` describe without generating, executing or writing anything:
 * prepares the provider, loads and selects problems, reads the samples already in the run
 * directory and projects the cost. Throws like `runEvaluation` does for bad options.
 */
export async function planEvaluation(options: RunEvaluationOptions): Promise<RunPlan> {
  const prepared = await prepareRun(options);
  const { provider } = options;
  const plan = planGeneration({
    problems: prepared.problems,
    samplesFor: prepared.samplesFor,
    provider,
    ...(options.promptFormat ? { format: options.promptFormat } : {}),
    sampling: options.sampling ?? {},
    existing: await readRunSamples(prepared.directory),
  });
  return {
    dry_run: true,
    dataset: options.dataset.id,
    provider: provider.id,
    model: provider.model,
    endpoint: provider.endpoint ?? {},
    ...(options.promptFormat
      ? { prompt: { mode: options.promptFormat.mode, format: options.promptFormat.id } }
      : {}),
    sampling: options.sampling ?? {},
    problems: prepared.problems.length,
    samples_per_problem: prepared.maxN,
    to_generate: plan.toGenerate,
    already_generated: plan.generated,
    price_per_million_tokens: provider.price
      ? {
          input: provider.price.inputPerMillion,
          output: provider.price.outputPerMillion,
          cached_input: provider.price.cachedInputPerMillion ?? provider.price.inputPerMillion,
        }
      : null,
    worst_case_cost_usd: plan.worstCaseUsd ?? null,
    spent_usd: plan.spentUsd,
    at_observed_mean_usd: plan.atObservedMeanUsd ?? null,
    max_cost_usd: options.maxCostUsd ?? null,
    run_directory: prepared.directory,
    example: plan.example ? { task_id: plan.example.taskId, prompt: plan.example.prompt } : null,
  };
}
