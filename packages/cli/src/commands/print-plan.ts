import type { GenerationPlan } from '@passk/core';
import type { CommandIo } from '../io.ts';
import type { PipelineSettings } from './execute-run.ts';

const usd = (value: number | undefined) =>
  value === undefined ? 'unknown' : `$${value.toFixed(4)}`;

/**
 * `--dry-run`: prints what the run would generate and what it could cost (to stdout: the
 * plan is the command's output), then returns exit code 0. Writes no file.
 */
export function printPlan(
  plan: GenerationPlan,
  context: {
    readonly settings: PipelineSettings;
    readonly directory: string;
    readonly problems: number;
    readonly maxN: number;
  },
  io: CommandIo,
): number {
  const { settings } = context;
  const provider = settings.provider;
  const json = {
    dry_run: true,
    dataset: settings.datasetId,
    provider: provider.id,
    model: provider.model,
    endpoint: provider.endpoint ?? {},
    prompt: settings.promptFormat
      ? { mode: settings.promptFormat.mode, format: settings.promptFormat.id }
      : undefined,
    sampling: settings.sampling,
    problems: context.problems,
    samples_per_problem: context.maxN,
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
    max_cost_usd: settings.maxCostUsd ?? null,
    run_directory: context.directory,
    example: plan.example ? { task_id: plan.example.taskId, prompt: plan.example.prompt } : null,
  };
  if (settings.json) {
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `dry run: nothing is generated or written`,
    `model:        ${provider.id}${provider.endpoint?.base_url ? ` at ${provider.endpoint.base_url}` : ''}`,
    `prompt:       ${json.prompt ? `${json.prompt.mode} (${json.prompt.format})` : 'dataset code (no model)'}`,
    `sampling:     ${JSON.stringify(settings.sampling)}`,
    `problems:     ${context.problems} × ${context.maxN} samples`,
    `to generate:  ${plan.toGenerate}${plan.generated > 0 ? ` (${plan.generated} already in ${context.directory})` : ''}`,
    `price:        ${provider.price ? `$${provider.price.inputPerMillion} in / $${provider.price.outputPerMillion} out per million tokens` : 'unknown (give --price or --prices)'}`,
    `worst case:   ${usd(plan.worstCaseUsd)} (every answer ${settings.sampling.maxTokens ?? '?'} tokens, input bounded by its byte count)`,
  ];
  if (plan.spentUsd > 0) lines.push(`spent:        ${usd(plan.spentUsd)}`);
  if (plan.atObservedMeanUsd !== undefined)
    lines.push(`at the mean so far: ${usd(plan.atObservedMeanUsd)}`);
  if (settings.maxCostUsd !== undefined) {
    const fits =
      plan.spentUsd + (plan.worstCaseUsd ?? Number.POSITIVE_INFINITY) <= settings.maxCostUsd;
    lines.push(
      `--max-cost:   $${settings.maxCostUsd} (${fits ? 'fits' : 'the run would refuse to start'})`,
    );
  }
  if (plan.example) {
    const prompt = plan.example.prompt;
    lines.push('', `first prompt (${plan.example.taskId}):`);
    if (prompt.mode === 'completion') lines.push(prompt.text);
    else {
      if (prompt.system) lines.push(`[system]\n${prompt.system}`);
      for (const message of prompt.messages) lines.push(`[${message.role}]\n${message.content}`);
      if (prompt.prefill) lines.push(`[assistant prefill]\n${prompt.prefill}`);
    }
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
