/**
 * Bench section `agent`: agent attempts (`passk run --agent`) against a local server that
 * answers every model turn after a fixed latency (default 100 ms) with a scripted 3-turn agent
 * (run_tests, run_tests, submit: two sandboxed visible-test runs and one hidden-test judgement
 * per attempt, each a distinct program), over real HTTP through the `ai` SDK (OpenAI chat tool
 * calling), without caches.
 *
 * Measured: the whole `passk run` wall time against the ideal turns × latency × attempts /
 * concurrency (target ≤ 1.2×: tool executions overlap other attempts' model calls), and the
 * server's window (first request to last answer), and the CPU time of passk with its programs
 * (GNU time): divided by the cores, the wall time the work needs without any waiting. Set BENCH_ATTEMPTS (default 200, a multiple
 * of 20), BENCH_CONCURRENCY (8), BENCH_LATENCY_MS (100).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchSection } from './section.ts';

const attempts = Number(process.env.BENCH_ATTEMPTS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const TURNS = 3;
const TIME = '/usr/bin/time';
const CPU_MARK = 'passk-bench-cpu';
const problems = 20;

interface ServerStats {
  requests: number;
  peakInFlight: number;
  busyMs: number;
  firstRequestAt: number;
  lastAnswerAt: number;
}

async function startServer(root: string): Promise<{ url: string; stop(): Promise<ServerStats> }> {
  const server = spawn(process.execPath, [join(root, 'scripts/bench/agent-server.ts')], {
    env: { ...process.env, BENCH_LATENCY_MS: String(latencyMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  while (!out.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    url: out.trim(),
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('close', resolve));
      return JSON.parse(out.trim().split('\n').at(-1) as string) as ServerStats;
    },
  };
}

async function run(context: BenchContext) {
  const server = await startServer(context.root);
  const work = mkdtempSync(join(tmpdir(), 'passk-bench-agent-'));
  const started = performance.now();
  // GNU time reports the CPU time of passk and every process it waited for (sandboxed
  // programs, fork servers): the floor of the wall time on this machine's cores.
  const time = existsSync(TIME) ? [TIME, '-f', `${CPU_MARK} %U %S`] : [];
  const child = spawn(
    time[0] ?? process.execPath,
    [
      ...(time.length > 0 ? [...time.slice(1), process.execPath] : []),
      join(context.root, 'packages/cli/dist/bin.js'),
      ...[
        ...['run', '--dataset', 'demo', '--model', 'openai:bench-agent', '--api', 'chat'],
        ...['--base-url', `${server.url}/v1`, '--agent', '--limit', String(problems)],
        ...['-n', String(attempts / problems), '-k', '1', '--concurrency', String(concurrency)],
        ...['--no-cache', '--seed', '1', '--resamples', '200', '--json'],
        ...['--out', join(work, 'run')],
      ],
    ],
    {
      env: {
        ...process.env,
        OPENAI_API_KEY: 'sk-bench',
        PASSK_DATA_DIR: context.dataDir,
        PASSK_CACHE_DIR: join(work, 'cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const stats = await server.stop();
  rmSync(work, { recursive: true, force: true });
  if (code !== 0) throw new Error(`passk run --agent failed (${code}): ${stderr.slice(-2000)}`);
  const summary = JSON.parse(stdout) as {
    samples: number;
    statuses: Record<string, number>;
    agent: { per_attempt: { turns: number } };
  };
  const idealMs = (TURNS * latencyMs * attempts) / concurrency;
  const cpu = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(stderr);
  const cpuMs = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined;
  // The wall time the CPU work alone needs on every core of the machine.
  const cpuFloorMs = cpuMs === undefined ? undefined : cpuMs / availableParallelism();
  const windowMs = stats.lastAnswerAt - stats.firstRequestAt;
  const data = {
    attempts,
    turns: TURNS,
    concurrency,
    latency_ms: latencyMs,
    ideal_ms: idealMs,
    wall_ms: Math.round(wallMs),
    wall_vs_ideal: wallMs / idealMs,
    model_window_ms: Math.round(windowMs),
    model_window_vs_ideal: windowMs / idealMs,
    server_requests: stats.requests,
    server_peak_in_flight: stats.peakInFlight,
    mean_in_flight: stats.busyMs / windowMs,
    turns_per_attempt: summary.agent.per_attempt.turns,
    samples_scored: summary.samples,
    passed: summary.statuses.passed,
    cpu_ms: cpuMs === undefined ? null : Math.round(cpuMs),
    cpu_ms_per_attempt: cpuMs === undefined ? null : cpuMs / attempts,
    cpu_floor_vs_ideal: cpuFloorMs === undefined ? null : cpuFloorMs / idealMs,
    load_average_1min: loadavg()[0],
  };
  const ratio = (value: number) => `${(value / idealMs).toFixed(3)}×`;
  return {
    title: `Agent attempts: ${attempts} attempts × ${TURNS} turns, ${latencyMs} ms per response, concurrency ${concurrency} (ideal ${(idealMs / 1000).toFixed(2)} s)`,
    columns: ['measure', 'value', 'vs ideal'],
    rows: [
      ['passk run --agent, wall time', `${(wallMs / 1000).toFixed(2)} s`, ratio(wallMs)],
      [
        'model window (first request to last answer)',
        `${(windowMs / 1000).toFixed(2)} s`,
        ratio(windowMs),
      ],
      ['requests answered / peak in flight', `${stats.requests} / ${stats.peakInFlight}`, ''],
      ['attempts passed', `${summary.statuses.passed} of ${summary.samples}`, ''],
      [
        `CPU time of passk and its programs (÷ ${availableParallelism()} cores)`,
        cpuMs === undefined
          ? 'n/a (no /usr/bin/time)'
          : `${(cpuMs / 1000).toFixed(2)} s (${(cpuMs / attempts).toFixed(0)} ms per attempt)`,
        cpuFloorMs === undefined ? '' : ratio(cpuFloorMs),
      ],
      ['load average (1 min) at the end', loadavg()[0]?.toFixed(2) ?? '', ''],
    ],
    data,
  };
}

export const agentBench: BenchSection = {
  name: 'agent',
  description: `passk run --agent: ${attempts} scripted 3-turn attempts at ${latencyMs} ms per response`,
  run,
};
