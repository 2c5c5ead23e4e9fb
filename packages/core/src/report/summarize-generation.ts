import type { Problem } from '../spec/problem.ts';
import type { RunGenerationSummary, SampleRecord } from '../spec/run.ts';
import { sampleKey } from '../store/run-files.ts';

/**
 * Token usage, failures by class and extraction figures over the first `n` samples of each
 * problem. Undefined when no sample came from a model (replayed or reference code only).
 */
export function summarizeGeneration(
  problems: readonly Pick<Problem, 'id' | 'language'>[],
  n: number,
  samples: ReadonlyMap<string, SampleRecord>,
): RunGenerationSummary | undefined {
  const failed: Record<string, number> = {};
  const strategies: Record<string, number> = {};
  let count = 0;
  let succeeded = 0;
  let noCode = 0;
  let fromModel = false;
  const tokens = { input: 0, output: 0, reasoning: 0, cached: 0 };
  for (const problem of problems) {
    for (let index = 0; index < n; index++) {
      const sample = samples.get(sampleKey(problem.id, index, problem.language));
      if (!sample) continue;
      count++;
      if (sample.usage || sample.extraction || sample.attempts !== undefined) fromModel = true;
      if (sample.error) {
        failed[sample.error.class] = (failed[sample.error.class] ?? 0) + 1;
        continue;
      }
      succeeded++;
      if (sample.extraction) {
        strategies[sample.extraction.strategy] = (strategies[sample.extraction.strategy] ?? 0) + 1;
        if (!sample.extraction.found_code) noCode++;
      }
      tokens.input += sample.usage?.inputTokens ?? 0;
      tokens.output += sample.usage?.outputTokens ?? 0;
      tokens.reasoning += sample.usage?.reasoningTokens ?? 0;
      tokens.cached += sample.usage?.cachedInputTokens ?? 0;
    }
  }
  if (!fromModel) return undefined;
  return {
    samples: count,
    failed,
    no_code: noCode,
    no_code_share: succeeded > 0 ? noCode / succeeded : 0,
    strategies,
    input_tokens: tokens.input,
    output_tokens: tokens.output,
    reasoning_tokens: tokens.reasoning,
    cached_input_tokens: tokens.cached,
  };
}
