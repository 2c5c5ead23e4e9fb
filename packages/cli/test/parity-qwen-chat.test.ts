/**
 * Parity on real chat answers: the raw markdown answers of two instruct models (`llama3`, `qwen2`)
 * to MultiPL-E HumanEval in cpp, cs, java, js, php, sh, ts and HumanEval-X python, as published
 * with QwenLM/Qwen2.5-Coder's chat evaluation (aggregate pass@1 only; see the data README). Each
 * answer is served by the fake OpenAI-compatible server and scored end to end by `passk run
 * --dataset <id> --model openai-compatible:<model> --base-url …`: chat prompt, extraction, program
 * assembly, sandboxed judge.
 *
 * Qwen's scorer extracts differently (`evaluate.py`: the first fenced block, whatever it holds;
 * per-language string surgery), so passk may differ per sample; where passk's pass@1 is more than 2
 * points away from the published one, the samples that make the difference are listed in EXPLAINED
 * with the reason and checked one by one. Every pass must have run its tests: a pass whose output
 * is the program's own source (PHP printing a file without `<?php`) is listed as "tests never ran".
 *
 * Qwen's scorer as published: the results were committed with `evaluate.py` at Qwen2.5-Coder commit
 * dc5af29 (2024-09-27; its unrounded pass@1 is what the result files hold; the later rewrite rounds
 * to one decimal and changes C++ extraction), run with its `multiple_metrics` runners, OpenJDK 11
 * (`multiple_metrics/install.sh`) and TypeScript 5.5.4 (the tarball it installs). Reproduced per
 * sample by running that code (only process creation wrapped in bwrap), it agrees with passk on
 * every sample but those in EXPLAINED for llama3 cpp, cs, java, php and sh and qwen2 cpp, java, js,
 * sh and ts (the pairs reproduced so far; C++ with g++ 12.2 and Boost 1.74 for its `boost/any.hpp`;
 * sh with bash 5.2.15).
 *
 * Measured (`npx tsx scripts/chat-answers.ts run <model> <lang> <dir>`, sandbox on): passk /
 * published pass@1 (after the EXPLAINED samples) — llama3: cpp 44.10 / 44.10 (Qwen's scorer
 * reproduced: 44.10, the same verdict on all 161 but the 12 listed; 50.31 before them), cs 53.80 /
 * 53.80 (Qwen's scorer reproduced: 53.80, the same verdict on all 158), java 51.27 / 47.47 (49.37),
 * js 55.90 / 55.28, php 48.45 / 45.34 (46.58; Qwen's scorer reproduced: 46.58, 2 samples above the
 * published figure, not found); qwen2: cpp 49.07 / 46.58 (49.07; 56.52 before the 14 listed), java
 * 60.13 / 41.77 (42.41), js 62.11 / 55.90 (55.90), ts 69.81 / 66.04
 * (66.04), php 63.35 / 63.98, sh 34.81 / 30.38 (33.54; Qwen's scorer reproduced: 33.54, the
 * same verdict on all 158 but the 2 listed); llama3 sh 20.89 / 20.89 (24.68; Qwen's scorer
 * reproduced: 24.68, the same verdict on all 158 but the 6 listed). Earlier (before answers that repeat the prompt kept
 * the helpers after their function; answers changed by that: llama3 sh 1, ts 1, qwen2 cs 1, none in
 * python, qwen2 sh and ts): llama3 sh 20.25 / 20.89, python 64.02 / 64.02, ts 56.60 / 57.23;
 * qwen2 python 71.34 / 70.12, cs 55.06 / 55.06. After it: llama3 ts 57.23 / 57.23, qwen2 cs
 * 56.33 / 55.06 (no answer without code in either).
 *
 * C++: Qwen's dc5af29 scorer starts every program with `using namespace std;` (the later rewrite
 * deletes it instead), keeps only the entry function and the include lines of the first fenced
 * block, and cuts the last lone `}`; run per sample, it reproduces llama3's published 44.10 exactly
 * (71 passes). passk differs on 12 llama3 and 14 qwen2 samples, all listed: helpers dropped, the
 * std:: name clash, `{ … }` block bodies, the signature prefix found in the body, and 2 answers
 * that only pass with the `using namespace std;` passk (like MultiPL-E) does not add. passk was
 * wrong on 4 qwen2 samples, fixed: an answer's own `void test()` calling the entry point
 * (tasks 26, 28, 30) and file-level `assert(…);` lines (153) were kept and did not compile.
 * Not explained: qwen2, where Qwen's scorer reproduced passes 79 samples (49.07) for 75
 * published (46.58), with the same g++ flags that reproduce llama3 exactly; none of the 79
 * programs uses a library call newer than C++17 (run times were not compared), so the 4 stay
 * unaccounted for, as in Java (2.49 points after the explained ones): the full scope checks this
 * pair against the reproduced 79 passes (REPRODUCED_PASSES) instead of the published figure.
 *
 * Not explained: Java, where Qwen's scorer reproduced passes more than published: llama3 78 samples
 * (49.37) for 75 published (47.47), qwen2 67 (42.41) for 66 (41.77). Looked for and ruled out: JDK
 * 11 (every program that passes compiles with `javac --release 11`, but for qwen2 task 93, listed),
 * javatuples at run time (listed), time limits (qwen2's slowest passing program runs 6 s of Qwen's
 * 15 here, loaded), public classes in a file named tmpXXXX.java (none). These 4 samples stay
 * unaccounted for; both pairs are within 2 points after the explained ones.
 *
 * Shell: Qwen's scorer prepends the prompt when the first fenced block lacks `<name>()`, then cuts
 * the last lone `}` line and everything after it (the tests bring the function's closer). passk
 * differs on 2 qwen2 samples (an extra closer after a whole function) and 6 llama3 samples (a
 * `[[ … ]]` parse error ends bash 5.2 with status 0 before any test ran: a pass for Qwen's runner,
 * not for passk, which requires the tests to complete). passk was wrong on 4 samples, fixed: its
 * `shell` id fell back to a word-match extraction syntax, so a body whose comment names the entry
 * point was taken for a whole program (qwen2 task 34), and a `case` pattern's `)` ended the
 * function during assembly (qwen2 78, llama3 17 and 46). Not explained: Qwen's scorer reproduced
 * passes more than published, qwen2 53 (33.54) for 48 (30.38) and llama3 39 (24.68) for 33
 * (20.89); llama3's 6 are exactly the 6 parse-error samples above, as if the published run's bash
 * had exited non-zero on them (not checked: no other bash here); qwen2 has none of those, so its
 * 5 stay unaccounted for. Both pairs are checked against the reproduced passes (REPRODUCED_PASSES).
 *
 * Scopes: quick (default) runs every 16th task of each language (every 32nd of C++, C# and Java)
 * plus the explained ones and checks those samples and the subset's pass count;
 * `PASSK_TEST_SCOPE=full` runs all and checks pass@1 against the published figure (within 2
 * points, after the explained samples), or the passes of Qwen's scorer reproduced per sample
 * where those are known to differ from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scopedSubset, testScope } from '@passk/core/conformance';
import { startFakeModelServer } from '@passk/providers/test';
import { describe, expect, it } from 'vitest';
import { numpySkipReason } from '../../../scripts/test-support/numpy-skip-reason.ts';
import { toolchainSkipReason } from '../../../scripts/test-support/toolchain-skip-reason.ts';
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
 * Quick scope: every 16th task, every 32nd for the compiled languages (a C++, C# or Java program
 * takes seconds to compile; CI's whole suite must stay under ~50 minutes on 2 cores), plus the
 * explained samples.
 */
const QUICK_EVERY: Readonly<Record<string, number>> = { cpp: 32, cs: 32, java: 32 };

/**
 * Quick scope: how many samples of each subset pass, as measured (sandbox on). Any change means a
 * verdict changed: find which sample and why before updating a count.
 */
const QUICK_PASSED: Readonly<Record<string, number>> = {
  'llama3/cpp': 14,
  'llama3/cs': 4,
  'llama3/java': 6,
  'llama3/js': 7,
  'llama3/php': 8,
  'llama3/sh': 3,
  'llama3/ts': 7,
  'llama3/python': 7,
  'qwen2/cpp': 15,
  'qwen2/cs': 3,
  'qwen2/java': 32,
  'qwen2/js': 16,
  'qwen2/php': 8,
  'qwen2/sh': 6,
  'qwen2/ts': 14,
  'qwen2/python': 8,
};

/**
 * Qwen's C++ scorer as published (`evaluate.py` at dc5af29, `extract_cpp_code`) keeps, of the
 * first fenced block, only the `#include` and `using namespace` lines and the entry function
 * (from the line with the prompt's signature to its closing brace): a helper the answer
 * defines elsewhere is dropped and the program does not compile. Checked by running that code:
 * `'isPrime' was not declared in this scope`, `'findPlanetIndex' was not declared`.
 */
const CPP_HELPER_DROPPED: Explained = {
  passed: true,
  reason:
    "Qwen's scorer (dc5af29) keeps only the entry function and include lines: the helper it calls is dropped and the program does not compile ('… was not declared in this scope')",
};

/**
 * Qwen's C++ scorer (dc5af29) starts every program with `using namespace std;` (the first line
 * of its `IMPORT_HELPER`), which neither MultiPL-E's prompt nor these answers have: the tests'
 * `auto candidate = max_element;` then names the answer's function and the `std::` templates of
 * that name (`std::max_element`, `std::unique`, `std::search`, `std::exchange`), and g++ stops
 * ('unable to deduce 'auto' from 'std::max_element''). Checked by running that code.
 */
const CPP_STD_NAME_CLASH: Explained = {
  passed: true,
  reason:
    "Qwen's scorer adds `using namespace std;`, so the tests' `auto candidate = <name>;` also names the std:: template of that name and g++ cannot deduce its type",
};

/**
 * The reverse: an answer that relies on the `using namespace std;` Qwen's scorer adds passes
 * there and fails in the program MultiPL-E runs (the prompt with the answer, no
 * using-directive).
 */
const CPP_NEEDS_STD: Explained = {
  passed: false,
  reason:
    "the answer relies on the `using namespace std;` Qwen's scorer adds: without it (as MultiPL-E runs it) the unqualified call is not the std:: one",
};

/**
 * A body answer given as a block (`{ … }`, the prompt's brace repeated): Qwen's scorer prepends
 * the prompt, whose function then never closes by its brace count, so `extract_func` returns ''
 * and the program is the tests alone ('expected declaration before '}' token'). In MultiPL-E's
 * program the block is a nested block of the function, which is valid C++.
 */
const CPP_BLOCK_BODY: Explained = {
  passed: true,
  reason:
    "the body answer is a `{ … }` block: Qwen's scorer prepends the prompt, its brace count never closes the function, its extraction is empty and only the tests are compiled",
};

/**
 * Qwen's TypeScript scorer prepends the prompt only when the answer lacks the word `function`
 * (`evaluate.py`, `extract_func`): a body answer that defines a nested helper function, or
 * mentions "function" in a comment, is left a bare function body, which tsc rejects at its
 * closing brace (TS1128 'Declaration or statement expected'). Checked by running Qwen's code
 * (commit dc5af29) with its TypeScript 5.5.4: SyntaxError on all six.
 */
const TS_PROMPT_NOT_ADDED: Explained = {
  passed: true,
  reason:
    "the body answer contains the word 'function' (a nested helper or a comment), so Qwen's scorer does not prepend the prompt: tsc rejects the bare body (TS1128)",
};

/**
 * Qwen's Java scorer (`evaluate.py`, `extract_func`) prepends the prompt to a body answer,
 * removes the answer's `main`, then removes a closing-brace line only when the braces balance
 * or leave one open: a body that closes its function and `class Problem` itself leaves one
 * closer too many, and the tests' `main` lands outside the class (javac: 'as of release 1.4,
 * 'assert' is a keyword', 'class, interface, enum, or record expected').
 */
const JAVA_BRACE_SURGERY: Explained = {
  passed: true,
  reason:
    "the body answer closes its function and class Problem; Qwen's brace surgery keeps a closer too many and its program does not compile (the tests' main is outside the class)",
};

/**
 * Qwen's Java runner (`multiple_metrics/eval_java.py`) compiles with javatuples on the
 * CLASSPATH but runs `java -ea -cp <outdir> Problem`: `-cp` replaces the CLASSPATH, so every
 * test that builds a `Pair` fails at start (NoClassDefFoundError: org/javatuples/Pair; checked
 * by running Qwen's runner). passk puts javatuples on both class paths, as MultiPL-E does.
 */
const JAVATUPLES_AT_RUN_TIME: Explained = {
  passed: true,
  reason:
    "Qwen's Java runner leaves javatuples off the run-time class path (-cp replaces CLASSPATH): the tests' Pair fails with NoClassDefFoundError",
};

/**
 * The same rule in Qwen's JavaScript scorer (it looks for `function ` with a space): a body
 * answer that defines a nested helper or says "Complete the function here" in a comment is run
 * without the prompt, a bare body (node: 'SyntaxError: Unexpected token }').
 */
const JS_PROMPT_NOT_ADDED: Explained = {
  passed: true,
  reason:
    "the body answer contains 'function ' (a nested helper or a comment), so Qwen's scorer does not prepend the prompt: node rejects the bare body (SyntaxError: Unexpected token '}')",
};

/**
 * A whole function followed by one closing brace too many (the model closed the prompt's
 * function again): Qwen's JavaScript scorer runs the block as it is (node: 'SyntaxError:
 * Unexpected token }'); passk removes the closers the tests do not need.
 */
const JS_EXTRA_CLOSER: Explained = {
  passed: true,
  reason:
    "the answer's function is followed by a closing brace too many; Qwen's scorer runs it as it is (SyntaxError: Unexpected token '}'), passk balances the braces",
};

/**
 * Qwen's PHP scorer takes the function's name from the prompt's first `function …(` match,
 * which for these prompts is the word "function" in the comment ("Write a function that …");
 * the answer never contains that text, so the prompt is prepended to the answer's whole
 * program, which brings its own `<?php` (PHP Parse error: unexpected token "<"). Run.
 */
const PHP_PROMPT_PREPENDED: Explained = {
  passed: true,
  reason:
    "Qwen's scorer reads the function name from the word 'function' in the prompt's comment, prepends the prompt to the answer's whole program, and the answer's own <?php mid-file is a PHP Parse error",
};

/**
 * A whole function (indented, closed by its own `}`) followed by a lone `}` too many: Qwen's sh
 * scorer cuts the last lone `}` line, which is that extra one, so the function is closed and the
 * tests' leading `}` is a syntax error (bash: 'syntax error near unexpected token `}''; run).
 * passk removes the closers the tests bring themselves.
 */
const SH_EXTRA_CLOSER: Explained = {
  passed: true,
  reason:
    "the answer's whole function is followed by a lone `}` too many; Qwen's scorer cuts only that one, and the tests' leading `}` is then a syntax error",
};

/**
 * A `[[ … ]]` bash cannot parse (arithmetic `+` in it, `|` between tests, an unquoted space in a
 * pattern): bash 5.2 reports
 * 'syntax error in conditional expression' while reading the function and stops with status 0
 * before the tests run, which Qwen's runner (exit code 0 = OK) counts as a pass. passk requires
 * the test function to complete (its sentinel), as the tests never ran.
 */
const SH_TESTS_NEVER_RAN: Explained = {
  passed: false,
  reason:
    "a `[[ … ]]` parse error ('syntax error in conditional expression') ends bash with status 0 before any test ran: Qwen's runner counts the exit code as a pass, passk requires the tests to complete",
};

/** `model/lang` → task → why passk's verdict differs from Qwen's. */
const EXPLAINED: Readonly<Record<string, Readonly<Record<string, Explained>>>> = {
  'llama3/cpp': {
    HumanEval_39_prime_fib: CPP_HELPER_DROPPED,
    HumanEval_75_is_multiply_prime: CPP_HELPER_DROPPED,
    HumanEval_82_prime_length: CPP_HELPER_DROPPED,
    HumanEval_94_skjkasdkd: CPP_HELPER_DROPPED,
    HumanEval_143_words_in_sentence: CPP_HELPER_DROPPED,
    HumanEval_148_bf: CPP_HELPER_DROPPED,
    HumanEval_150_x_or_y: CPP_HELPER_DROPPED,
    HumanEval_34_unique: CPP_STD_NAME_CLASH,
    HumanEval_35_max_element: CPP_STD_NAME_CLASH,
    HumanEval_69_search: CPP_STD_NAME_CLASH,
    HumanEval_110_exchange: CPP_STD_NAME_CLASH,
    HumanEval_0_has_close_elements: {
      ...CPP_NEEDS_STD,
      reason: `${CPP_NEEDS_STD.reason}: abs of a float is C's int abs, the difference is truncated to 0 and an assertion fails`,
    },
  },
  'qwen2/cpp': {
    HumanEval_82_prime_length: CPP_HELPER_DROPPED,
    HumanEval_117_select_words: CPP_HELPER_DROPPED,
    HumanEval_144_simplify: CPP_HELPER_DROPPED,
    HumanEval_94_skjkasdkd: CPP_HELPER_DROPPED,
    HumanEval_96_count_up_to: CPP_HELPER_DROPPED,
    HumanEval_107_even_odd_palindrome: CPP_HELPER_DROPPED,
    HumanEval_127_intersection: CPP_HELPER_DROPPED,
    HumanEval_139_special_factorial: CPP_HELPER_DROPPED,
    HumanEval_34_unique: CPP_STD_NAME_CLASH,
    HumanEval_35_max_element: CPP_STD_NAME_CLASH,
    HumanEval_71_triangle_area: CPP_BLOCK_BODY,
    HumanEval_154_cycpattern_check: CPP_BLOCK_BODY,
    HumanEval_89_encrypt: {
      passed: true,
      reason:
        "the body's first line `std::string encrypted = …` contains the prompt's signature prefix `std::string encrypt`, so Qwen's scorer does not prepend the prompt: the body alone does not compile",
    },
    HumanEval_83_starts_one_ends: {
      ...CPP_NEEDS_STD,
      reason: `${CPP_NEEDS_STD.reason}: to_string is not declared ('did you mean std::__cxx11::to_string')`,
    },
  },
  'llama3/php': {
    HumanEval_72_will_it_fly: PHP_PROMPT_PREPENDED,
    HumanEval_142_sum_squares: PHP_PROMPT_PREPENDED,
    HumanEval_149_sorted_list_sum: PHP_PROMPT_PREPENDED,
  },
  'llama3/java': {
    HumanEval_8_sum_product: JAVATUPLES_AT_RUN_TIME,
    HumanEval_107_even_odd_palindrome: JAVATUPLES_AT_RUN_TIME,
    HumanEval_112_reverse_delete: JAVATUPLES_AT_RUN_TIME,
  },
  'qwen2/java': {
    HumanEval_0_has_close_elements: JAVA_BRACE_SURGERY,
    HumanEval_5_intersperse: JAVA_BRACE_SURGERY,
    HumanEval_7_filter_by_substring: JAVA_BRACE_SURGERY,
    HumanEval_8_sum_product: JAVA_BRACE_SURGERY,
    HumanEval_9_rolling_max: JAVA_BRACE_SURGERY,
    HumanEval_14_all_prefixes: JAVA_BRACE_SURGERY,
    HumanEval_17_parse_music: JAVA_BRACE_SURGERY,
    HumanEval_18_how_many_times: JAVA_BRACE_SURGERY,
    HumanEval_21_rescale_to_unit: JAVA_BRACE_SURGERY,
    HumanEval_26_remove_duplicates: JAVA_BRACE_SURGERY,
    HumanEval_29_filter_by_prefix: JAVA_BRACE_SURGERY,
    HumanEval_30_get_positive: JAVA_BRACE_SURGERY,
    HumanEval_34_unique: JAVA_BRACE_SURGERY,
    HumanEval_41_car_race_collision: JAVA_BRACE_SURGERY,
    HumanEval_42_incr_list: JAVA_BRACE_SURGERY,
    HumanEval_47_median: JAVA_BRACE_SURGERY,
    HumanEval_52_below_threshold: JAVA_BRACE_SURGERY,
    HumanEval_58_common: JAVA_BRACE_SURGERY,
    HumanEval_62_derivative: JAVA_BRACE_SURGERY,
    HumanEval_81_numerical_letter_grade: JAVA_BRACE_SURGERY,
    HumanEval_100_make_a_pile: JAVA_BRACE_SURGERY,
    HumanEval_113_odd_count: JAVA_BRACE_SURGERY,
    HumanEval_149_sorted_list_sum: JAVA_BRACE_SURGERY,
    HumanEval_152_compare: JAVA_BRACE_SURGERY,
    HumanEval_20_find_closest_elements: JAVATUPLES_AT_RUN_TIME,
    HumanEval_107_even_odd_palindrome: JAVATUPLES_AT_RUN_TIME,
    HumanEval_155_even_odd_count: JAVATUPLES_AT_RUN_TIME,
    HumanEval_93_encode: {
      passed: true,
      reason:
        "the answer uses a switch expression (Java 14): Qwen's evaluation installs OpenJDK 11 (multiple_metrics/install.sh), whose javac rejects it ('switch expressions are not supported in -source 11')",
    },
  },
  'qwen2/js': {
    HumanEval_23_strlen: JS_EXTRA_CLOSER,
    HumanEval_31_is_prime: JS_EXTRA_CLOSER,
    HumanEval_72_will_it_fly: JS_EXTRA_CLOSER,
    HumanEval_116_sort_array: JS_EXTRA_CLOSER,
    HumanEval_123_get_odd_collatz: JS_EXTRA_CLOSER,
    HumanEval_78_hex_key: JS_PROMPT_NOT_ADDED,
    HumanEval_106_f: JS_PROMPT_NOT_ADDED,
    HumanEval_113_odd_count: JS_PROMPT_NOT_ADDED,
    HumanEval_139_special_factorial: JS_PROMPT_NOT_ADDED,
    HumanEval_143_words_in_sentence: JS_PROMPT_NOT_ADDED,
  },
  'qwen2/sh': {
    HumanEval_41_car_race_collision: SH_EXTRA_CLOSER,
    HumanEval_94_skjkasdkd: SH_EXTRA_CLOSER,
  },
  'llama3/sh': {
    HumanEval_40_triples_sum_to_zero: SH_TESTS_NEVER_RAN,
    HumanEval_43_pairs_sum_to_zero: SH_TESTS_NEVER_RAN,
    HumanEval_91_is_bored: SH_TESTS_NEVER_RAN,
    HumanEval_92_any_int: SH_TESTS_NEVER_RAN,
    HumanEval_117_select_words: SH_TESTS_NEVER_RAN,
    HumanEval_140_fix_spaces: SH_TESTS_NEVER_RAN,
  },
  'qwen2/ts': {
    HumanEval_2_truncate_number: TS_PROMPT_NOT_ADDED,
    HumanEval_72_will_it_fly: TS_PROMPT_NOT_ADDED,
    HumanEval_106_f: TS_PROMPT_NOT_ADDED,
    HumanEval_127_intersection: TS_PROMPT_NOT_ADDED,
    HumanEval_146_specialFilter: TS_PROMPT_NOT_ADDED,
    HumanEval_150_x_or_y: TS_PROMPT_NOT_ADDED,
  },
};

/**
 * Passes of Qwen's scorer (dc5af29) reproduced per sample, where they differ from the published
 * figure by more than 2 points: passk, after the EXPLAINED samples, must match them exactly.
 */
const REPRODUCED_PASSES: Readonly<Record<string, number>> = {
  'qwen2/cpp': 79,
  'qwen2/sh': 53,
  'llama3/sh': 39,
};

interface ResultLine {
  readonly task_id: string;
  readonly status: string;
  readonly passed: boolean;
  readonly detail: string;
  readonly stdout_tail?: string;
  readonly reference?: { readonly passed: boolean };
}

const readLines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

const full = testScope() === 'full';

/** The note of a verdict an isolated or output judge gave (`ISOLATED_NOTE` of @passk/languages). */
const ISOLATED = /\(tests run in a process apart from the program's;/;

/** passk's language id of each MultiPL-E / HumanEval-X code in CHAT_LANGUAGES. */
const LANGUAGE_IDS: Readonly<Record<string, string>> = {
  cs: 'csharp',
  js: 'javascript',
  sh: 'shell',
  ts: 'typescript',
};

describe.each(
  CHAT_MODELS.flatMap((model) => CHAT_LANGUAGES.map((entry) => [model, entry] as const)),
)('chat parity %s', (model: ChatModel, { lang, dataset }) => {
  const every = QUICK_EVERY[lang] ?? 16;
  it(`${lang}: ${full ? 'pass@1 within 2 points of the published one' : `explained samples (quick scope: every ${every}th task)`}`, async (context) => {
    const skip =
      (await toolchainSkipReason(LANGUAGE_IDS[lang] ?? lang)) ??
      (lang === 'python' ? await numpySkipReason('HumanEval-X Python chat parity') : undefined);
    if (skip !== undefined) return context.skip(skip);
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
      // No real answer is refused by an isolated or output judge (tests run apart from the
      // program) that its reference rule passes: any would be listed here, with the reason.
      const apart = results
        .filter((line) => !line.passed && line.reference?.passed && ISOLATED.test(line.detail))
        .map((line) => `${line.task_id}: ${line.detail}`);
      expect(apart).toEqual([]);
      const summary = JSON.parse(result.stdout);
      const passed = results.filter((line) => line.passed).length;
      console.log(
        `${model} ${lang}: ${passed}/${results.length} passed; strategies ${JSON.stringify(summary.generation?.strategies)}`,
      );
      if (!full) {
        expect(passed, 'passes in the quick subset').toBe(QUICK_PASSED[`${model}/${lang}`]);
        return;
      }
      const extra = Object.values(explained).reduce(
        (sum, entry) => sum + (entry.passed ? 1 : -1),
        0,
      );
      const reproduced = REPRODUCED_PASSES[`${model}/${lang}`];
      if (reproduced !== undefined) {
        expect(passed - extra, "Qwen's scorer reproduced per sample").toBe(reproduced);
        return;
      }
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
