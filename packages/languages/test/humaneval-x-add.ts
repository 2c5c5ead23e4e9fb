import type { Program } from '@passk/core';

/**
 * HumanEval-X's problem 53 ("add two numbers x and y") in one language, as CodeGeeX's
 * `process_humaneval_test` assembles it (see `buildHumanEvalXProgram` in @passk/datasets):
 * `setup + prompt + generation + after`, where `setup` is C++'s standard includes the prompt
 * lacks and `"\n"`, Go's `test_setup` and `"\n"`, Rust's `"\nfn main(){ \n } \n"`; the
 * prompt is Rust's declaration and prompt; `after` is `"\n"` (not for Rust) and the tests.
 */
export interface HumanEvalXAdd {
  readonly taskId: string;
  /** passk language id. */
  readonly language: string;
  /** File of the program (CodeGeeX's name where it has one). */
  readonly mainFile: string;
  /** What CodeGeeX puts before the prompt. */
  readonly setup: string;
  /** The problem's prompt. */
  readonly prompt: string;
  /** What follows the generation: the tests. */
  readonly after: string;
}

/** Problem 53 of HumanEval-X per passk language id. */
export const HUMANEVAL_X_ADD = {
  javascript: {
    taskId: 'JavaScript/53',
    language: 'javascript',
    mainFile: 'test.js',
    setup: '',
    prompt:
      '/*Add two numbers x and y\n  >>> add(2, 3)\n  5\n  >>> add(5, 7)\n  12\n  */\nconst add = (x, y) => {\n',
    after:
      '\nconst testAdd = () => {\n  const getRandomIntInclusive = (min = 0, max = 9) => {\n    min = Math.ceil(min)\n    max = Math.floor(max)\n    return Math.floor(Math.random() * (max - min + 1)) + min //\u542b\u6700\u5927\u503c\uff0c\u542b\u6700\u5c0f\u503c\n  }\n\n  console.assert(add(0, 1) === 1)\n  console.assert(add(1, 0) === 1)\n  console.assert(add(2, 3) === 5)\n  console.assert(add(5, 7) === 12)\n  console.assert(add(7, 5) === 12)\n\n  for (let i = 0; i < 100; i++) {\n    let x = getRandomIntInclusive()\n    let y = getRandomIntInclusive()\n    console.assert(x + y === add(x, y))\n  }\n}\n\ntestAdd()\n',
  },
  cpp: {
    taskId: 'CPP/53',
    language: 'cpp',
    mainFile: 'test.cpp',
    setup:
      '#include<algorithm>\n#include<math.h>\n#include<vector>\n#include<string>\n#include<climits>\n#include<cstring>\n#include<iostream>\n\n',
    prompt:
      '/*\nAdd two numbers x and y\n>>> add(2, 3)\n5\n>>> add(5, 7)\n12\n*/\n#include<stdio.h>\n#include<stdlib.h>\nusing namespace std;\nint add(int x,int y){\n',
    after:
      '\n#undef NDEBUG\n#include<assert.h>\nint main(){\n    assert (add(0, 1) == 1);\n    assert (add(1, 0) == 1);\n    assert (add(2, 3) == 5);\n    assert (add(5, 7) == 12);\n    assert (add(7, 5) == 12);\n    for (int i=0;i<100;i+=1)\n    {\n        int x=rand()%1000;\n        int y=rand()%1000;\n        assert (add(x, y) == x + y);\n    }\n}\n',
  },
  java: {
    taskId: 'Java/53',
    language: 'java',
    mainFile: 'Main.java',
    setup: '',
    prompt:
      'import java.util.*;\nimport java.lang.*;\n\nclass Solution {\n    /**\n    Add two numbers x and y\n    >>> add(2, 3)\n    5\n    >>> add(5, 7)\n    12\n     */\n    public int add(int x, int y) {\n',
    after:
      '\npublic class Main {\n    public static void main(String[] args) {\n        Solution s = new Solution();\n        Random rand = new Random(42);\n        List<Boolean> correct = Arrays.asList(\n                s.add(0, 1) == 1,\n                s.add(1, 0) == 1,\n                s.add(2, 3) == 5,\n                s.add(5, 7) == 12,\n                s.add(7, 5) == 12\n        );\n        if (correct.contains(false)) {\n            throw new AssertionError();\n        }\n        for (int i = 0; i < 100; i++) {\n            int x = rand.nextInt(1000), y = rand.nextInt(1000);\n            if (s.add(x, y) != x + y) {\n                throw new AssertionError();\n            }\n        }\n    }\n}',
  },
  go: {
    taskId: 'Go/53',
    language: 'go',
    mainFile: 'main_test.go',
    setup:
      'package main\n\nimport (\n    "testing"\n    "math/rand"\n    "github.com/stretchr/testify/assert"\n)\n\n',
    prompt:
      '\n// Add two numbers x and y\n// >>> Add(2, 3)\n// 5\n// >>> Add(5, 7)\n// 12\nfunc Add(x int, y int) int {\n',
    after:
      '\nfunc TestAdd(t *testing.T) {\n    assert := assert.New(t)\n    assert.Equal(1, Add(0, 1))\n    assert.Equal(1, Add(1, 0))\n    assert.Equal(5, Add(2, 3))\n    assert.Equal(12, Add(5, 7))\n    assert.Equal(12, Add(7, 5))\n    for i := 0; i < 100; i++ {\n        x := rand.Int31n(1000)\n        y := rand.Int31n(1000)\n        assert.Equal(int(x+y), Add(int(x), int(y)))\n    }\n}\n',
  },
  rust: {
    taskId: 'Rust/53',
    language: 'rust',
    mainFile: 'main.rs',
    setup: '\nfn main(){ \n } \n',
    prompt:
      '\nuse std::{slice::Iter, cmp::{max, self}, mem::replace, collections::{HashSet, HashMap}, ops::Index, ascii::AsciiExt};\nuse rand::Rng;\nuse regex::Regex;\nuse md5;\nuse std::any::{Any, TypeId};\n\nfn add(x:i32, y:i32) -> i32{\n\n\n/*\nAdd two numbers x and y\n*/\n',
    after:
      '\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn test_add() {\n        assert!(add(0, 1) == 1);\n        assert!(add(1, 0) == 1);\n        assert!(add(2, 3) == 5);\n        assert!(add(5, 7) == 12);\n        assert!(add(7, 5) == 12);\n        for _ in 0..100 {\n            let mut rng = rand::thread_rng();\n            let mut x: i32 = rng.gen();\n            x = x % 1000;\n            let mut y: i32 = rng.gen();\n            y = y % 1000;\n\n            assert!(add(x, y) == x + y);\n        }\n    }\n\n}\n',
  },
} as const satisfies Readonly<Record<string, HumanEvalXAdd>>;

/**
 * The program CodeGeeX runs for `generation` (a function body and the closing brace, or for
 * Go code that may bring its own `import` lines after the setup's), judged by the language's
 * `humaneval-x` rule with HumanEval-X's 5 s limit unless `timeoutMs` is given.
 */
export function humanEvalXProgram(
  add: HumanEvalXAdd,
  generation: string,
  timeoutMs = 5000,
): Program {
  return {
    language: add.language,
    files: [{ path: add.mainFile, contents: `${add.setup}${add.prompt}${generation}${add.after}` }],
    mainFile: add.mainFile,
    judge: 'humaneval-x',
    timeoutMs,
  };
}

/**
 * The program CodeGeeX runs for a whole-program `solution` (it replaces prompt + generation):
 * `setup + solution + after`. For C++, `setup` holds the includes the prompt lacks, which are
 * the ones CodeGeeX adds when the solution includes what the prompt does; for Go, a solution
 * may add its own `import` lines after the setup's (it must not use the packages CodeGeeX would
 * import for it).
 */
export function humanEvalXSolution(
  add: HumanEvalXAdd,
  solution: string,
  timeoutMs = 5000,
): Program {
  return humanEvalXProgram({ ...add, prompt: '' }, solution, timeoutMs);
}
