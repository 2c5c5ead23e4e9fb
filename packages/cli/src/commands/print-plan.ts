import type { RunPlan } from '@passk/core';
import type { CommandIo } from '../io.ts';

const usd = (value: number | null) => (value === null ? 'unknown' : `$${value.toFixed(4)}`);

/**
 * `--dry-run`: prints what the run would generate and what it could cost (to stdout: the
 * plan is the command's output; `json` prints the `RunPlan` itself). Returns exit code 0.
 */
export function printPlan(plan: RunPlan, json: boolean, io: CommandIo): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  }
  const price = plan.price_per_million_tokens;
  const lines = [
    `dry run: nothing is generated or written`,
    `model:        ${plan.provider}${plan.endpoint.base_url ? ` at ${plan.endpoint.base_url}` : ''}`,
    `prompt:       ${plan.prompt ? `${plan.prompt.mode} (${plan.prompt.format})` : 'dataset code (no model)'}`,
    `sampling:     ${JSON.stringify(plan.sampling)}`,
    `problems:     ${plan.problems} × ${plan.samples_per_problem} samples`,
    `to generate:  ${plan.to_generate}${plan.already_generated > 0 ? ` (${plan.already_generated} already in ${plan.run_directory})` : ''}`,
    `price:        ${price ? `$${price.input} in / $${price.output} out per million tokens` : 'unknown (give --price or --prices)'}`,
    `worst case:   ${usd(plan.worst_case_cost_usd)} (every answer ${plan.sampling.maxTokens ?? '?'} tokens, input bounded by its byte count)`,
  ];
  if (plan.spent_usd > 0) lines.push(`spent:        ${usd(plan.spent_usd)}`);
  if (plan.at_observed_mean_usd !== null)
    lines.push(`at the mean so far: ${usd(plan.at_observed_mean_usd)}`);
  if (plan.max_cost_usd !== null) {
    const fits =
      plan.spent_usd + (plan.worst_case_cost_usd ?? Number.POSITIVE_INFINITY) <= plan.max_cost_usd;
    lines.push(
      `--max-cost:   $${plan.max_cost_usd} (${fits ? 'fits' : 'the run would refuse to start'})`,
    );
  }
  if (plan.example) {
    const prompt = plan.example.prompt;
    lines.push('', `first prompt (${plan.example.task_id}):`);
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
