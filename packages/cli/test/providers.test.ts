import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type FakeModelServer,
  type FakeModelServerOptions,
  requestKey,
  startFakeModelServer,
} from '@passk/providers/test';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoModel, firstAttemptFaults, problemOf } from './demo-model.ts';
import { args, BIN, runCli, workspace } from './run-cli.ts';

const KEYS = {
  OPENAI_API_KEY: 'sk-passk-secret-openai',
  ANTHROPIC_API_KEY: 'sk-ant-passk-secret',
  GOOGLE_GENERATIVE_AI_API_KEY: 'passk-secret-google',
};

const servers: FakeModelServer[] = [];
async function serve(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  const server = await startFakeModelServer({ answer: createDemoModel(), ...options });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const records = (path: string) =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
const keyOf = (record: Record<string, unknown>) => `${record.task_id}#${record.sample_index}`;

function withKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ...KEYS };
}

describe('passk run against each provider wire protocol', () => {
  const cases: { name: string; model: (s: FakeModelServer) => string[] }[] = [
    {
      name: 'openai responses',
      model: (s) => ['--model', 'openai:gpt-4.1-mini', '--base-url', s.baseUrls.openai],
    },
    {
      name: 'openai chat completions, streaming',
      model: (s) =>
        args`--model openai:gpt-4.1-mini --base-url ${s.baseUrls.openai} --api chat --stream`,
    },
    {
      name: 'anthropic messages with prefill, streaming',
      model: (s) =>
        args`--model anthropic:claude-sonnet-4-20250514 --base-url ${s.baseUrls.anthropic} --stream`,
    },
    {
      name: 'google generateContent',
      model: (s) => ['--model', 'google:gemini-2.5-flash', '--base-url', s.baseUrls.google],
    },
    {
      name: 'openai-compatible completions (base model, completion mode)',
      model: (s) =>
        args`--model openai-compatible:qwen2.5-coder-1.5b --base-url ${s.baseUrls['openai-compatible']} --prompt-mode completion`,
    },
    {
      name: 'ollama chat, streaming',
      model: (s) => ['--model', 'ollama:qwen2.5-coder:7b', '--base-url', s.url, '--stream'],
    },
    {
      name: 'ollama generate (completion mode)',
      model: (s) =>
        args`--model ollama:qwen2.5-coder:7b --base-url ${s.url} --prompt-mode completion`,
    },
  ];

  it.each(cases)('$name: answers are extracted, executed and scored', async ({ model }) => {
    const server = await serve();
    const { dir, env } = workspace();
    const result = await runCli(
      [
        'run',
        '--dataset',
        'demo',
        ...model(server),
        '--limit',
        '3',
        '-n',
        '2',
        '--seed',
        '0',
        '--json',
        '--out',
        'r',
      ],
      { cwd: dir, env: withKeys(env) },
    );
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    // Sample seeds 0 (reference solution) and 1 (wrong answer) per problem.
    expect(summary.statuses.passed).toBe(3);
    expect(summary.statuses.failed).toBe(3);
    expect(summary.pass_at_k['1'].estimate).toBe(0.5);
    expect(summary.generation.no_code).toBe(0);
    expect(summary.generation.output_tokens).toBeGreaterThan(0);
    const samples = records(join(dir, 'r/samples.jsonl'));
    expect(samples).toHaveLength(6);
    for (const sample of samples) {
      expect(sample.raw).not.toBe('');
      expect(sample.extraction).toMatchObject({ found_code: true });
      expect(sample.usage).toMatchObject({ inputTokens: expect.any(Number) });
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'r/manifest.json'), 'utf8'));
    expect(manifest.prompt.mode).toBe(model(server).includes('completion') ? 'completion' : 'chat');
    expect(manifest.sampling).toMatchObject({ seed: 0, maxTokens: expect.any(Number) });
    expect(JSON.stringify(manifest)).not.toMatch(/secret/);
  });
});

describe('faults of the provider', () => {
  it('429 with Retry-After, 500, hung connections, resets and malformed JSON: the run completes, every sample once, no fault scored', async () => {
    const retryAfterGaps: number[] = [];
    const firstSeen = new Map<string, number>();
    const faults = firstAttemptFaults([
      { kind: 'rate_limit', retryAfterSeconds: 1 },
      { kind: 'server' },
      { kind: 'hang' },
      { kind: 'reset' },
      { kind: 'malformed' },
    ]);
    const server = await serve({
      fault: (request, attempt) => {
        const key = requestKey(request);
        const fault = faults?.(request, attempt);
        if (attempt === 0) firstSeen.set(key, performance.now());
        else if (attempt === 1 && faults?.(request, 0)?.kind === 'rate_limit')
          retryAfterGaps.push(performance.now() - (firstSeen.get(key) as number));
        return fault;
      },
    });
    const { dir, env } = workspace();
    const result = await runCli(
      args`run --dataset demo --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} --api chat --limit 8 -n 4 --seed 0 --request-timeout 8 --concurrency 8 --json --out r`,
      { cwd: dir, env: withKeys(env) },
    );
    expect(result.code).toBe(0);
    for (const kind of ['rate_limit', 'server', 'hang', 'reset', 'malformed'])
      expect(server.stats.faults[kind], kind).toBeGreaterThan(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.statuses).toMatchObject({
      passed: 16,
      failed: 16,
      infra_error: 0,
      runtime_error: 0,
    });
    expect(summary.infrastructure_failures).toBe(0);
    const samples = records(join(dir, 'r/samples.jsonl'));
    const results = records(join(dir, 'r/results.jsonl'));
    expect(samples).toHaveLength(32);
    expect(new Set(samples.map(keyOf)).size).toBe(32);
    expect(new Set(results.map(keyOf)).size).toBe(32);
    expect(results).toHaveLength(32);
    expect(samples.filter((sample) => sample.attempts === 2).length).toBe(
      Object.values(server.stats.faults).reduce((a, b) => a + b, 0),
    );
    // Retry-After: 1 was honoured.
    expect(retryAfterGaps.length).toBeGreaterThan(0);
    for (const gap of retryAfterGaps) expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('streaming: a stalled stream, resets and broken events are retried the same way', async () => {
    const server = await serve({
      fault: firstAttemptFaults([
        { kind: 'stall' },
        { kind: 'reset' },
        { kind: 'malformed' },
        { kind: 'server', status: 529 },
      ]),
    });
    const { dir, env } = workspace();
    const result = await runCli(
      args`run --dataset demo --model openai-compatible:qwen2.5-coder-7b-instruct --base-url ${server.baseUrls['openai-compatible']} --stream --limit 6 -n 2 --seed 0 --request-timeout 2 --json --out r`,
      { cwd: dir, env: withKeys(env) },
    );
    expect(result.code).toBe(0);
    expect(server.stats.faults.stall).toBeGreaterThan(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.statuses).toMatchObject({ passed: 6, failed: 6, infra_error: 0 });
    expect(new Set(records(join(dir, 'r/samples.jsonl')).map(keyOf)).size).toBe(12);
  });

  it('a generation that keeps failing is an infra_error, not scored, and is regenerated on resume', async () => {
    let broken = true;
    const server = await serve({
      fault: (request) =>
        broken && problemOf(request).task_id === 'demo/1'
          ? { kind: 'server', status: 503 }
          : undefined,
    });
    const { dir, env } = workspace();
    const command = args`run --dataset demo --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} --api chat --limit 3 -n 2 --seed 0 --retries 1 --json --out r`;
    const first = await runCli(command, { cwd: dir, env: withKeys(env) });
    expect(first.code).toBe(0);
    const partial = JSON.parse(first.stdout);
    expect(partial.statuses).toMatchObject({ passed: 2, failed: 2, infra_error: 2 });
    expect(partial.infrastructure_failures).toBe(2);
    expect(partial.generation.failed).toEqual({ server: 2 });
    const failedSamples = records(join(dir, 'r/samples.jsonl')).filter((sample) => sample.error);
    expect(failedSamples).toHaveLength(2);
    expect(failedSamples[0]).toMatchObject({
      attempts: 2,
      error: { class: 'server', statusCode: 503, retryable: true },
    });

    broken = false;
    const second = await runCli(command, { cwd: dir, env: withKeys(env) });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/resuming: 4 of 6 samples already done/);
    const summary = JSON.parse(second.stdout);
    expect(summary.statuses).toMatchObject({ passed: 3, failed: 3, infra_error: 0 });
    expect(server.stats.requests).toBe(4 + 2 * 2 + 2);
  });
});

describe('generation cache', () => {
  it('repeats are real requests (the key holds the sample index); a second run is served from the cache; --no-cache bypasses it', async () => {
    const server = await serve();
    const { dir, env } = workspace();
    const command = (out: string, extra: string[] = []) => [
      'run',
      '--dataset',
      'demo',
      '--model',
      'openai:gpt-4.1-mini',
      '--base-url',
      server.baseUrls.openai,
      '--limit',
      '2',
      '-n',
      '3',
      '--json',
      '--out',
      out,
      ...extra,
    ];
    const first = await runCli(command('a'), { cwd: dir, env: withKeys(env) });
    expect(first.code).toBe(0);
    expect(server.stats.requests).toBe(6);
    // Without a seed the fake model alternates answers per prompt: repeats differ.
    expect(JSON.parse(first.stdout).statuses).toMatchObject({ passed: 4, failed: 2 });

    const second = await runCli(command('b'), { cwd: dir, env: withKeys(env) });
    expect(second.code).toBe(0);
    expect(server.stats.requests).toBe(6);
    const strip = (path: string) =>
      records(path).map(({ latency_ms: _latency, attempts: _attempts, ...rest }) => rest);
    expect(
      strip(join(dir, 'b/samples.jsonl')).sort((x, y) => keyOf(x).localeCompare(keyOf(y))),
    ).toEqual(strip(join(dir, 'a/samples.jsonl')).sort((x, y) => keyOf(x).localeCompare(keyOf(y))));

    const third = await runCli(command('c', ['--no-cache']), { cwd: dir, env: withKeys(env) });
    expect(third.code).toBe(0);
    expect(server.stats.requests).toBe(12);
  });
});

describe('kill and resume', () => {
  it('a run killed in the middle and resumed ends with the same files as an uninterrupted one', async () => {
    const options: FakeModelServerOptions = {
      latencyMs: 150,
      fault: firstAttemptFaults([
        { kind: 'rate_limit', retryAfterSeconds: 0 },
        { kind: 'server' },
        { kind: 'reset' },
      ]),
    };
    const command = (server: FakeModelServer, out: string) =>
      args`run --dataset demo --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} --api chat --limit 8 -n 4 --seed 3 --concurrency 4 --no-cache --json --out ${out}`;
    const { dir, env } = workspace();
    const reference = await runCli(command(await serve(options), 'whole'), {
      cwd: dir,
      env: withKeys(env),
    });
    expect(reference.code).toBe(0);

    const server = await serve(options);
    const child = spawn(process.execPath, [BIN, ...command(server, 'resumed')], {
      cwd: dir,
      env: withKeys(env),
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 60_000;
    while (records(join(dir, 'resumed/results.jsonl')).length < 10 && Date.now() < deadline)
      await sleep(20);
    child.kill('SIGKILL');
    await exited;
    const before = records(join(dir, 'resumed/results.jsonl')).length;
    expect(before).toBeGreaterThanOrEqual(10);
    expect(before).toBeLessThan(32);

    const resumed = await runCli(command(server, 'resumed'), { cwd: dir, env: withKeys(env) });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toEqual(JSON.parse(reference.stdout));

    // Same final records, whatever the timing: latest line per sample, without timing fields.
    const normalize = (path: string, drop: string[]) => {
      const latest = new Map<string, Record<string, unknown>>();
      for (const record of records(path)) latest.set(keyOf(record), record);
      return [...latest.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, record]) =>
          Object.fromEntries(Object.entries(record).filter(([key]) => !drop.includes(key))),
        );
    };
    const sampleDrop = ['latency_ms', 'attempts'];
    const resultDrop = ['duration_ms', 'cached'];
    expect(normalize(join(dir, 'resumed/samples.jsonl'), sampleDrop)).toEqual(
      normalize(join(dir, 'whole/samples.jsonl'), sampleDrop),
    );
    expect(normalize(join(dir, 'resumed/results.jsonl'), resultDrop)).toEqual(
      normalize(join(dir, 'whole/results.jsonl'), resultDrop),
    );
    const successful = records(join(dir, 'resumed/samples.jsonl')).filter(
      (sample) => !sample.error,
    );
    expect(new Set(successful.map(keyOf)).size).toBe(successful.length);
  });
});

describe('keys', () => {
  it('a rejected key (401) stops the run after the requests in flight: no flood of doomed requests', async () => {
    const server = await serve({ fault: () => ({ kind: 'server', status: 401 }) });
    const { dir, env } = workspace();
    const result = await runCli(
      args`run --dataset demo --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} -n 5 --concurrency 4 --out r`,
      { cwd: dir, env: withKeys(env) },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /stopped: openai:gpt-4.1-mini rejected the credentials \(401: .*\); no further request was sent/,
    );
    expect(server.stats.requests).toBeLessThanOrEqual(4);
    expect(existsSync(join(dir, 'r/summary.json'))).toBe(false);
  });

  it('a missing key is a clear error before any work: exit 2, nothing written, no request sent', async () => {
    const server = await serve();
    const { dir, env } = workspace();
    delete env.OPENAI_API_KEY;
    const result = await runCli(
      args`run --dataset demo --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} --out r`,
      { cwd: dir, env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--model openai:gpt-4.1-mini needs an API key: set OPENAI_API_KEY in the environment or in .*\.env/,
    );
    expect(existsSync(join(dir, 'r'))).toBe(false);
    expect(server.stats.requests).toBe(0);
  });

  it('a key in ./.env is used; keys reach neither the programs under test nor any file passk writes', async () => {
    const marker = 'sk-passk-leak-marker-12345';
    const server = await serve({
      answer: (request) => {
        const problem = problemOf(request);
        // The program fails if any environment variable it can see holds the key.
        const body = `    import os\n    assert not any(('sk-passk-' + 'leak') in value for value in os.environ.values())\n${problem.canonical_solution}`;
        return { text: `\`\`\`python\n${problem.prompt}${body}\`\`\`` };
      },
    });
    const { dir, env } = workspace();
    delete env.OPENAI_API_KEY;
    writeFileSync(join(dir, '.env'), `# test key\nOPENAI_API_KEY="${marker}"\n`);
    const result = await runCli(
      args`run --dataset demo --model openai:gpt-4.1-mini --base-url ${server.baseUrls.openai} --limit 3 --json --out r`,
      { cwd: dir, env: { ...env, ANTHROPIC_API_KEY: marker } },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).statuses.passed).toBe(3);
    const files = readdirSync(join(dir, 'r'));
    for (const file of files)
      expect(readFileSync(join(dir, 'r', file), 'utf8')).not.toContain(marker.slice(0, 12));
    expect(result.stdout + result.stderr).not.toContain(marker.slice(0, 12));
  });
});

describe('bad model flags', () => {
  it('a template with an unknown placeholder, --max-cost without a price, a bad mode: exit 2 naming the file, line or flag, nothing written', async () => {
    const server = await serve();
    const { dir, env } = workspace();
    writeFileSync(join(dir, 'template.txt'), '--- user ---\nSolve this:\n{{problem}}\n');
    const base = ['run', '--dataset', 'demo', '--base-url', server.baseUrls.openai, '--out', 'r'];
    const template = await runCli(
      [...base, '--model', 'openai:gpt-4.1-mini', '--prompt-template', 'template.txt'],
      {
        cwd: dir,
        env: withKeys(env),
      },
    );
    expect(template.code).toBe(2);
    expect(template.stderr).toMatch(/template\.txt, line 3: unknown placeholder \{\{problem\}\}/);
    const price = await runCli([...base, '--model', 'openai:my-finetune', '--max-cost', '5'], {
      cwd: dir,
      env: withKeys(env),
    });
    expect(price.code).toBe(2);
    expect(price.stderr).toMatch(/--max-cost needs the price of my-finetune.*--price/);
    const mode = await runCli([...base, '--model', 'openai:gpt-4.1-mini', '--prompt-mode', 'fim'], {
      cwd: dir,
      env: withKeys(env),
    });
    expect(mode.code).toBe(2);
    expect(mode.stderr).toMatch(/--prompt-mode expects chat or completion, got 'fim'/);
    expect(existsSync(join(dir, 'r'))).toBe(false);
    expect(server.stats.requests).toBe(0);
  });
});

describe('cost', () => {
  const costArgs = (server: FakeModelServer, extra: string[]) => [
    'run',
    '--dataset',
    'demo',
    '--model',
    'openai:my-finetune',
    '--base-url',
    server.baseUrls.openai,
    '--price',
    '1,1000',
    '--max-tokens',
    '100',
    '--limit',
    '3',
    '-n',
    '2',
    '--concurrency',
    '1',
    '--out',
    'r',
    ...extra,
  ];

  it('--dry-run shows what would be generated and its worst-case cost, and writes nothing', async () => {
    const server = await serve();
    const { dir, env } = workspace();
    const result = await runCli(costArgs(server, ['--dry-run', '--json']), {
      cwd: dir,
      env: withKeys(env),
    });
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({
      dry_run: true,
      to_generate: 6,
      already_generated: 0,
      model: 'my-finetune',
    });
    // 6 × 100 output tokens at $1000 per million, plus at most the prompts' bytes at $1 per million.
    expect(plan.worst_case_cost_usd).toBeGreaterThan(0.6);
    expect(plan.worst_case_cost_usd).toBeLessThan(0.6 + 6 * 0.002);
    expect(plan.example.prompt.messages[0].content).toContain('```python');
    expect(existsSync(join(dir, 'r'))).toBe(false);
    expect(server.stats.requests).toBe(0);
    const text = await runCli(costArgs(server, ['--dry-run']), { cwd: dir, env: withKeys(env) });
    expect(text.stdout).toMatch(/to generate: {2}6/);
  });

  it('--max-cost below the projected worst case refuses to start (exit 2, nothing written)', async () => {
    const server = await serve();
    const { dir, env } = workspace();
    const result = await runCli(costArgs(server, ['--max-cost', '0.5']), {
      cwd: dir,
      env: withKeys(env),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /projected worst-case cost \$0\.6\d+ .* is above --max-cost \$0\.5/,
    );
    expect(existsSync(join(dir, 'r'))).toBe(false);
    expect(server.stats.requests).toBe(0);
  });

  it('during the run, reaching --max-cost stops cleanly, and raising it resumes', async () => {
    // The server bills far more than the projection (e.g. hidden reasoning billed beyond max tokens).
    const model = createDemoModel();
    const server = await serve({
      answer: (request) => ({ ...model(request), outputTokens: 300 }),
    });
    const { dir, env } = workspace();
    const stopped = await runCli(costArgs(server, ['--max-cost', '1']), {
      cwd: dir,
      env: withKeys(env),
    });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /cost limit reached: \$0\.\d+ spent.*raise --max-cost and run the same command again to resume/,
    );
    const partial = records(join(dir, 'r/samples.jsonl'));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(6);
    const spent = partial.reduce((total, sample) => total + (sample.cost_usd as number), 0);
    expect(spent).toBeLessThanOrEqual(1.0001);
    expect(existsSync(join(dir, 'r/summary.json'))).toBe(false);

    const resumed = await runCli(costArgs(server, ['--max-cost', '100', '--json']), {
      cwd: dir,
      env: withKeys(env),
    });
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.samples).toBe(6);
    expect(summary.cost_usd).toBeGreaterThan(spent);
    expect(records(join(dir, 'r/samples.jsonl'))).toHaveLength(6);
  });
});
