/**
 * Reflexion's GPT-4 "simple" run on MultiPL-E HumanEval Rust (noahshinn/reflexion,
 * `programming_runs/root/simple_rust_run/`, 156 programs with the authors' `is_solved`),
 * judged with passk's `multipl-e` Rust judge (MultiPL-E's `rustc <f>` + run).
 *
 * Program: the stored `solution` (the whole function) + "\n" + `test` (Reflexion's copy of the
 * MultiPL-E tests, without their leading `}`). 11 stored solutions end before the function's
 * last closing brace (they were cut at the `\n}` stop token when stored); the complete function
 * was what Reflexion evaluated, so the missing braces are put back.
 *
 * `is_solved` is NOT a MultiPL-E verdict: Reflexion runs its own Cargo harness (edition 2021,
 * with crates) and decides from cargo's JSON diagnostics and the `left:`/`right:` lines of failed
 * `assert_eq!`s. passk agrees on 146 of 156 (93.6%); the 10 others are programs that Reflexion
 * marks solved and that fail under MultiPL-E's rule for the reasons listed in DISAGREEMENTS.
 * The quick test scope (the default) judges every 4th program plus the explained ones;
 * `PASSK_TEST_SCOPE=full` judges all 156 and checks the totals. passk's output judge (two more
 * builds after each run that exits 0) flags none of them: every verdict is MultiPL-E's.
 */
import { scopedSubset, testScope } from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { createRustLanguage } from '../src/rust/create-rust-language.ts';
import { judgeProgram, program, skipReason, testExecutor } from './run-program.ts';
import { readJsonLines } from './shared-data.ts';

interface Run {
  readonly name: string;
  readonly solution: string;
  readonly test: string;
  readonly is_solved: boolean;
}

/** Every program on which passk (MultiPL-E's rule) and Reflexion's `is_solved` differ, and why. */
const DISAGREEMENTS: Readonly<Record<string, string>> = {
  HumanEval_115_max_fill:
    'debug-build integer overflow panic ("attempt to subtract with overflow"): MultiPL-E Exception; Reflexion counted only failed assert_eq!s',
  HumanEval_130_tri:
    'index out of bounds panic: MultiPL-E Exception; Reflexion counted only failed assert_eq!s',
  HumanEval_84_solve: 'assert_eq! fails (left "110", right "1") under rustc here',
  HumanEval_116_sort_array:
    "uses Itertools::sorted_by: needs the itertools crate (Reflexion's Cargo harness had crates; MultiPL-E compiles with plain rustc)",
  HumanEval_162_string_to_md5: 'uses md5::{Md5, Digest} (the md-5 crate): a crate, see above',
  HumanEval_154_cycpattern_check:
    'does not compile: `chars().nth(1..)` (E0599), in any Rust version',
  HumanEval_68_pluck: 'does not compile: mismatched types (E0308)',
  HumanEval_118_get_closest_vowel:
    'does not compile: Skip<CharIndices> is not double-ended (E0277)',
  HumanEval_124_valid_date: 'the stored solution stops in the middle of a statement ("if day < ")',
  HumanEval_129_minPath: 'the stored solution stops in the middle of a nested function',
};

/** The solution with the closing braces it lacks appended. */
function complete(solution: string): string {
  const open = (solution.match(/\{/g) ?? []).length - (solution.match(/\}/g) ?? []).length;
  return `${solution}${'\n}'.repeat(Math.max(0, open))}`;
}

const executor = testExecutor();
afterAll(() => executor.close());

describe('parity with Reflexion Rust (MultiPL-E HumanEval)', () => {
  it('agrees on every program except the explained ones', async (context) => {
    const language = createRustLanguage();
    const toolchain = await language.detect();
    const skip = skipReason('rust', toolchain);
    if (skip !== undefined) return context.skip(skip);
    const all = readJsonLines<Run>(
      'samples/reflexion/simple_rust_run/simple_1_gpt-4_pass_at_k_1_rs.jsonl',
    );
    expect(all).toHaveLength(156);
    expect(all.filter((run) => complete(run.solution) !== run.solution)).toHaveLength(11);
    const full = testScope() === 'full';
    const runs = scopedSubset(all, {
      id: (run) => run.name,
      every: 4,
      keep: Object.keys(DISAGREEMENTS),
    });
    const outcomes = await Promise.all(
      runs.map(async (run) => {
        const contents = `${complete(run.solution)}\n${run.test}`;
        const target = program('rust', 'main.rs', 'multipl-e', contents, 5000);
        const { verdict } = await judgeProgram(language, toolchain, executor, target);
        return { run, verdict };
      }),
    );
    const disagreeing = outcomes
      .filter(({ run, verdict }) => verdict.passed !== run.is_solved)
      .map(({ run }) => run.name)
      .sort();
    expect(disagreeing).toEqual(Object.keys(DISAGREEMENTS).sort());
    console.log(`rust: ${runs.length - disagreeing.length}/${runs.length} agree with Reflexion`);
    if (!full) return;
    for (const name of disagreeing) {
      const outcome = outcomes.find(({ run }) => run.name === name);
      expect([name, outcome?.run.is_solved, outcome?.verdict.passed]).toEqual([name, true, false]);
    }
    const passed = outcomes.filter(({ verdict }) => verdict.passed).length;
    expect([passed, runs.filter((run) => run.is_solved).length]).toEqual([123, 133]);
  }, 1_800_000);
});
