// A provider that is a plain function: it answers from a table, and reports a failure as data
// (an error class on the sample), which passk counts as infrastructure, never as a wrong answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineProvider, run } from 'passk';

const provider = defineProvider({
  id: 'my-model',
  model: 'my-model-v1',
  cacheable: false,
  async generate({ problem }) {
    const started = performance.now();
    const latencyMs = () => performance.now() - started;
    if (problem.id === 'demo/0') {
      // A failed request: returned, not thrown. `retryable: false`, so passk does not retry it.
      const error = { class: 'server', message: 'backend unavailable', retryable: false } as const;
      return { text: '', finishReason: 'error', latencyMs: latencyMs(), error };
    }
    // Our "model": the benchmark's reference solution, except a wrong answer to demo/1.
    const code =
      problem.id === 'demo/1' ? '    return None\n' : (problem.referenceCompletion ?? '');
    return { text: code, completion: code, finishReason: 'stop', latencyMs: latencyMs() };
  },
});

const dir = mkdtempSync(join(tmpdir(), 'passk-example-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const { summary } = await run({ dataset: 'demo', model: provider, n: 1, limit: 5, out: dir });
const { passed, failed } = summary.statuses;
console.log(
  `passed ${passed}, failed ${failed}, infrastructure ${summary.infrastructure_failures}`,
);
console.log(summary.infrastructure_faults?.map((f) => `${f.task_id}: ${f.status}: ${f.detail}`));
const passAt1 = summary.pass_at_k['1']?.estimate;
console.log(`pass@1 = ${passAt1}: the failed request is not scored as a wrong answer`);
if (passed !== 3 || failed !== 1 || summary.infrastructure_failures !== 1 || passAt1 !== 0.75) {
  throw new Error('expected 3 passed, 1 failed, 1 infrastructure failure and pass@1 = 0.75');
}
