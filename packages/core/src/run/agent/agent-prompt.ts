import { hashJson } from '../../io/hash.ts';
import type { AgentToolSpec } from '../../spec/agent.ts';
import type { Problem } from '../../spec/problem.ts';

/** The system prompt of every agent attempt. */
export const AGENT_SYSTEM_PROMPT = [
  'You are an expert programmer solving a programming problem with tools.',
  'Write the complete solution (the whole function with any imports it needs), test it, fix it, and submit it.',
  'Call run_tests to check your code against the examples in the problem statement; run_code runs any program you like.',
  'When you are confident, call submit with the final code. Only the submitted code is scored, by hidden tests.',
].join('\n');

/** The first user message of an attempt: the problem and what the tools offer for it. */
export function agentTaskMessage(
  problem: Pick<Problem, 'language' | 'entryPoint' | 'prompt'>,
  hasVisibleTests: boolean,
): string {
  return [
    `Complete the following ${problem.language} function \`${problem.entryPoint}\`. Answer with the whole function, not only its body.`,
    '',
    `\`\`\`${problem.language}`,
    problem.prompt.trimEnd(),
    '```',
    '',
    hasVisibleTests
      ? 'run_tests runs the examples shown above; the hidden tests check more cases.'
      : 'This problem has no runnable examples: run_tests is not available; use run_code to try your code.',
  ].join('\n');
}

/** sha256 of the agent's fixed text and tools: part of the run identity. */
export function agentPromptHash(tools: readonly AgentToolSpec[]): string {
  return hashJson({
    system: AGENT_SYSTEM_PROMPT,
    task: agentTaskMessage(
      { language: '{language}', prompt: '{prompt}', entryPoint: '{entry point}' },
      true,
    ),
    tools,
  });
}
