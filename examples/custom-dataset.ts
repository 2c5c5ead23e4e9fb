// A benchmark of your own in Python and JavaScript: conformance kit, reference run, samples file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineDataset, evaluate, run } from 'passk';
import { checkDataset } from 'passk/testing';

// One problem a line: signature | reference solution | what its test asserts. Programs have
// MultiPL-E's shape, which the Python `script` and JavaScript `multipl-e` judges read.
const LANGUAGES = {
  python: [
    'script|def {S}:\n|    {C}\n|    return None\n',
    '\ndef check(candidate):\n    assert {T}\n\ndef test_check():\n    check({F})\n\ntest_check()\n',
    `digit_sum(n) | return sum(int(c) for c in str(abs(n))) | candidate(-907) == 16 and candidate(0) == 0
run_lengths(s) | return [len(list(g)) for _, g in __import__("itertools").groupby(s)] | candidate("aabccc") == [2, 1, 3]
rotate(xs, k) | return xs[k % len(xs):] + xs[:k % len(xs)] if xs else [] | candidate([1, 2, 3], 4) == [2, 3, 1]`,
  ],
  javascript: [
    'multipl-e|function {S} {\n|  {C}\n}\n|  return null;\n}\n',
    'const assert = require("node:assert");\nfunction test() {\n  let candidate = {F};\n  assert.ok({T});\n}\n\ntest();\n',
    `digitSum(n) | return [...String(Math.abs(n))].reduce((s, c) => s + Number(c), 0); | candidate(-907) === 16
runLengths(s) | return (s.match(/(.)\\1*/g) ?? []).map((r) => r.length); | candidate("aabccc").join() === "2,1,3"
rotate(xs, k) | const i = xs.length ? k % xs.length : 0; return [...xs.slice(i), ...xs.slice(0, i)]; | candidate([1, 2, 3], 4).join() === "2,3,1"`,
  ],
};
const fill = (t = '', v: Record<string, string>) => t.replace(/\{(\w)\}/g, (_, k) => v[k] ?? '');
const problems = Object.entries(LANGUAGES).flatMap(([lang, [shape = '', harness, table = '']]) =>
  table.split('\n').map((line) => {
    const [judge, prompt, body, wrong = ''] = shape.split('|');
    const [S = '', C = '', T = ''] = line.split(' | ');
    const F = S.split('(')[0] ?? '';
    const texts = { prompt: fill(prompt, { S }), tests: fill(harness, { F, T }), entryPoint: F };
    const rest = { referenceCompletion: fill(body, { C }), stopSequences: [] };
    return { id: `${lang}/${F}`, language: lang, metadata: { judge, wrong }, ...texts, ...rest };
  }),
);
const dataset = defineDataset({
  id: 'my-bench',
  problems,
  buildProgram: ({ language, prompt, tests, metadata }, { code, kind }) => {
    const source = `${kind === 'solution' ? '' : prompt}${code}\n${tests}`;
    const files = [{ path: 'main', contents: source }];
    return { language, files, mainFile: 'main', judge: String(metadata.judge), timeoutMs: 9000 };
  },
});
const mustFail = problems.map(({ id, metadata }) => ({ taskId: id, completion: metadata.wrong }));
const check = await checkDataset(dataset, { mustFail });
if (!check.ok) throw new Error(`dataset check failed:\n${check.problems.join('\n')}`);
const dir = mkdtempSync(join(tmpdir(), 'passk-example-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const reference = await run({ dataset, model: 'reference', out: join(dir, 'reference') });
if (reference.summary.pass_at_k['1']?.estimate !== 1) throw new Error('a reference failed');
// Replayed samples: for each problem its reference and a wrong answer, so pass@1 = 0.5.
const pair = (p: (typeof problems)[number]) => [p.referenceCompletion, p.metadata.wrong];
const lines = problems.flatMap((p) => pair(p).map((c) => ({ task_id: p.id, completion: c })));
writeFileSync(join(dir, 'samples.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
const replayed = { dataset, samples: join(dir, 'samples.jsonl'), k: [1], out: join(dir, 'r') };
const passAt1 = (await evaluate(replayed)).summary.pass_at_k['1']?.estimate;
if (passAt1 !== 0.5) throw new Error(`expected pass@1 = 0.5 from the samples, got ${passAt1}`);
console.log(`my-bench: ${check.counts.problems} problems, references pass, samples pass@1 = 0.5`);
