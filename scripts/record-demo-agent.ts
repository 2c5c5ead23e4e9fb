/**
 * Writes packages/datasets/data/demo/agent-attempts.jsonl: the recorded conversations of the
 * demo agent (`passk run --dataset demo --model demo --agent`), 10 attempts per demo problem,
 * built from the demo model's recorded answers (samples.jsonl). Each answer is first judged
 * here on the problem's visible examples and hidden tests (trusted data: this project's own
 * samples, run with /usr/bin/python3 and a 3 s limit), so that every recorded turn reads like
 * a reaction to what the tools will answer in a run:
 *
 * - a correct answer: run_tests, then submit (attempt 5 first calls run_tests with a bad
 *   argument name and gets a tool error; attempt 7 tries run_code first);
 * - a wrong answer that passes the examples: run_tests, then submit (fails the hidden tests);
 * - a wrong answer that fails an example: run_tests, then a correct answer from another
 *   sample (run_tests, submit), or, in attempts 3 and 9 or without a correct sample, gives up.
 *
 * Run: npm run build && npx tsx scripts/record-demo-agent.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { humanEvalVisibleTests } from '../packages/datasets/dist/index.js';

const DEMO = join(import.meta.dirname, '../packages/datasets/data/demo');

interface DemoProblem {
  task_id: string;
  prompt: string;
  test: string;
  entry_point: string;
}
interface RecordedCall {
  name: string;
  arguments: Record<string, string>;
}
interface RecordedTurn {
  text: string;
  tool_calls: RecordedCall[];
}

const problems = readFileSync(join(DEMO, 'problems.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as DemoProblem);
const samples = readFileSync(join(DEMO, 'samples.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { task_id: string; completion: string });

function passes(program: string): boolean {
  const run = spawnSync('/usr/bin/python3', ['-c', program], { timeout: 3000, stdio: 'ignore' });
  return run.status === 0;
}

const lines: string[] = [];
for (const problem of problems) {
  const visible = humanEvalVisibleTests({
    id: problem.task_id,
    datasetId: 'demo',
    language: 'python',
    prompt: problem.prompt,
    entryPoint: problem.entry_point,
    tests: problem.test,
    stopSequences: [],
    metadata: {},
  });
  const answers = samples
    .filter((sample) => sample.task_id === problem.task_id)
    .map((sample) => {
      const code = problem.prompt + sample.completion;
      const check = (tests: string) => passes(`${code}\n${tests}\ncheck(${problem.entry_point})\n`);
      return {
        code,
        visible: visible ? check(visible.problem.tests) : true,
        hidden: check(problem.test),
      };
    });
  const correct = answers.find((answer) => answer.hidden);
  const example = visible?.examples[0]?.input;
  answers.forEach((answer, attempt) => {
    const test = (text: string, code: string): RecordedTurn => ({
      text,
      tool_calls: [{ name: 'run_tests', arguments: { code } }],
    });
    const submit = (text: string, code: string): RecordedTurn => ({
      text,
      tool_calls: [{ name: 'submit', arguments: { code } }],
    });
    const turns: RecordedTurn[] = [];
    if (answer.hidden || answer.visible) {
      if (attempt === 5) {
        turns.push({
          text: 'Let me run the examples.',
          tool_calls: [{ name: 'run_tests', arguments: { program: answer.code } }],
        });
        turns.push(test('The argument is called code; running the examples again.', answer.code));
      } else if (attempt === 7 && example) {
        turns.push({
          text: `Let me try \`${example}\` first.`,
          tool_calls: [
            { name: 'run_code', arguments: { code: `${answer.code}\nprint(${example})\n` } },
          ],
        });
        turns.push(test('Now the examples.', answer.code));
      } else {
        turns.push(test('I will check my solution against the examples.', answer.code));
      }
      turns.push(submit('Every example passes. Submitting.', answer.code));
    } else {
      turns.push(test('I will check my solution against the examples.', answer.code));
      if (correct && attempt !== 3 && attempt !== 9) {
        turns.push(test('An example fails; I fixed the code, testing again.', correct.code));
        turns.push(submit('Every example passes now. Submitting.', correct.code));
      } else {
        turns.push({ text: 'An example fails and I do not see how to fix it.', tool_calls: [] });
      }
    }
    lines.push(JSON.stringify({ task_id: problem.task_id, attempt, turns }));
  });
}
writeFileSync(join(DEMO, 'agent-attempts.jsonl'), `${lines.join('\n')}\n`);
process.stderr.write(`wrote ${lines.length} recorded attempts\n`);
