import type { Problem } from '../spec/problem.ts';
import type { ModelPrompt, PromptFormat, Provider, SamplingParameters } from '../spec/provider.ts';
import type { SampleRecord } from '../spec/run.ts';
import { sampleKey } from '../store/run-files.ts';
import { worstCaseCostUsd } from './cost.ts';
import { promptFor } from './prompt-for.ts';

/** What a run would still generate, and what it could cost. */
export interface GenerationPlan {
  /** Samples without a successful generation yet. */
  readonly toGenerate: number;
  /** Samples already generated (kept on resume). */
  readonly generated: number;
  /** Worst-case cost of `toGenerate` in US dollars (every answer `maxTokens` long); undefined without a price or a token limit. */
  readonly worstCaseUsd?: number;
  /** Cost of the samples already generated. */
  readonly spentUsd: number;
  /** `toGenerate` times the mean cost of the generated samples, when there are some with a cost. */
  readonly atObservedMeanUsd?: number;
  /** The prompt of the first sample to generate, as it would be sent. */
  readonly example?: { readonly taskId: string; readonly prompt: ModelPrompt };
}

/** Inputs of `planGeneration`. */
export interface PlanGenerationInput {
  readonly problems: readonly Problem[];
  readonly samplesFor: (problem: Problem) => number;
  readonly provider: Provider;
  readonly format?: PromptFormat;
  readonly sampling: SamplingParameters;
  /** Sample records already in the run directory. */
  readonly existing: ReadonlyMap<string, SampleRecord>;
}

/**
 * Counts the samples a run still has to generate and projects their worst-case cost: per
 * request, an upper bound on the prompt's input tokens (`maxInputTokens`) at the input price
 * plus `maxTokens` at the output price. Pure: reads nothing, writes nothing.
 */
export function planGeneration(input: PlanGenerationInput): GenerationPlan {
  const { provider, format, sampling } = input;
  const price = provider.price;
  let toGenerate = 0;
  let generated = 0;
  let worst = 0;
  let spent = 0;
  let costed = 0;
  let example: GenerationPlan['example'];
  for (const problem of input.problems) {
    const count = input.samplesFor(problem);
    let prompt: ModelPrompt | undefined;
    for (let index = 0; index < count; index++) {
      const sample = input.existing.get(sampleKey(problem.id, index, problem.language));
      if (sample && !sample.error) {
        generated++;
        if (sample.cost_usd !== undefined) {
          spent += sample.cost_usd;
          costed++;
        }
        continue;
      }
      toGenerate++;
      prompt ??= promptFor(problem, format, provider);
      example ??= { taskId: problem.id, prompt };
      if (price && sampling.maxTokens !== undefined)
        worst += worstCaseCostUsd(prompt, sampling.maxTokens, price);
    }
  }
  return {
    toGenerate,
    generated,
    ...(price && sampling.maxTokens !== undefined ? { worstCaseUsd: worst } : {}),
    spentUsd: spent,
    ...(costed > 0 ? { atObservedMeanUsd: (spent / costed) * toGenerate } : {}),
    ...(example ? { example } : {}),
  };
}
