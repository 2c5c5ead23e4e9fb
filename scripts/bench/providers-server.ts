/**
 * The fake model server of the `providers` bench section, in its own process: OpenAI-compatible
 * chat completions with a fixed latency per request, answering each demo problem with its
 * reference solution (so programs repeat and execution stays out of the measurement).
 * Prints its URL on stdout; on SIGTERM prints its stats as JSON and exits.
 */
import { readFileSync } from 'node:fs';
import { DEMO_PROBLEMS_PATH } from '@passk/datasets';
import { startFakeModelServer } from '@passk/providers/test';

const problems = readFileSync(DEMO_PROBLEMS_PATH, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { prompt: string; canonical_solution: string });

const server = await startFakeModelServer({
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 200),
  answer: (request) => {
    const problem = problems.find((item) => request.prompt.includes(item.prompt.trim()));
    return {
      text: `\`\`\`python\n${problem?.prompt ?? ''}${problem?.canonical_solution ?? '    pass\n'}\`\`\``,
    };
  },
});
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify(server.stats)}\n`);
  void server.close().then(() => process.exit(0));
});
