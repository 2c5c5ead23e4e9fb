/**
 * Parity on real chat answers: the raw markdown answers of two instruct models (`llama3`,
 * `qwen2`) to MultiPL-E HumanEval in cpp, cs, java, js, php, sh, ts and HumanEval-X python, as
 * published with QwenLM/Qwen2.5-Coder's chat evaluation (aggregate pass@1 only; see the data
 * README). Each answer is served by the fake OpenAI-compatible server and scored end to end by
 * `passk run --dataset <id> --model openai-compatible:<model> --base-url …`: chat prompt,
 * extraction, program assembly, sandboxed judge.
 *
 * Qwen's scorer extracts differently (`evaluate.py`: the first fenced block, whatever it holds;
 * per-language string surgery), so passk may differ per sample; where passk's pass@1 is more
 * than 2 points away from the published one, the samples that make the difference are listed
 * in EXPLAINED with the reason and checked one by one. Every pass must have run its tests: a
 * pass whose output is the program's own source (PHP printing a file without `<?php`) is
 * listed as "tests never ran".
 *
 * Measured (full scope, sandbox on): passk / published pass@1 — llama3: js 55.28 / 55.28,
 * php 46.58 / 45.34, sh 20.25 / 20.89, python 64.02 / 64.02, cpp 50.31 / 44.10 (45.34 after
 * the 8 explained samples); qwen2: js 58.39 / 55.90, php 63.35 / 63.98, sh 31.65 / 30.38,
 * python 71.34 / 70.12, cpp 50.93 / 46.58. No PHP pass printed its own source. Measured after
 * (`npx tsx scripts/chat-answers.ts run <model> <lang> <dir>`): llama3 cs 50.00 / 53.80,
 * java 50.00 / 47.47, ts 56.60 / 57.23; qwen2 cs 55.06 / 55.06, java 60.13 / 41.77 (21.52
 * before body answers that add a `main` after their function were fitted), ts 69.81 / 66.04.
 * Qwen's scorer, reproduced per sample (its `extract_func`, MultiPL-E's runners), gives 66.04
 * on qwen2 ts and 44.94 on qwen2 java; passk passes every sample it passes, and more: 6 ts
 * programs Qwen builds do not compile under tsc (TS1128, a closing brace too many) and 24 Java
 * programs do not compile under javac ('class, interface, enum, or record expected' after its
 * brace surgery). Those samples, the qwen2 C++ and JavaScript gaps and llama3 cs are not yet
 * listed in EXPLAINED (the full scope fails there until they are).
 *
 * Scopes: quick (default) runs every 8th task of each language (every 16th of C++, C# and
 * Java) plus the explained ones and checks those samples; `PASSK_TEST_SCOPE=full` runs all
 * and checks pass@1 against the published figure (within 2 points, after the explained
 * samples).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scopedSubset, testScope } from '@passk/core/conformance';
import { startFakeModelServer } from '@passk/providers/test';
import { describe, expect, it } from 'vitest';
import {
  answerFor,
  CHAT_LANGUAGES,
  CHAT_MODELS,
  type ChatModel,
  chatAnswers,
  chatRunArgs,
  publishedPassAt1,
} from './qwen-chat-answers.ts';
import { runCli, workspace } from './run-cli.ts';

interface Explained {
  /** passk's verdict on the sample. */
  readonly passed: boolean;
  /** Why Qwen's scorer judged it the other way. */
  readonly reason: string;
}

/**
 * Quick scope: every 8th task, every 16th for the compiled languages (a C++, C# or Java program
 * takes seconds to compile; CI's whole suite must stay under ~50 minutes on 2 cores).
 */
const QUICK_EVERY: Readonly<Record<string, number>> = { cpp: 16, cs: 16, java: 16 };

/**
 * Qwen's C++ scorer deletes `using namespace std;` from every answer but tasks 147 and 159
 * (`evaluate.py`, `extract_func`), and does not add the prompt: an answer that relies on it
 * (unqualified `vector`, `string`, `min`, `tie`, `__gcd`) does not compile there. Checked by
 * compiling Qwen's program (first fenced block, `main` removed, `IMPORT_HELPER` includes, last
 * `}` line removed, tests) with g++ -std=c++17: `'vector' was not declared in this scope`.
 */
const STD_STRIPPED: Explained = {
  passed: true,
  reason:
    "Qwen's scorer deletes the answer's `using namespace std;`: unqualified std names do not compile",
};

/** `model/lang` → task → why passk's verdict differs from Qwen's. */
const EXPLAINED: Readonly<Record<string, Readonly<Record<string, Explained>>>> = {
  'llama3/cpp': {
    HumanEval_73_smallest_change: STD_STRIPPED,
    HumanEval_96_count_up_to: STD_STRIPPED,
    HumanEval_117_select_words: STD_STRIPPED,
    HumanEval_143_words_in_sentence: STD_STRIPPED,
    HumanEval_148_bf: STD_STRIPPED,
    HumanEval_149_sorted_list_sum: STD_STRIPPED,
    HumanEval_158_find_max: STD_STRIPPED,
    HumanEval_94_skjkasdkd: {
      passed: true,
      reason:
        "the answer defines its helper `isPrime` after `skjkasdkd`: passk puts the entry point last (the tests close it), Qwen's scorer keeps the answer's order and its program does not compile ('isPrime' was not declared)",
    },
  },
};

interface ResultLine {
  readonly task_id: string;
  readonly status: string;
  readonly passed: boolean;
  readonly stdout_tail?: string;
}

const readLines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

const full = testScope() === 'full';

describe.each(
  CHAT_MODELS.flatMap((model) => CHAT_LANGUAGES.map((entry) => [model, entry] as const)),
)('chat parity %s', (model: ChatModel, { lang, dataset }) => {
  const every = QUICK_EVERY[lang] ?? 8;
  it(`${lang}: ${full ? 'pass@1 within 2 points of the published one' : `explained samples (quick scope: every ${every}th task)`}`, async () => {
    const answers = chatAnswers(model, lang);
    const explained = EXPLAINED[`${model}/${lang}`] ?? {};
    const selected = scopedSubset(answers, {
      id: (answer) => answer.taskId,
      every,
      keep: Object.keys(explained),
    });
    const server = await startFakeModelServer({
      answer: (request) => ({ text: answerFor(answers, request).generation }),
    });
    try {
      const { dir, env } = workspace();
      const result = await runCli(
        [
          ...chatRunArgs(dataset, model, server.baseUrls['openai-compatible'], selected),
          '--json',
          '--out',
          'r',
        ],
        { cwd: dir, env },
      );
      expect(result.code, result.stderr).toBe(0);
      const results = readLines<ResultLine>(join(dir, 'r/results.jsonl'));
      expect(results).toHaveLength(selected.length);
      // A pass must come from tests that ran: never the program's own text echoed back (PHP
      // prints a file without `<?php`), recognised by the prompt's declaration in the output.
      const declarations = new Map(
        selected.map(
          (answer) => [answer.taskId, answer.prompt.trimEnd().split('\n').at(-1) ?? ''] as const,
        ),
      );
      const echoed = results.filter(
        (line) =>
          line.passed && (line.stdout_tail ?? '').includes(declarations.get(line.task_id) ?? '\0'),
      );
      expect(echoed.map((line) => line.task_id)).toEqual([]);
      const byTask = new Map(results.map((line) => [line.task_id, line]));
      const mismatched = Object.entries(explained)
        .filter(([task, entry]) => byTask.get(task)?.passed !== entry.passed)
        .map(
          ([task, entry]) =>
            `${task}: expected passed=${entry.passed} (${entry.reason}), got ${byTask.get(task)?.status}`,
        );
      expect(mismatched).toEqual([]);
      const summary = JSON.parse(result.stdout);
      const passed = results.filter((line) => line.passed).length;
      console.log(
        `${model} ${lang}: ${passed}/${results.length} passed; strategies ${JSON.stringify(summary.generation?.strategies)}`,
      );
      if (!full) return;
      const extra = Object.values(explained).reduce(
        (sum, entry) => sum + (entry.passed ? 1 : -1),
        0,
      );
      const adjusted = (100 * (passed - extra)) / results.length;
      const published = publishedPassAt1(model, lang);
      expect(
        Math.abs(adjusted - published),
        `passk ${adjusted} vs ${published}`,
      ).toBeLessThanOrEqual(2);
    } finally {
      await server.close();
    }
  }, 3_600_000);
});
