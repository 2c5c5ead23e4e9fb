import type { Problem } from '@passk/core';
import { describe, expect, it } from 'vitest';
import { extractCode } from '../src/extract/extract-code.ts';
import { fencedBlocks } from '../src/extract/fenced-blocks.ts';
import { stripReasoning } from '../src/extract/strip-reasoning.ts';

const problem = (
  language: string,
  prompt: string,
  entryPoint: string,
  stopSequences: string[] = [],
): Problem => ({
  id: `${language}/0`,
  datasetId: 'test',
  language,
  prompt,
  entryPoint,
  tests: '',
  stopSequences,
  metadata: {},
});

const PY = problem(
  'python',
  'from typing import List\n\n\ndef below_zero(operations: List[int]) -> bool:\n    """Return True if the balance ever falls below zero."""\n',
  'below_zero',
  ['\nclass', '\ndef', '\n#', '\nif', '\nprint'],
);

describe('Python chat answers', () => {
  it('prose around one fenced block with a whole program, example usage and a main guard: a sanitized solution', () => {
    const answer = [
      "Here's a solution that tracks the running balance:",
      '',
      '```python',
      'from typing import List',
      '',
      'def below_zero(operations: List[int]) -> bool:',
      '    balance = 0',
      '    for op in operations:',
      '        balance += op',
      '        if balance < 0:',
      '            return True',
      '    return False',
      '',
      'print(below_zero([1, 2, -4]))',
      'assert below_zero([1, 2]) is True  # a wrong example the model made up',
      '',
      'if __name__ == "__main__":',
      '    import doctest',
      '    doctest.testmod()',
      '```',
      '',
      'The function runs in O(n) time.',
    ].join('\n');
    const result = extractCode(PY, answer);
    expect(result).toMatchObject({
      kind: 'solution',
      strategy: 'fenced-block:program',
      foundCode: true,
    });
    expect(result.code).toContain('def below_zero(operations: List[int]) -> bool:');
    expect(result.code).toContain('from typing import List');
    expect(result.code).not.toContain('print(');
    expect(result.code).not.toContain('assert below_zero');
    expect(result.code).not.toContain('__main__');
  });

  it('keeps a helper the entry point calls, defined in a separate block, and drops an unused one', () => {
    const answer = [
      'First a helper:',
      '```python',
      'def running_sums(values):',
      '    total = 0',
      '    for value in values:',
      '        total += value',
      '        yield total',
      '```',
      'Then the function itself:',
      '```python',
      'def below_zero(operations):',
      '    return any(total < 0 for total in running_sums(operations))',
      '',
      'def unused_debug_helper():',
      '    return 42',
      '```',
      'And some tests:',
      '```python',
      'assert below_zero([1, -2])',
      '```',
    ].join('\n');
    const result = extractCode(PY, answer);
    expect(result.kind).toBe('solution');
    expect(result.strategy).toBe('fenced-blocks:program');
    expect(result.code).toContain('def running_sums(values):');
    expect(result.code).toContain('def below_zero(operations):');
    expect(result.code).not.toContain('unused_debug_helper');
    expect(result.code).not.toContain('assert');
    // the prompt's import comes along
    expect(result.code.startsWith('from typing import List')).toBe(true);
  });

  it('a thinking trace with code in it is removed before choosing the block', () => {
    const answer = [
      '<think>',
      'Maybe a first attempt:',
      '```python',
      'def below_zero(operations):',
      '    return sum(operations) < 0  # wrong: only the final balance',
      '```',
      'No, the balance can dip and recover.',
      '</think>',
      '```python',
      'def below_zero(operations):',
      '    balance = 0',
      '    for op in operations:',
      '        balance += op',
      '        if balance < 0:',
      '            return True',
      '    return False',
      '```',
    ].join('\n');
    const result = extractCode(PY, answer);
    expect(result.strategy).toBe('fenced-block:program+reasoning-stripped');
    expect(result.code).toContain('balance += op');
    expect(result.code).not.toContain('sum(operations)');
  });

  it('a trace opened by the chat template (only the closing tag in the answer)', () => {
    const stripped = stripReasoning(
      'the balance must be tracked...\n</think>\n\n```python\nx = 1\n```',
    );
    expect(stripped).toEqual({ text: '```python\nx = 1\n```', stripped: true });
  });

  it('an unclosed trace (cut off by the token limit) leaves no code', () => {
    const result = extractCode(
      PY,
      '<think>\nLet me think about balances. ```python\ndef below_zero(o):',
    );
    expect(result).toEqual({
      code: '',
      kind: 'completion',
      strategy: 'no-code+reasoning-stripped',
      foundCode: false,
    });
  });

  it('an answer that repeats the prompt, then example usage: a whole program, sanitized', () => {
    const answer = `\`\`\`python\n${PY.prompt}    balance = 0\n    for op in operations:\n        balance += op\n        if balance < 0:\n            return True\n    return False\n\nprint(below_zero([1, -2]))\n\`\`\``;
    const result = extractCode(PY, answer);
    expect(result).toMatchObject({ kind: 'solution', strategy: 'fenced-block:program' });
    expect(result.code).toContain('    balance = 0');
    expect(result.code).toContain('Return True if the balance ever falls below zero.');
    expect(result.code).not.toContain('print(');
  });

  it('a repeated prompt that does not define the entry point is stripped, leaving a completion', () => {
    const p = problem('python', '# Write the body of solve below\n', 'solve');
    const result = extractCode(p, '```python\n# Write the body of solve below\n    return 42\n```');
    expect(result).toMatchObject({
      kind: 'completion',
      strategy: 'fenced-block:prompt-stripped',
      code: '    return 42',
    });
  });

  it('a body only, written at column 0: indented to the function level', () => {
    const result = extractCode(
      PY,
      'Use a running total:\n```python\nbalance = 0\nfor op in operations:\n    balance += op\n    if balance < 0:\n        return True\nreturn False\n```',
    );
    expect(result).toMatchObject({ kind: 'completion', strategy: 'fenced-block:body' });
    expect(result.code.split('\n')[0]).toBe('    balance = 0');
    expect(result.code.split('\n')[2]).toBe('        balance += op');
  });

  it('no code at all: nothing found, the empty completion', () => {
    const result = extractCode(
      PY,
      "I'm sorry, but I can't help with that request. Could you clarify what 'balance' means?",
    );
    expect(result).toEqual({ code: '', kind: 'completion', strategy: 'no-code', foundCode: false });
  });

  it('an unfenced program is taken whole', () => {
    const result = extractCode(
      PY,
      'def below_zero(operations):\n    return min([0] + list(__import__("itertools").accumulate(operations))) < 0\n',
    );
    expect(result).toMatchObject({ kind: 'solution', strategy: 'unfenced:program' });
  });

  it('a fence cut off by the token limit still yields its code', () => {
    const blocks = fencedBlocks('Sure:\n```python\ndef below_zero(o):\n    return False\n');
    expect(blocks).toEqual([
      { tag: 'python', code: 'def below_zero(o):\n    return False', closed: false },
    ]);
  });

  it('adds helpers the prompt defines and the tests call (HumanEval/38 style)', () => {
    const prompt =
      'def encode_cyclic(s: str):\n    """returns encoded string."""\n    return s[1:] + s[:1]\n\n\ndef decode_cyclic(s: str):\n    """takes as input string encoded with encode_cyclic function."""\n';
    const p = problem('python', prompt, 'decode_cyclic');
    const result = extractCode(
      p,
      '```python\ndef decode_cyclic(s: str):\n    return s[-1:] + s[:-1]\n```',
    );
    expect(result.kind).toBe('solution');
    expect(result.code).toContain('def encode_cyclic(s: str):');
    expect(result.code.indexOf('encode_cyclic')).toBeLessThan(
      result.code.indexOf('def decode_cyclic'),
    );
  });
});

const JS = problem('javascript', '//Return the sum of a and b.\nfunction add(a, b){\n', 'add', [
  '\nfunction ',
  '\n/*',
  '\n//',
  '\nconsole.log',
]);
const TS = problem(
  'typescript',
  '//Return the sum of a and b.\nfunction add(a: number, b: number): number {\n',
  'add',
  ['\nfunction ', '\n/*', '\n//', '\nclass'],
);
const CPP = problem(
  'cpp',
  '#include<assert.h>\n#include<bits/stdc++.h>\n// Return the sum of a and b.\nlong add(long a, long b) {\n',
  'add',
  ['\n}'],
);
const JAVA = problem(
  'java',
  'import java.util.*;\nclass Problem {\n    public static long add(long a, long b) {\n',
  'add',
  ['\n    }\n'],
);
const GO = problem(
  'go',
  'package add_test\n\nimport (\n    "testing"\n)\n\n// Return the sum of a and b.\nfunc Add(a int, b int) int {\n',
  'Add',
  ['\nfunc', 'struct', '\n// '],
);
const RUST = problem(
  'rust',
  '/// Return the sum of a and b.\nfn add(a: isize, b: isize) -> isize {\n',
  'add',
  ['\n}'],
);

describe('other languages', () => {
  it('JavaScript: several blocks (a usage example first), the defining one wins; prose ignored', () => {
    const answer =
      'You can call it like this:\n```js\nconsole.log(add(1, 2));\n```\nImplementation:\n```javascript\nfunction add(a, b){\n  return a + b;\n}\n```\nHope this helps!';
    const result = extractCode(JS, answer);
    expect(result).toMatchObject({ kind: 'solution', strategy: 'fenced-block:program' });
    expect(result.code).toBe('function add(a, b){\n  return a + b;\n}');
  });

  it('TypeScript: an answer repeating the prompt becomes a completion cut at the stop sequences', () => {
    const answer = `\`\`\`typescript\n${TS.prompt}  return a + b;\n}\n\nfunction helperNotNeeded(): void {}\n\`\`\``;
    const result = extractCode(TS, answer);
    expect(result).toMatchObject({ kind: 'completion', strategy: 'fenced-block:prompt-stripped' });
    expect(result.code).toBe('  return a + b;\n}\n');
  });

  it('Java: an answer repeating the prompt with a helper after the function keeps the helper (not cut at the stop sequences)', () => {
    const helper =
      '\n    static boolean isPrime(long n) {\n        if (n < 2) {\n            return false;\n        }\n        return true;\n    }\n}';
    const answer = `\`\`\`java\n${JAVA.prompt}        if (isPrime(a)) {\n            return a + b;\n        }\n        return b;\n    }\n${helper}\n\`\`\``;
    const result = extractCode(JAVA, answer);
    expect(result).toMatchObject({ kind: 'completion', strategy: 'fenced-block:prompt-stripped' });
    expect(result.code).toContain('static boolean isPrime(long n) {');
    // A helper nobody calls is still cut away with what follows the function.
    const unused = answer.replace('if (isPrime(a))', 'if (a > 0)');
    expect(extractCode(JAVA, unused).code).toBe(
      '        if (a > 0) {\n            return a + b;\n        }\n        return b;',
    );
  });

  it('C++: a whole program with its own main keeps the function and drops main', () => {
    const answer =
      '<think>simple addition</think>\nHere is the code:\n```cpp\n#include <bits/stdc++.h>\nusing namespace std;\n\nlong add(long a, long b) {\n    return a + b;\n}\n\nint main() {\n    cout << add(1, 2) << endl;\n    return 0;\n}\n```';
    const result = extractCode(CPP, answer);
    expect(result).toMatchObject({
      kind: 'solution',
      strategy: 'fenced-block:program+reasoning-stripped',
    });
    expect(result.code).toContain('long add(long a, long b) {');
    expect(result.code).not.toContain('int main');
  });

  it('C++: a call inside an if is not mistaken for the definition', () => {
    const answer = '```cpp\nif (add(1, 2) == 3) { puts("ok"); }\n```';
    expect(extractCode(CPP, answer).kind).toBe('completion');
  });

  it('Java: the method inside a class is found (solution), a body alone is a completion', () => {
    const whole =
      '```java\nimport java.util.*;\n\nclass Problem {\n    public static long add(long a, long b) {\n        return a + b;\n    }\n}\n```';
    expect(extractCode(JAVA, whole)).toMatchObject({
      kind: 'solution',
      strategy: 'fenced-block:program',
    });
    const body = 'Just return the sum:\n```java\n        return a + b;\n```';
    expect(extractCode(JAVA, body)).toEqual({
      code: '        return a + b;',
      kind: 'completion',
      strategy: 'fenced-block:body',
      foundCode: true,
    });
  });

  it('Go: a program with func main drops main; a block tagged golang counts as Go', () => {
    const answer =
      '```golang\npackage main\n\nimport "fmt"\n\nfunc Add(a int, b int) int {\n\treturn a + b\n}\n\nfunc main() {\n\tfmt.Println(Add(1, 2))\n}\n```';
    const result = extractCode(GO, answer);
    expect(result.kind).toBe('solution');
    expect(result.code).toContain('func Add(a int, b int) int {');
    expect(result.code).not.toContain('func main');
  });

  it('Rust: prefers the rust block over a shell block, and strips fn main', () => {
    const answer =
      'Build with:\n```bash\ncargo run\n```\n```rust\nfn add(a: isize, b: isize) -> isize {\n    a + b\n}\n\nfn main() {\n    println!("{}", add(1, 2));\n}\n```';
    const result = extractCode(RUST, answer);
    expect(result.kind).toBe('solution');
    expect(result.code.trim()).toBe('fn add(a: isize, b: isize) -> isize {\n    a + b\n}');
  });

  it("Shell (passk's `shell` id): a body that names the entry point in a comment stays a body", () => {
    const shell = problem('shell', '#!/bin/bash\n# Unique words of $1.\nunique() {\n', 'unique');
    const answer =
      "```sh\n    # Return the unique words\n    echo \"$1\" | tr ' ' '\\n' | sort -u\n}\n```";
    const result = extractCode(shell, answer);
    expect(result.kind).toBe('completion');
    expect(result.strategy).toBe('fenced-block:body');
  });

  it('no code in any language: nothing found', () => {
    for (const p of [JS, TS, CPP, JAVA, GO, RUST]) {
      expect(extractCode(p, 'The answer is simply the sum of the two numbers.').foundCode).toBe(
        false,
      );
    }
  });
});
