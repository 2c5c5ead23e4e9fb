/**
 * Rust's output judge (`src/rust/rust-output-judge.ts`) keeps every honest verdict: programs in
 * MultiPL-E's shape whose values `assert_eq!` calls equal (HashMaps in any order, sets, floats
 * -0.0 and 0.0, nested containers, Option, non-ASCII and escaped strings, a chat answer's own
 * types such as `&str` for `String` or a type alias of its own, state kept from call to call)
 * pass both the reference run and the judge; a value the printer cannot see (a type whose
 * `PartialEq` is always true) or one that differs from the reference's fails the judge, with
 * MultiPL-E's pass kept aside. Run through the real executor in the sandbox.
 */
import type { Language } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_JUDGE_STEPS } from '../src/internal/output-judge.ts';
import { createRustLanguage } from '../src/rust/create-rust-language.ts';
import { judgeProgram, program, skipReason, testExecutor } from './run-program.ts';

/** MultiPL-E's Rust program: `code` (prompt + completion, closed), then its tests of `entry`. */
function multiplERust(code: string, entry: string, checks: readonly string[]): string {
  const asserts = checks.map((check) => `    assert_eq!(${check});`);
  return [code, '', 'fn main() {', `    let candidate = ${entry};`, ...asserts, '}', ''].join('\n');
}

const HONEST: readonly [string, string, string, readonly string[]][] = [
  [
    'HashMaps in any order, sets, floats -0.0 and 0.1 + 0.2, Option, non-ASCII and escaped strings',
    [
      'use std::collections::{HashMap, HashSet};',
      'fn shapes(n: isize) -> (HashMap<String, Vec<Option<f64>>>, HashSet<char>, String) {',
      '    let mut map = HashMap::new();',
      '    for i in 0..n {',
      '        map.insert(format!("clé{}", i), vec![Some(-0.0), None, Some(0.1 + 0.2)]);',
      '    }',
      '    (map, "été".chars().collect(), String::from("ü\\"\\\\\\n\\u{1F600}"))',
      '}',
    ].join('\n'),
    'shapes',
    [
      'candidate(3), (HashMap::from([(String::from("clé2"), vec![Some(0.0), None, Some(0.30000000000000004)]), (String::from("clé0"), vec![Some(0.0), None, Some(0.30000000000000004)]), (String::from("clé1"), vec![Some(0.0), None, Some(0.30000000000000004)])]), HashSet::from([\'t\', \'é\']), String::from("ü\\"\\\\\\n😀"))',
      "candidate(0), (HashMap::new(), HashSet::from(['é', 't']), String::from(\"ü\\\"\\\\\\n😀\"))",
    ],
  ],
  [
    "a chat answer's own types: &str for String, i32 for isize, a type alias of its own",
    [
      "type Words = Vec<&'static str>;",
      'fn words(n: i32) -> Words {',
      '    ["one", "two", "three"][..n as usize].to_vec()',
      '}',
    ].join('\n'),
    'words',
    ['candidate(2), vec![String::from("one"), String::from("two")]', 'candidate(1), vec!["one"]'],
  ],
  [
    'state kept from call to call, output of its own, a panic it catches',
    [
      'use std::sync::atomic::{AtomicUsize, Ordering};',
      'static CALLS: AtomicUsize = AtomicUsize::new(0);',
      'fn next(step: usize) -> Option<usize> {',
      '    println!("[\\"forged\\"]");',
      '    let _ = std::panic::catch_unwind(|| panic!("caught"));',
      '    Some(CALLS.fetch_add(step, Ordering::SeqCst) + step)',
      '}',
    ].join('\n'),
    'next',
    ['candidate(1), Some(1)', 'candidate(2), Some(3)', 'candidate(0), Some(3)'],
  ],
];

/** [name, code, entry, checks, the judge's status] of programs MultiPL-E passes. */
const DISHONEST: readonly [string, string, string, readonly string[], string][] = [
  [
    'a return type whose PartialEq is always true',
    [
      '#[derive(Debug)]',
      'struct Anything;',
      'impl PartialEq<isize> for Anything {',
      '    fn eq(&self, _: &isize) -> bool { true }',
      '}',
      'fn add(x: isize, y: isize) -> Anything {',
      '    Anything',
      '}',
    ].join('\n'),
    'add',
    ['candidate(2, 3), 5'],
    'compile_error',
  ],
  [
    'an answer that is right only where the tests are in its work area (the judge runs it again, without them)',
    [
      'fn stamp(x: isize) -> isize {',
      '    if std::path::Path::new("passk-values.json").exists() || std::fs::read_to_string("main.rs").map_or(false, |s| s.contains(concat!("assert_eq!(", "candidate"))) { x } else { x + 1 }',
      '}',
    ].join('\n'),
    'stamp',
    ['candidate(1), 1'],
    'failed',
  ],
];

const language: Language = createRustLanguage();
const executor = testExecutor();
let skip: string | undefined;
let toolchain: Awaited<ReturnType<Language['detect']>>;
beforeAll(async () => {
  toolchain = await language.detect();
  skip = skipReason('rust', toolchain);
});
afterAll(() => executor.close());

type Case = readonly [
  name: string,
  status: string,
  code: string,
  entry: string,
  checks: readonly string[],
];
/** The honest programs pass; MultiPL-E passes the others, which get the judge's status. */
const CASES: readonly Case[] = [
  ...HONEST.map(
    ([name, code, entry, checks]): Case => [`passes ${name}`, 'passed', code, entry, checks],
  ),
  ...DISHONEST.map(
    ([name, code, entry, checks, judged]): Case => [`refuses ${name}`, judged, code, entry, checks],
  ),
];

describe("Rust's output judge keeps every honest verdict", () => {
  it.for(CASES)('%s (%s)', async ([, status, code, entry, checks], context) => {
    if (skip) return context.skip(skip);
    const target = program('rust', 'main.rs', 'multipl-e', multiplERust(code, entry, checks), 5000);
    const { verdict, result } = await judgeProgram(language, toolchain, executor, target, 4);
    const expected = result.steps.find((step) => step.name === OUTPUT_JUDGE_STEPS.expected);
    expect(expected?.exitCode).toBe(0);
    expect(verdict.status).toBe(status);
    expect(verdict.reference?.status).toBe(status === 'passed' ? undefined : 'passed');
  });
});
