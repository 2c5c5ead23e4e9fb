// A run driven from code: watch its progress events, cancel it after a few samples, and resume
// it with the same call, to the summary an uninterrupted run gives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from 'passk';

const dir = mkdtempSync(join(tmpdir(), 'passk-example-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const options = { dataset: 'demo', model: 'demo', limit: 4, n: 5, k: [1, 5], workers: 2 };

const handle = run({ ...options, out: join(dir, 'resumed') });
handle.on('progress', ({ done, total, passed }) => {
  console.log(`${done}/${total} samples, ${passed} passed`);
  if (done === 6) handle.abort(); // stops cleanly: what is done is kept
});
const stopped = await handle;
console.log(`stopped: ${stopped.stopReason}, completed: ${stopped.completed}`);
if (stopped.completed) throw new Error('the run was not cancelled');

const resumed = await run({ ...options, out: join(dir, 'resumed') }); // the same call resumes
const whole = await run({ ...options, out: join(dir, 'uninterrupted') });
const scores = (s: typeof whole.summary) => JSON.stringify([s.samples, s.pass_at_k, s.statuses]);
console.log(`resumed: ${scores(resumed.summary)}`);
if (!resumed.completed || scores(resumed.summary) !== scores(whole.summary)) {
  throw new Error(`resumed ${scores(resumed.summary)} != uninterrupted ${scores(whole.summary)}`);
}
