import {
  createLocalExecutor,
  type Executor,
  isCpuBound,
  judgeProgram,
  type Program,
} from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPythonLanguage } from './create-python-language.ts';
import { parseIsolatedVerdict } from './isolated-verdict.ts';

/**
 * A timeout says whether the program was busy (`Verdict.cpuBound`: a run keeps it without a
 * re-run) or waited (a run re-runs it), on each path a Python program times out: a spawned
 * step, a step of the warm fork server, and the tests run apart from the program by the
 * isolated judge, all in the bwrap sandbox.
 *
 * A sleeping program is never CPU-bound. A busy one is CPU-bound only when the machine gave it
 * at least 90% of the time: on a loaded machine it is starved, and then re-run by design. So
 * the busy programs are checked on what was measured (clearly more CPU than the sleeping
 * one's, which a measurement that missed the program's processes would not give) and on the
 * rule applied to it; `run-eval.test.ts` checks that a CPU-bound timeout is not re-run.
 */

/** Four threads hashing (hashlib releases the GIL): busy even where one core is contended. */
const BUSY = [
  'import hashlib, threading',
  'def spin():',
  "    data = b'x' * (1 << 20)",
  '    while True:',
  '        hashlib.sha256(data).digest()',
  'for _ in range(3):',
  '    threading.Thread(target=spin, daemon=True).start()',
  'spin()',
  '',
].join('\n');
const ASLEEP = 'import time\ntime.sleep(100)\n';

const language = createPythonLanguage();
const spawning = createLocalExecutor({ concurrency: 1, sandbox: 'bwrap', useStepServers: false });
const serving = createLocalExecutor({ concurrency: 1, sandbox: 'bwrap', useStepServers: true });
afterAll(() => Promise.all([spawning.close(), serving.close()]));

/**
 * Judges `program`, its steps killed after `stepTimeoutMs` when given. Returns the verdict and
 * the CPU and wall-clock time of the timeout: the step's, or the isolated judge's report's.
 */
async function judge(executor: Executor, program: Program, stepTimeoutMs?: number) {
  const toolchain = await language.detect();
  const { verdict, result } = await judgeProgram({
    language: {
      ...language,
      steps: (target, detected, options) =>
        language
          .steps(target, detected, options)
          .map((step) => ({ ...step, timeoutMs: stepTimeoutMs ?? step.timeoutMs })),
    },
    toolchain,
    executor,
    program,
    timeoutFactor: 1,
  });
  const last = result?.steps.at(-1);
  const strict = parseIsolatedVerdict(last?.stdoutTail ?? '')?.strict;
  const [cpuMs, wallMs] =
    last?.timedOut === true ? [last.cpuMs, last.durationMs] : [strict?.cpuMs, strict?.durationMs];
  return {
    verdict,
    timedOutStep: last?.timedOut,
    cpuLimited: last?.limit === 'cpu_time',
    cpuMs: cpuMs ?? Number.NaN,
    wallMs,
  };
}

async function expectBusyAndAsleep(run: (body: string) => ReturnType<typeof judge>) {
  const busy = await run(BUSY);
  const asleep = await run(ASLEEP);
  expect(asleep.verdict).toMatchObject({ status: 'timeout', cpuBound: false });
  expect(asleep.cpuMs).toBeLessThan(300);
  expect(busy.verdict.status).toBe('timeout');
  if (busy.cpuLimited) {
    // Where the threads get more CPU than wall-clock time (a quiet machine), RLIMIT_CPU ends
    // the program before its wall-clock limit: CPU-bound by definition, no CPU time measured.
    expect(busy.verdict.cpuBound).toBe(true);
    return busy;
  }
  expect(busy.cpuMs).toBeGreaterThan(asleep.cpuMs + 200);
  expect(busy.verdict.cpuBound).toBe(isCpuBound(busy.cpuMs, busy.wallMs ?? Number.NaN));
  return busy;
}

/** A MultiPL-E script run (`script` judge: a spawned step) whose top level is `body`. */
const script = (body: string): Program => ({
  language: 'python',
  files: [{ path: 'main.py', contents: body }],
  mainFile: 'main.py',
  judge: 'script',
  timeoutMs: 1500,
});

/** A HumanEval program whose function runs `body`, judged by the isolated judge. */
const humanEval = (body: string, timeoutMs: number): Program => ({
  language: 'python',
  files: [
    {
      path: 'main.py',
      contents: `def f():\n${body.replace(/^(?=.)/gm, '    ')}\n\ndef check(candidate):\n    candidate()\n\ncheck(f)\n`,
    },
  ],
  mainFile: 'main.py',
  judge: 'humaneval-exec',
  timeoutMs,
});

describe('timeouts say whether they were CPU-bound', () => {
  it('a spawned step: the process tree, read before the kill', async () => {
    const busy = await expectBusyAndAsleep((body) => judge(spawning, script(body)));
    expect(busy.timedOutStep || busy.cpuLimited).toBe(true);
  });

  it("a step of the warm fork server: its child's tree, with the program's process B", async () => {
    // The judge's own limit (100 s) is not reached: the fork server kills the step at 1.5 s.
    const busy = await expectBusyAndAsleep((body) =>
      judge(serving, humanEval(body, 100_000), 1500),
    );
    expect(busy.timedOutStep || busy.cpuLimited).toBe(true);
  });

  it('the isolated judge: the tests and the processes of the program (B)', async () => {
    const busy = await expectBusyAndAsleep((body) => judge(serving, humanEval(body, 1500)));
    expect(busy.timedOutStep).toBe(false);
  });
});
