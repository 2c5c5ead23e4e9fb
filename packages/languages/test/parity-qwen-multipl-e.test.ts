/**
 * Parity with real per-sample verdicts: Qwen2.5-Coder-1.5B (base, greedy) on MultiPL-E HumanEval,
 * as published in QwenLM/Qwen2.5-Coder (`qwencoder-eval/base/outptus/qwen2.5-coder/1.5b-base/
 * multipl-e/`). Every executed program (`code` in `humaneval-<lang>-details.json`) is judged with
 * passk's `multipl-e` judge and compared with Qwen's `passed`.
 *
 * What the files are (checked below): `wholecode` is NOT the executed program but the prompt
 * plus the model's untruncated output; the executed program is `code` = `generation` + "\n" +
 * the MultiPL-E tests, where `generation` = prompt + "\n" + the cleaned completion (for C++ Qwen
 * also prepends CodeGeeX's header list plus `<cassert>`). Qwen's evaluator is its own copy of
 * CodeGeeX's `execution.py` (10 s per sample), not MultiPL-E's: JavaScript passes on empty
 * output (not on exit code), TypeScript compiles with `tsc --target ES2015 --lib ES2015,DOM`
 * (retrying with plain `tsc`), C++ with `g++ -std=c++17`, Java with javac + `java -ea`. On
 * these samples the two rule sets agree on every program: 100% per language, and the published
 * pass@1 is reproduced exactly. The quick test scope (the default) judges every 8th task;
 * `PASSK_TEST_SCOPE=full` judges all and checks the published pass@1.
 */
import type { Language } from '@passk/core';
import { scopedSubset, testScope } from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { createCppLanguage } from '../src/cpp/create-cpp-language.ts';
import { HUMANEVAL_X_HEADERS } from '../src/cpp/precompiled-headers.ts';
import { createJavaLanguage } from '../src/java/create-java-language.ts';
import { createJavaScriptLanguage } from '../src/javascript/create-javascript-language.ts';
import { createTypeScriptLanguage } from '../src/typescript/create-typescript-language.ts';
import { judgeProgram, program, skipReason, testExecutor } from './run-program.ts';
import { readData, readJsonLines } from './shared-data.ts';

const SAMPLES = 'samples/qwen2.5-coder-base/1.5b-base/multipl-e';
/** Qwen's published pass@1 (results.json), in percent. */
const PUBLISHED = JSON.parse(readData(`${SAMPLES}/results.json`)) as Record<string, number>;

interface Detail {
  readonly task_id: string;
  readonly passed: boolean;
  readonly result: string;
  readonly code: string;
}

const details = (ext: string): [string, Detail][] =>
  Object.entries(
    JSON.parse(readData(`${SAMPLES}/humaneval-${ext}-details.json.gz`)) as Record<
      string,
      [[number, Detail]]
    >,
  ).map(([name, [[, detail]]]) => [name, detail]);

const LANGUAGES: readonly {
  readonly ext: string;
  readonly file: string;
  /** MultiPL-E's run-step limit, as the multipl-e loader sets `Program.timeoutMs`. */
  readonly timeoutMs: number;
  readonly create: () => Language;
}[] = [
  { ext: 'cpp', file: 'main.cpp', timeoutMs: 15_000, create: () => createCppLanguage() },
  { ext: 'java', file: 'main.java', timeoutMs: 15_000, create: () => createJavaLanguage() },
  { ext: 'js', file: 'main.js', timeoutMs: 5000, create: () => createJavaScriptLanguage() },
  { ext: 'ts', file: 'main.ts', timeoutMs: 15_000, create: () => createTypeScriptLanguage() },
];

const executor = testExecutor();
afterAll(() => executor.close());

describe('Qwen2.5-Coder MultiPL-E files', () => {
  it.each(LANGUAGES.map((entry) => [entry.ext]))(
    '%s: the executed program is generation + "\\n" + tests, not wholecode',
    (ext) => {
      const predictions = new Map(
        readJsonLines<{ task_id: string; generation: string; prompt: string; wholecode: string }>(
          `${SAMPLES}/pred_${ext}_output.jsonl.gz`,
        ).map((record) => [record.task_id, record]),
      );
      const tests = new Map(
        readJsonLines<{ name: string; tests: string }>(
          `multipl-e/humaneval-reworded/humaneval-${ext}.jsonl`,
        ).map((record) => [record.name, record.tests]),
      );
      // CodeGeeX's nine headers, and cassert.
      const headers = [...HUMANEVAL_X_HEADERS.headers, 'cassert'].map(
        (name) => `#include<${name}>`,
      );
      let wholecode = 0;
      for (const [name, detail] of details(ext)) {
        const prediction = predictions.get(name);
        if (prediction === undefined) throw new Error(`no prediction for ${name}`);
        const setup =
          ext === 'cpp'
            ? `${headers
                .filter((line) => !prediction.prompt.includes(line))
                .map((line) => `${line}\n`)
                .join('')}\n`
            : '';
        expect(detail.code).toBe(`${setup}${prediction.generation}\n${tests.get(name)}`);
        if (prediction.wholecode === detail.code) wholecode++;
      }
      expect(wholecode).toBe(0);
    },
  );
});

describe.each(LANGUAGES.map((entry) => [entry.ext, entry] as const))(
  'parity with Qwen2.5-Coder verdicts: %s',
  (ext, entry) => {
    const full = testScope() === 'full';
    it(`every verdict agrees${full ? ' and the published pass@1 is reproduced' : ' (quick scope: every 8th task)'}`, async (context) => {
      const language = entry.create();
      const toolchain = await language.detect();
      const skip = skipReason(ext, toolchain);
      if (skip !== undefined) return context.skip(skip);
      const samples = scopedSubset(details(ext), { id: ([name]) => name, every: 8 });
      const outcomes = await Promise.all(
        samples.map(async ([name, detail]) => {
          const target = program(
            language.id,
            entry.file,
            'multipl-e',
            detail.code,
            entry.timeoutMs,
          );
          const { verdict } = await judgeProgram(language, toolchain, executor, target);
          return { name, ours: verdict.passed, theirs: detail.passed, verdict };
        }),
      );
      const disagreements = outcomes
        .filter((outcome) => outcome.ours !== outcome.theirs)
        .map(
          (outcome) =>
            `${outcome.name}: passk ${outcome.verdict.status} (${outcome.verdict.detail}), Qwen ${outcome.theirs}`,
        );
      expect(disagreements).toEqual([]);
      const passed = outcomes.filter((outcome) => outcome.ours).length;
      console.log(`${ext}: ${samples.length}/${samples.length} agree with Qwen, ${passed} passed`);
      if (!full) return;
      expect(Math.round((10_000 * passed) / samples.length) / 100).toBe(PUBLISHED[ext]);
    }, 1_200_000);
  },
);
