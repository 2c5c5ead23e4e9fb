import type { CommandHelp } from './command-help.ts';
import { DATE_WINDOW_OPTIONS, SCORING_GROUPS, SELECTION_OPTIONS } from './shared-options.ts';

/** `passk run --help`. */
export const RUN_HELP: CommandHelp = {
  summary: 'generate samples with a model and score them',
  usage: ['passk run --dataset <id> --model <provider:model> [options]'],
  groups: [
    {
      title: 'What to run',
      options: [
        { flag: '--dataset ID', text: 'the benchmark (passk datasets lists them); required' },
        {
          flag: '--model PROVIDER:MODEL',
          text: 'openai:…, anthropic:…, reference, replay:FILE, demo; required',
        },
        { flag: '-n N', text: 'samples per problem', default: "1 (replay: the file's count)" },
        ...SELECTION_OPTIONS,
        ...DATE_WINDOW_OPTIONS,
      ],
    },
    {
      title: 'Model and sampling',
      options: [
        {
          flag: '--temperature T',
          text: 'sampling temperature (0 to 2)',
          default: "the provider's",
        },
        { flag: '--top-p P', text: 'nucleus sampling (0 to 1)', default: "the provider's" },
        { flag: '--max-tokens N', text: 'longest answer', default: '2048 chat, 768 completion' },
        { flag: '--reasoning-effort LEVEL', text: 'none|minimal|low|medium|high|xhigh|max' },
        { flag: '--base-url URL', text: 'API endpoint (required for openai-compatible:)' },
        {
          flag: '--api responses|chat',
          text: 'OpenAI API to call (openai: only)',
          default: 'responses',
        },
        { flag: '--stream', text: 'stream answers' },
        {
          flag: '--prompt-mode chat|completion',
          text: 'instruction chat, or raw prompt completion',
          default: 'chat',
        },
        {
          flag: '--prompt-template FILE',
          text: 'own prompt (--- system/user/assistant --- sections)',
        },
        { flag: '--system-prompt TEXT', text: 'replace the system prompt' },
        { flag: '--no-prefill', text: 'do not send the assistant prefill' },
        { flag: '--concurrency N', text: 'requests in flight (halved on 429)', default: '8' },
        {
          flag: '--request-timeout S',
          text: 'time limit of one request in seconds',
          default: '300',
        },
        { flag: '--retries N', text: 'retries of a failed request', default: '6' },
      ],
    },
    {
      title: 'Agents',
      options: [
        {
          flag: '--agent',
          text: 'tool-loop attempts (run_tests, run_code, submit); or --model command:EXE',
        },
        { flag: '--max-turns N', text: 'model turns per attempt', default: '10' },
        { flag: '--max-tool-calls N', text: 'tool calls per attempt', default: '20' },
        { flag: '--attempt-timeout S', text: 'wall-clock limit of an attempt', default: '600' },
      ],
    },
    {
      title: 'Cost',
      options: [
        { flag: '--max-cost USD', text: 'refuse to start, or stop, above this worst-case spend' },
        {
          flag: '--price IN,OUT[,CACHED]',
          text: 'US dollars per million tokens',
          default: 'built-in table',
        },
        { flag: '--prices FILE', text: 'JSON prices keyed by model' },
        {
          flag: '--dry-run',
          text: 'print the plan and its worst-case cost; send and write nothing',
        },
      ],
    },
    ...SCORING_GROUPS,
  ],
  examples: [
    {
      comment: 'the bundled demo, offline',
      command: 'passk run --dataset demo --model demo -k 1,5,10',
    },
    {
      comment: 'the demo as an agent benchmark (recorded attempts), offline',
      command: 'passk run --dataset demo --model demo --agent -k 1,5,10',
    },
    {
      comment: 'a chat model on HumanEval, 10 samples per task, at most $2',
      command:
        'passk run --dataset humaneval --model openai:gpt-4.1-mini -n 10 -k 1,10 --max-cost 2',
    },
    {
      comment: 'a base model served by vLLM, raw completion of the prompt',
      command:
        'passk run --dataset multipl-e/lua --model openai-compatible:Qwen/Qwen2.5-Coder-1.5B --base-url http://localhost:8000/v1 --prompt-mode completion -n 20',
    },
  ],
};
