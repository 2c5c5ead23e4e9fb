/**
 * The fake model server of the `agent` bench section, in its own process: OpenAI chat
 * completions with tool calling, a fixed latency per response, and a scripted 3-turn agent per
 * demo problem: run_tests(reference), run_tests(reference) again, submit(reference). Every turn
 * of every attempt writes a distinct program (the reference with a comment naming the attempt's
 * seed and the turn), so the execution cache hides no execution: 4 per attempt (two visible-test
 * runs, the submission and the first code judged by the hidden tests). Prints its URL on stdout;
 * on SIGTERM prints its stats as JSON and exits.
 */
import { readFileSync } from 'node:fs';
import { DEMO_PROBLEMS_PATH } from '@passk/datasets';
import { startFakeModelServer } from '@passk/providers/test';

const problems = readFileSync(DEMO_PROBLEMS_PATH, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(
    (line) =>
      JSON.parse(line) as { prompt: string; canonical_solution: string; entry_point: string },
  );

const server = await startFakeModelServer({
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 100),
  answer: (request) => {
    const problem = problems.find((item) => request.prompt.includes(`\`${item.entry_point}\``));
    const mark = `# attempt seed ${request.seed ?? 'none'}, turn ${request.turns + 1}\n`;
    const code = `${problem?.prompt ?? ''}${problem?.canonical_solution ?? '    pass\n'}${mark}`;
    const name = request.turns < 2 ? 'run_tests' : 'submit';
    return {
      text: '',
      toolCalls: [{ id: `call_${request.turns + 1}`, name, arguments: { code } }],
    };
  },
});
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify(server.stats)}\n`);
  void server.close().then(() => process.exit(0));
});
