import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FakeRequest } from '@passk/providers/test';
import { DATA_DIR } from './run-cli.ts';

/** The chat answers of QwenLM/Qwen2.5-Coder's chat MultiPL-E evaluation (see the data README). */
export const CHAT_SAMPLES = 'samples/qwen-eval-chat-multipl-e';
export const CHAT_MODELS = ['llama3', 'qwen2'] as const;
export type ChatModel = (typeof CHAT_MODELS)[number];

/** The eight languages: Qwen's file name and the passk dataset that scores it. */
export const CHAT_LANGUAGES = [
  { lang: 'cpp', dataset: 'multipl-e/cpp' },
  { lang: 'cs', dataset: 'multipl-e/cs' },
  { lang: 'java', dataset: 'multipl-e/java' },
  { lang: 'js', dataset: 'multipl-e/js' },
  { lang: 'php', dataset: 'multipl-e/php' },
  { lang: 'sh', dataset: 'multipl-e/sh' },
  { lang: 'ts', dataset: 'multipl-e/ts' },
  { lang: 'python', dataset: 'humaneval-x/python' },
] as const;

/** One answer: the task (MultiPL-E `name` or HumanEval-X `task_id`), its prompt, the raw answer. */
export interface ChatAnswer {
  readonly taskId: string;
  readonly prompt: string;
  readonly generation: string;
}

/** The answers of `model` in `lang`. */
export function chatAnswers(model: ChatModel, lang: string): ChatAnswer[] {
  const file = join(DATA_DIR, CHAT_SAMPLES, model, `generations_${lang}.jsonl.gz`);
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const record = JSON.parse(line) as Record<string, string>;
      return {
        taskId: record.name ?? (record.task_id as string),
        prompt: record.prompt as string,
        generation: record.generation as string,
      };
    });
}

/** Qwen's published pass@1 of `model` in `lang`, in percent. */
export function publishedPassAt1(model: ChatModel, lang: string): number {
  const file = join(DATA_DIR, CHAT_SAMPLES, model, `results_${lang}.jsonl`);
  return 100 * (JSON.parse(readFileSync(file, 'utf8')) as { 'pass@1': number })['pass@1'];
}

/** The answer whose benchmark prompt the request carries (the longest match wins). */
export function answerFor(answers: readonly ChatAnswer[], request: FakeRequest): ChatAnswer {
  let best: ChatAnswer | undefined;
  for (const answer of answers) {
    if (
      request.prompt.includes(answer.prompt.trim()) &&
      answer.prompt.length > (best?.prompt.length ?? 0)
    )
      best = answer;
  }
  if (best === undefined) throw new Error(`no answer for prompt ${request.prompt.slice(0, 200)}`);
  return best;
}

/**
 * `passk run` arguments that score `answers` of `model` on `dataset`, served by the fake
 * OpenAI-compatible server at `baseUrl` (add `--out`, `--json` as needed).
 */
export function chatRunArgs(
  dataset: string,
  model: ChatModel,
  baseUrl: string,
  answers: readonly ChatAnswer[],
): string[] {
  const tasks = answers.map((answer) => answer.taskId).join(',');
  return [
    'run',
    '--dataset',
    dataset,
    '--model',
    `openai-compatible:${model}`,
    '--base-url',
    baseUrl,
    '--tasks',
    tasks,
  ];
}
