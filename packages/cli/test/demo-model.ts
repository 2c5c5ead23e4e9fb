import { readFileSync } from 'node:fs';
import { DEMO_PROBLEMS_PATH } from '@passk/datasets';
import {
  type FakeModelServerOptions,
  type FakeRequest,
  type Fault,
  requestKey,
} from '@passk/providers/test';

interface DemoProblem {
  readonly task_id: string;
  readonly prompt: string;
  readonly canonical_solution: string;
  readonly entry_point: string;
}

/** The bundled demo problems, with their reference solutions. */
export const DEMO_PROBLEMS: readonly DemoProblem[] = readFileSync(DEMO_PROBLEMS_PATH, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as DemoProblem);

/** The demo problem a request is about (its prompt appears in the request). */
export function problemOf(request: FakeRequest): DemoProblem {
  const found = DEMO_PROBLEMS.find((problem) => request.prompt.includes(problem.prompt.trim()));
  if (!found) throw new Error(`no demo problem in request: ${request.prompt.slice(0, 80)}`);
  return found;
}

/**
 * A fake model for the demo benchmark: even sample seeds get the reference solution, odd
 * ones a wrong answer (so runs have real model failures too); for APIs without a seed
 * (OpenAI responses, Anthropic) the answers to one prompt alternate instead. Chat requests
 * get a chat-style answer (prose, a thinking trace, a fenced whole program); completion
 * requests the body followed by text the stop sequences must cut.
 */
export function createDemoModel(): (request: FakeRequest) => {
  text: string;
  reasoningTokens?: number;
} {
  const answered = new Map<string, number>();
  return (request) => {
    const count = answered.get(request.prompt) ?? 0;
    answered.set(request.prompt, count + 1);
    return demoAnswer(request, (request.seed ?? count) % 2 === 0);
  };
}

function demoAnswer(
  request: FakeRequest,
  correct: boolean,
): { text: string; reasoningTokens?: number } {
  const problem = problemOf(request);
  const body = correct ? problem.canonical_solution : '    return None\n';
  if (request.protocol === 'openai-completions' || request.protocol === 'ollama-generate') {
    return { text: `${body}\n\ndef unrelated_helper():\n    return 0\n` };
  }
  if (request.prefill?.endsWith('```python')) {
    // Continues the assistant prefill (Anthropic): the code, then the closing fence.
    return { text: `\n${problem.prompt}${body}\`\`\`\n\nThis passes the docstring examples.` };
  }
  return {
    text: [
      '<think>',
      `The task is ${problem.entry_point}; a direct implementation is enough.`,
      '</think>',
      `Here is a solution to ${problem.task_id}:`,
      '',
      '```python',
      `${problem.prompt}${body}`,
      '```',
      '',
      'It handles the edge cases in the docstring.',
    ].join('\n'),
    reasoningTokens: 12,
  };
}

/**
 * A fault plan: the distinct requests (by `requestKey`) take turns: no fault, then each kind
 * in order, on their first attempt only, so every kind occurs once there are enough requests.
 */
export function firstAttemptFaults(kinds: readonly Fault[]): FakeModelServerOptions['fault'] {
  const order = new Map<string, number>();
  return (request, attempt) => {
    const key = requestKey(request);
    if (!order.has(key)) order.set(key, order.size);
    if (attempt > 0) return undefined;
    const turn = (order.get(key) as number) % (kinds.length + 1);
    return turn === 0 ? undefined : kinds[turn - 1];
  };
}
