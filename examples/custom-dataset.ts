// A benchmark of your own: three problems in Python and JavaScript, checked with the dataset
// conformance kit, scored with the reference model (all pass) and from a samples file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineDataset, evaluate, run } from 'passk';
import { checkDataset } from 'passk/testing';

// One problem a line: signature | reference solution | what its test asserts.
const TABLES = {
  python: `digit_sum(n) | return sum(int(c) for c in str(abs(n))) | candidate(-907) == 16 and candidate(0) == 0
run_lengths(s) | return [len(list(g)) for _, g in __import__("itertools").groupby(s)] | candidate("aabccc") == [2, 1, 3]
rotate(xs, k) | return xs[k % len(xs):] + xs[:k % len(xs)] if xs else [] | candidate([1, 2, 3], 4) == [2, 3, 1]`,
  javascript: `digitSum(n) | return [...String(Math.abs(n))].reduce((s, c) => s + Number(c), 0); | candidate(-907) === 16
runLengths(s) | return (s.match(/(.)\\1*/g) ?? []).map((r) => r.length); | candidate("aabccc").join() === "2,1,3"
rotate(xs, k) | const i = xs.length ? k % xs.length : 0; return [...xs.slice(i), ...xs.slice(0, i)]; | candidate([1, 2, 3], 4).join() === "2,3,1"`,
};
// Programs in MultiPL-E's shape, which the Python `script` and JavaScript `multipl-e` judges read.
const LANGUAGES = {
  python: {
    prompt: (signature: string) => `def ${signature}:\n`,
    body: (code: string) => `    ${code}\n`,
    tests: (f: string, test: string) =>
      `\ndef check(candidate):\n    assert ${test}\n\ndef test_check():\n    check(${f})\n\ntest_check()\n`,
  },
  javascript: {
    prompt: (signature: string) => `function ${signature} {\n`,
    body: (code: string) => `  ${code}\n}\n`,
    tests: (f: string, test: string) =>
      `const assert = require("node:assert");\nfunction test() {\n  let candidate = ${f};\n  assert.ok(${test});\n}\n\ntest();\n`,
  },
};
const problems = Object.entries(LANGUAGES).flatMap(([language, { prompt, body, tests }]) =>
  TABLES[language as keyof typeof TABLES].split('\n').map((line) => {
    const [signature = '', code = '', test = ''] = line.split(' | ');
    const entryPoint = signature.split('(')[0] ?? '';
    const common = { id: `${language}/${entryPoint}`, language, entryPoint, metadata: {} };
    const texts = { prompt: prompt(signature), tests: tests(entryPoint, test) };
    return { ...common, ...texts, referenceCompletion: body(code), stopSequences: [] };
  }),
);
const dataset = defineDataset({
  id: 'my-bench',
  problems,
  buildProgram: ({ language, prompt, tests }, { code, kind }) => ({
    language,
    files: [{ path: 'main', contents: `${kind === 'solution' ? '' : prompt}${code}\n${tests}` }],
    mainFile: 'main',
    judge: language === 'python' ? 'script' : 'multipl-e',
    timeoutMs: 10_000,
  }),
});

const wrong = { python: '    return None\n', javascript: '  return null;\n}\n' };
const mustFail = problems.map((p) => ({ taskId: p.id, completion: wrong[p.language as 'python'] }));
const check = await checkDataset(dataset, { mustFail });
if (!check.ok) throw new Error(`dataset check failed:\n${check.problems.join('\n')}`);
const dir = mkdtempSync(join(tmpdir(), 'passk-example-'));
try {
  const reference = await run({ dataset, model: 'reference', out: join(dir, 'reference') });
  if (reference.summary.pass_at_k['1']?.estimate !== 1) throw new Error('a reference failed');
  // Replayed samples: the Python references, a wrong answer to each JavaScript problem.
  const samples = problems.map(({ id, language, referenceCompletion }) => ({
    task_id: id,
    completion: language === 'python' ? referenceCompletion : wrong.javascript,
  }));
  writeFileSync(join(dir, 'samples.jsonl'), samples.map((s) => JSON.stringify(s)).join('\n'));
  const replayed = { dataset, samples: join(dir, 'samples.jsonl'), k: [1], out: join(dir, 'r') };
  const passAt1 = (await evaluate(replayed)).summary.pass_at_k['1']?.estimate;
  if (passAt1 !== 0.5) throw new Error(`expected pass@1 = 0.5 from the samples, got ${passAt1}`);
  console.log(`my-bench: ${check.counts.problems} problems, references pass, samples pass@1 = 0.5`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
