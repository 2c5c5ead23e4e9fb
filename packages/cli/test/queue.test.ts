import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_SAMPLES_PATH } from '@passk/datasets';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  redisSkipReason,
  startRedis,
  type TestRedis,
} from '../../../scripts/test-support/redis-server.ts';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';
import type { QueueJobData, QueueJobReply } from '../src/queue/queue-job.ts';
import { executionQueueName, QUEUE_PREFIX } from '../src/queue/queue-names.ts';
import { args, BIN, runCli, workspace } from './run-cli.ts';

/**
 * `--queue` runs against a real redis-server (one per file, a database per test): workers
 * are `passk worker` processes, runs are `passk evaluate` processes. In every case the
 * summary equals a local run's on the same samples and every sample is in results.jsonl once.
 */

const skip = redisSkipReason('queue tests');

/** demo/1 samples 0-4 and demo/3 samples 0-8: passes, a runtime error, failures, a syntax error. */
const SAMPLE_LINES = readFileSync(DEMO_SAMPLES_PATH, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { task_id: string })
  .filter((sample, _index, all) => {
    const position = all.filter((other) => other.task_id === sample.task_id).indexOf(sample);
    return (
      (sample.task_id === 'demo/1' && position < 5) || (sample.task_id === 'demo/3' && position < 9)
    );
  });

const PYTHON_VERSION_OTHER = ['3.12.1', '3.10.13', '3.13.0']
  .map((version) => `${process.env.HOME}/.pyenv/versions/${version}/bin/python3`)
  .find((path) => existsSync(path));

describe.skipIf(skip !== undefined)(
  'passk --queue with passk worker on a real Redis',
  {
    timeout: 120_000,
  },
  () => {
    let redis: TestRedis;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let local: { summary: unknown; keys: string[] };
    let database = 0;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      ({ dir, env } = workspace());
      env = { ...env, PASSK_QUEUE_UNREACHABLE_MS: '2000' };
      writeFileSync(
        join(dir, 'samples.jsonl'),
        `${SAMPLE_LINES.map((s) => JSON.stringify(s)).join('\n')}\n`,
      );
      redis = await startRedis(temporaryDirectory('passk-redis-'));
      const reference = await runCli(evaluateArgs('local'), { cwd: dir, env });
      expect(reference.code, reference.stderr).toBe(0);
      local = { summary: JSON.parse(reference.stdout), keys: resultKeys('local') };
      expect(local.keys).toHaveLength(SAMPLE_LINES.length);
    });

    afterAll(async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await redis?.stop();
    });

    const evaluateArgs = (out: string, queue?: string) => [
      ...args`evaluate samples.jsonl --dataset demo --out ${out} --json --no-cache`,
      ...(queue ? ['--queue', queue] : []),
    ];
    const resultKeys = (out: string) =>
      readFileSync(join(dir, out, 'results.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const record = JSON.parse(line) as { task_id: string; sample_index: number };
          return `${record.task_id}#${record.sample_index}`;
        });
    const manifestWorkers = (out: string) =>
      (
        JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')) as {
          executor: {
            id: string;
            workers?: { id: string; jobs: number; toolchains: Record<string, string> }[];
          };
        }
      ).executor.workers ?? [];

    /** The same summary as the local run, and each sample exactly once. */
    const expectSameAsLocal = (out: string, stdout: string) => {
      expect(JSON.parse(stdout)).toEqual(local.summary);
      const keys = resultKeys(out);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual([...local.keys].sort());
    };

    /** A fresh database of the file's Redis for one test. */
    const queueUrl = () => redis.url(++database);

    /** Starts `passk worker` and waits until it serves. */
    const startWorkerProcess = async (
      queue: string,
      extraEnv: NodeJS.ProcessEnv = {},
      stallTimeout = '1',
    ) => {
      const child = spawn(
        process.execPath,
        [
          BIN,
          ...args`worker --queue ${queue} --languages python --concurrency 1 --stall-timeout ${stallTimeout}`,
        ],
        { cwd: dir, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      children.push(child);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      const deadline = Date.now() + 60_000;
      while (!stderr.includes('serving') && child.exitCode === null && Date.now() < deadline) {
        await sleep(20);
      }
      expect(stderr).toContain('serving');
      return {
        child,
        stderr: () => stderr,
        /** SIGTERM, then the number of jobs it says it executed. */
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          return Number(/(\d+) jobs executed/.exec(stderr)?.[1] ?? Number.NaN);
        },
      };
    };

    /** Starts `passk evaluate --queue` in the background. */
    const startRun = (out: string, queue: string) => {
      const child = spawn(process.execPath, [BIN, ...evaluateArgs(out, queue)], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk;
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
        child.on('close', (code) => resolve({ code, stdout, stderr })),
      );
      return { child, done };
    };

    const linesIn = (out: string) =>
      existsSync(join(dir, out, 'results.jsonl')) ? resultKeys(out).length : 0;
    const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
      const deadline = Date.now() + 60_000;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(20);
      }
    };
    const pythonQueue = (queue: string) => {
      const { port } = redis;
      const db = Number(new URL(queue).pathname.slice(1));
      return new Queue(executionQueueName('bwrap', 'python', '3.11.2'), {
        connection: { host: '127.0.0.1', port, db },
        prefix: QUEUE_PREFIX,
      });
    };

    it('two workers and one run', async () => {
      const queue = queueUrl();
      // The default lock (30 s): no job of a live worker goes back to the queue, even on a loaded machine.
      const [a, b] = await Promise.all([
        startWorkerProcess(queue, {}, '30'),
        startWorkerProcess(queue, {}, '30'),
      ]);
      const run = await runCli(evaluateArgs('two', queue), { cwd: dir, env });
      expect(run.code, run.stderr).toBe(0);
      expectSameAsLocal('two', run.stdout);
      const workers = manifestWorkers('two');
      expect(workers).toHaveLength(2);
      expect(workers.every((worker) => worker.jobs > 0)).toBe(true);
      expect(workers[0]?.toolchains).toEqual({ python: expect.any(String) });
      const executed = (await a.stop()) + (await b.stop());
      expect(executed).toBe(workers.reduce((total, worker) => total + worker.jobs, 0));
    });

    it('a worker killed (kill -9) mid-job: its job runs on another worker and the run completes', async () => {
      const queue = queueUrl();
      const doomed = await startWorkerProcess(queue);
      const run = startRun('killed-worker', queue);
      const jobs = pythonQueue(queue);
      await until(async () => (await jobs.getActiveCount()) > 0, 'an active job');
      doomed.child.kill('SIGKILL');
      const survivor = await startWorkerProcess(queue);
      const { code, stdout, stderr } = await run.done;
      expect(code, stderr).toBe(0);
      expectSameAsLocal('killed-worker', stdout);
      const survivorId = /passk worker (\S+):/.exec(survivor.stderr())?.[1];
      const accepted = manifestWorkers('killed-worker').find((worker) => worker.id === survivorId);
      expect(accepted?.jobs).toBeGreaterThan(0);
      expect(await survivor.stop()).toBe(accepted?.jobs);
      await jobs.close();
    });

    it("the run's process killed (kill -9): the same command re-attaches and resumes, nothing lost or doubled", async () => {
      const queue = queueUrl();
      const worker = await startWorkerProcess(queue);
      const first = startRun('killed-run', queue);
      await until(() => linesIn('killed-run') >= 3, 'three results');
      first.child.kill('SIGKILL');
      await first.done;
      const before = linesIn('killed-run');
      expect(before).toBeLessThan(SAMPLE_LINES.length);
      const again = await runCli(evaluateArgs('killed-run', queue), { cwd: dir, env });
      expect(again.code, again.stderr).toBe(0);
      expectSameAsLocal('killed-run', again.stdout);
      await worker.stop();
    });

    it('a job delivered twice (its worker frozen past its lock, then resumed) is scored once', async () => {
      const queue = queueUrl();
      const frozen = await startWorkerProcess(queue);
      const run = startRun('twice', queue);
      const jobs = pythonQueue(queue);
      await until(async () => (await jobs.getActiveCount()) > 0, 'an active job');
      frozen.child.kill('SIGSTOP');
      const other = await startWorkerProcess(queue);
      const { code, stdout, stderr } = await run.done;
      frozen.child.kill('SIGCONT');
      expect(code, stderr).toBe(0);
      expectSameAsLocal('twice', stdout);
      await sleep(1500); // the frozen worker finishes its copy, and BullMQ refuses its result
      const executed = (await frozen.stop()) + (await other.stop());
      const accepted = manifestWorkers('twice').reduce((total, worker) => total + worker.jobs, 0);
      expect(executed).toBeGreaterThan(accepted);
      await jobs.close();
    });

    it.skipIf(PYTHON_VERSION_OTHER === undefined)(
      'a worker with another toolchain version gets no job, and a reply from another version is refused',
      async () => {
        const queue = queueUrl();
        const other = await startWorkerProcess(queue, { PASSK_PYTHON: PYTHON_VERSION_OTHER });
        expect(other.stderr()).not.toContain('python 3.11.2');
        // A rogue worker on the run's queue that replies as if it had another Python.
        const db = Number(new URL(queue).pathname.slice(1));
        let rogueJobs = 0;
        const rogue: Worker<QueueJobData, QueueJobReply> = new Worker(
          executionQueueName('bwrap', 'python', '3.11.2'),
          async () => {
            rogueJobs++;
            void rogue.close();
            return {
              result: { steps: [] },
              worker: { id: 'rogue', host: 'rogue', passk_version: '0', sandbox: 'bwrap' },
              toolchainVersion: '3.12.1',
            };
          },
          { connection: { host: '127.0.0.1', port: redis.port, db }, prefix: QUEUE_PREFIX },
        );
        const run = startRun('toolchain', queue);
        await until(() => rogueJobs > 0, 'the rogue reply');
        const good = await startWorkerProcess(queue);
        const { code, stdout, stderr } = await run.done;
        expect(code, stderr).toBe(0);
        expect(stderr).toContain('refused the result');
        expectSameAsLocal('toolchain', stdout);
        const workers = manifestWorkers('toolchain');
        expect(workers.map((worker) => worker.toolchains.python)).toEqual(['3.11.2']);
        expect(await other.stop()).toBe(0);
        await good.stop();
      },
    );

    it('Redis stopped in the middle: a clear error, exit 1; the same command resumes once it is back', async () => {
      const queue = queueUrl();
      const worker = await startWorkerProcess(queue);
      const first = startRun('redis-stopped', queue);
      await until(() => linesIn('redis-stopped') >= 3, 'three results');
      await redis.stop();
      const stopped = await first.done;
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toMatch(
        /passk: the queue at redis:\/\/127\.0\.0\.1:\d+\/\d+ has been unreachable/,
      );
      expect(stopped.stderr).not.toContain('internal error');
      await redis.restart();
      const again = await runCli(evaluateArgs('redis-stopped', queue), { cwd: dir, env });
      expect(again.code, again.stderr).toBe(0);
      expectSameAsLocal('redis-stopped', again.stdout);
      await worker.stop();
    });
  },
);
