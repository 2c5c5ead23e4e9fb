import type { Problem } from '../spec/problem.ts';
import type { ModelPrompt, PromptFormat, Provider } from '../spec/provider.ts';

/**
 * The prompt sent for `problem`: the format's (or the raw prompt, in completion mode), with
 * the assistant prefill dropped when the provider cannot continue one.
 */
export function promptFor(
  problem: Problem,
  format: PromptFormat | undefined,
  provider: Pick<Provider, 'capabilities'>,
): ModelPrompt {
  const prompt = format
    ? format.build(problem)
    : { mode: 'completion' as const, text: problem.prompt };
  if (
    prompt.mode === 'chat' &&
    prompt.prefill !== undefined &&
    provider.capabilities?.prefill !== true
  ) {
    const { prefill: _dropped, ...rest } = prompt;
    return rest;
  }
  return prompt;
}
