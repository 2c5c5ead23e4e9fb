/**
 * Scores the Qwen chat answers (`samples/qwen-eval-chat-multipl-e`) of one model in one
 * language end to end, as `packages/cli/test/parity-qwen-chat.test.ts` does (fake
 * OpenAI-compatible server, `passk run`), but keeps the run directory, so that each sample's
 * program, extraction and verdict can be read afterwards; and tabulates what extraction made of
 * the answers.
 *
 *   npx tsx scripts/chat-answers.ts run <model> <lang> <dir> [-- <passk run options>]   # → <dir>/<model>-<lang>/
 *   npx tsx scripts/chat-answers.ts table <dir>                # per run: pass@1, no code, kinds, strategies
 *
 * PASSK_DATA_DIR and PASSK_CACHE_DIR are passed on to passk (a cache of one's own makes a
 * re-run after a change execute only the programs that changed).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeModelServer } from '@passk/providers/test';
import {
  answerFor,
  CHAT_LANGUAGES,
  CHAT_MODELS,
  type ChatModel,
  chatAnswers,
  chatRunArgs,
  publishedPassAt1,
} from '../packages/cli/test/qwen-chat-answers.ts';
import { BIN, DATA_DIR } from '../packages/cli/test/run-cli.ts';

const usage = (): never => {
  process.stderr.write(
    'usage: chat-answers.ts run <llama3|qwen2> <cpp|cs|java|js|php|sh|ts|python> <dir> [-- <passk run options>]\n       chat-answers.ts table <dir>\n',
  );
  process.exit(2);
};

const readLines = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

async function run(
  model: ChatModel,
  lang: string,
  dir: string,
  extra: readonly string[],
): Promise<number> {
  const entry = CHAT_LANGUAGES.find((candidate) => candidate.lang === lang);
  if (entry === undefined) return usage();
  const answers = chatAnswers(model, lang);
  const server = await startFakeModelServer({
    answer: (request) => ({ text: answerFor(answers, request).generation }),
  });
  try {
    const child = spawn(
      process.execPath,
      [
        BIN,
        ...chatRunArgs(entry.dataset, model, server.baseUrls['openai-compatible'], answers),
        '--out',
        join(dir, `${model}-${lang}`),
        ...extra,
      ],
      {
        env: { ...process.env, PASSK_DATA_DIR: DATA_DIR, PASSK_OFFLINE: '1' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    return await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? 1));
    });
  } finally {
    await server.close();
  }
}

const count = (values: readonly string[]): string =>
  Object.entries(
    values.reduce<Record<string, number>>((counts, value) => {
      counts[value] = (counts[value] ?? 0) + 1;
      return counts;
    }, {}),
  )
    .sort((a, b) => b[1] - a[1])
    .map(([value, n]) => `${value} ${n}`)
    .join(', ');

function table(dir: string): void {
  const rows = [
    '| model | lang | passk / published pass@1 | no code | kind | strategy |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const model of CHAT_MODELS) {
    for (const { lang } of CHAT_LANGUAGES) {
      const runDir = join(dir, `${model}-${lang}`);
      if (!existsSync(join(runDir, 'results.jsonl'))) continue;
      const samples = readLines(join(runDir, 'samples.jsonl'));
      const results = readLines(join(runDir, 'results.jsonl'));
      const passed = results.filter((line) => line.passed === true).length;
      const extraction = samples.map(
        (sample) => sample.extraction as { strategy: string; found_code: boolean },
      );
      const noCode = extraction.filter((entry) => !entry.found_code).length;
      rows.push(
        `| ${model} | ${lang} | ${((100 * passed) / results.length).toFixed(2)} / ${publishedPassAt1(model, lang).toFixed(2)} | ${noCode}/${samples.length} (${((100 * noCode) / samples.length).toFixed(1)}%) | ${count(samples.map((sample) => String(sample.kind)))} | ${count(extraction.map((entry) => entry.strategy))} |`,
      );
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

const [command, ...rest] = process.argv.slice(2);
const [model, lang, dir, separator, ...extra] = rest;
if (
  command === 'run' &&
  dir !== undefined &&
  (separator === undefined || separator === '--') &&
  (CHAT_MODELS as readonly string[]).includes(model as string)
) {
  process.exitCode = await run(model as ChatModel, lang as string, dir, extra);
} else if (command === 'table' && rest.length === 1) {
  table(rest[0] as string);
} else {
  usage();
}
