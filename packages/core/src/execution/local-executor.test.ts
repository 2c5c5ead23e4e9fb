import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PasskError } from '../errors/passk-error.ts';
import type { ExecutionJob, Executor, Step } from '../spec/executor.ts';
import { defaultScratchParent } from './default-scratch-parent.ts';
import { createLocalExecutor } from './local-executor.ts';
import type { LocalExecutorOptions } from './local-executor-options.ts';
import type { SandboxMode } from './sandbox/sandbox-mode.ts';

const PYTHON = '/usr/bin/python3';
const LIMITS = { maxOutputBytes: 1024 * 1024, maxMemoryBytes: 0 };

let sandbox: string;
const executors: Executor[] = [];

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'passk-executor-test-'));
});
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});
afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

/** Every sandbox mode; the executor's plumbing must behave the same in each. */
const MODES: readonly SandboxMode[] = ['none', 'bwrap'];

let mode: SandboxMode = 'none';

function executor(options: LocalExecutorOptions = {}): Executor {
  const created = createLocalExecutor({ concurrency: 2, sandbox: mode, ...options });
  executors.push(created);
  return created;
}

function job(steps: Step[], extra: Partial<ExecutionJob> = {}): ExecutionJob {
  return { files: [], steps, limits: LIMITS, ...extra };
}

function step(argv: string[], extra: Partial<Step> = {}): Step {
  return { name: 'run', argv, timeoutMs: 10_000, ...extra };
}

/** A sleep duration unique to this call, so its processes can be found in /proc. */
function uniqueSleep(): string {
  return `${30 + Math.floor(Math.random() * 1e6) / 1e6}`;
}

/** Pids of live (non-zombie) processes whose command line contains `needle`. */
function processesMatching(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes(needle) && state !== 'Z') pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe.each(MODES)('createLocalExecutor (sandbox %s)', (sandboxMode) => {
  beforeAll(() => {
    mode = sandboxMode;
  });

  it('reports exit codes and stops after a failing step', async () => {
    const result = await executor().execute(
      job([
        step(['sh', '-c', 'echo out; echo err >&2; exit 3']),
        step(['true'], { name: 'never' }),
      ]),
    );
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({
      name: 'run',
      exitCode: 3,
      signal: null,
      timedOut: false,
      outputLimitExceeded: false,
      stdoutTail: 'out\n',
      stderrTail: 'err\n',
      stdoutBytes: 4,
      stderrBytes: 4,
      report: null,
    });
    expect(result.steps[0]?.spawnError).toBeUndefined();
  });

  it('continues after a failing step with stopOnFailure false', async () => {
    const result = await executor().execute(
      job([step(['false'], { stopOnFailure: false }), step(['true'], { name: 'second' })]),
    );
    expect(result.steps.map((s) => [s.name, s.exitCode])).toEqual([
      ['run', 1],
      ['second', 0],
    ]);
  });

  it('writes files (also in subdirectories) and reads the report file', async () => {
    const result = await executor().execute(
      job(
        [
          step(['sh', '-c', 'cat sub/dir/input.txt > report.json'], { reportFile: 'report.json' }),
          step(['sh', '-c', 'echo not-json > bad.json'], { name: 'bad', reportFile: 'bad.json' }),
          step(['true'], { name: 'missing', reportFile: 'missing.json' }),
        ],
        { files: [{ path: 'sub/dir/input.txt', contents: '{"ok": "ü"}' }] },
      ),
    );
    expect(result.steps.map((s) => s.report)).toEqual([{ ok: 'ü' }, null, null]);
  });

  it('starts a step with freshFiles in a renewed work area that the steps after it share', async () => {
    const leave = [
      'mkdir -p sub && echo left > sub/left.txt && chmod 000 sub',
      'echo changed > input.txt',
      // Without a sandbox /tmp is the host's: only the work directory is renewed.
      mode === 'bwrap' ? 'echo left > /tmp/left && echo left > /dev/shm/left' : 'true',
    ].join('; ');
    const list = (dir: string): string => `echo "${dir}: $(ls -A ${dir} | tr '\\n' ' ')"`;
    const look = [
      list('.'),
      list('judge'),
      'cat judge/input.txt; echo',
      list('/tmp'),
      list('/dev/shm'),
      'echo seen > mine.txt',
    ].join('; ');
    const result = await executor().execute(
      job(
        [
          step(['sh', '-c', leave], { name: 'program' }),
          step(['sh', '-c', look], {
            name: 'judge',
            freshFiles: [{ path: 'judge/input.txt', contents: 'fresh' }],
          }),
          step(['sh', '-c', list('.')], { name: 'after' }),
        ],
        { files: [{ path: 'input.txt', contents: 'original' }] },
      ),
    );
    expect(result.steps.map((s) => s.exitCode)).toEqual([0, 0, 0]);
    const [, judge, after] = result.steps;
    const lines = judge?.stdoutTail.split('\n') ?? [];
    expect(lines.slice(0, 3)).toEqual(['.: judge ', 'judge: input.txt ', 'fresh']);
    if (mode === 'bwrap') expect(lines.slice(3, 5)).toEqual(['/tmp: ', '/dev/shm: ']);
    expect(after?.stdoutTail).toBe('.: judge mine.txt \n');
  });

  it('gives a fresh work area the files earlier steps kept, never through a link', async () => {
    const secret = join(sandbox, `host-secret-${mode}.json`);
    writeFileSync(secret, '{"secret": true}');
    const build = `echo built > out.txt; mkdir d; echo deep > d/f; ln -s ${secret} link.json; ln -s ${secret} report.json`;
    const result = await executor().execute(
      job([
        step(['sh', '-c', build], {
          name: 'build',
          keepFiles: ['out.txt', 'd/f', 'link.json', 'missing.txt'],
          reportFile: 'report.json',
        }),
        step(['sh', '-c', 'echo changed > out.txt'], { name: 'program', keepFiles: [] }),
        step(['sh', '-c', 'ls -A . d; cat out.txt d/f'], {
          name: 'judge',
          freshFiles: [{ path: 'mine.txt', contents: '' }],
        }),
      ]),
    );
    expect(result.steps[0]?.report).toBeNull();
    expect(result.steps[2]?.stdoutTail).toBe('.:\nd\nmine.txt\nout.txt\n\nd:\nf\nbuilt\ndeep\n');
  });

  it('kills the whole process tree on timeout', async () => {
    const duration = uniqueSleep();
    const result = await executor().execute(
      job([step(['sh', '-c', `sleep ${duration} & sleep ${duration}`], { timeoutMs: 300 })]),
    );
    expect(result.steps[0]).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(await eventually(() => processesMatching(`sleep ${duration}`).length === 0)).toBe(true);
  });

  it('reaps children left behind by a step that exited', async () => {
    const duration = uniqueSleep();
    const result = await executor().execute(
      job([step(['sh', '-c', `sleep ${duration} & exit 0`])]),
    );
    expect(result.steps[0]).toMatchObject({ exitCode: 0, timedOut: false });
    expect(await eventually(() => processesMatching(`sleep ${duration}`).length === 0)).toBe(true);
  });

  it('ends a step when its main process exits, killing a setsid daemon that holds stdout', async () => {
    const marker = `passk-daemon-${uniqueSleep()}`;
    const daemon = `setsid /bin/sh -c 'trap "" HUP INT TERM; echo daemon-up; while :; do sleep 1; done' ${marker} </dev/null &`;
    const started = performance.now();
    const result = await executor().execute(
      job([step(['sh', '-c', `${daemon} sleep 0.3; echo answer; exit 7`], { timeoutMs: 30_000 })]),
    );
    const wallMs = performance.now() - started;
    const run = result.steps[0];
    expect(run).toMatchObject({ exitCode: 7, signal: null, timedOut: false });
    expect(run?.stdoutTail.split('\n').sort()).toEqual(['', 'answer', 'daemon-up']);
    // Gone when the result is there: killed with the sandbox, or by the pipe it held.
    expect(processesMatching(marker)).toEqual([]);
    // Ended with the main process, far from the 30 s time limit the daemon would run into.
    expect(run?.durationMs).toBeLessThan(10_000);
    expect(wallMs).toBeLessThan(10_000);
  });

  it('kills a step whose output passes the limit', async () => {
    const result = await executor().execute(
      job([step(['yes'])], { limits: { maxOutputBytes: 100_000, maxMemoryBytes: 0 } }),
    );
    const run = result.steps[0];
    expect(run).toMatchObject({ outputLimitExceeded: true, timedOut: false, signal: 'SIGKILL' });
    expect(run?.stdoutBytes).toBeGreaterThan(100_000);
    expect(run?.stdoutTail.length).toBeLessThanOrEqual(4096);
    expect(run?.stdoutTail.endsWith('y\n')).toBe(true);
  });

  it('reports a missing command as spawnError, with and without a memory limit', async () => {
    for (const maxMemoryBytes of [0, 1024 ** 3]) {
      const result = await executor().execute(
        job([step(['passk-no-such-command-xyz', '--version'])], {
          limits: { maxOutputBytes: 1024, maxMemoryBytes },
        }),
      );
      expect(result.steps[0]?.spawnError).toMatch(/ENOENT/);
      expect(result.steps[0]?.exitCode).toBeNull();
    }
  });

  it('applies the memory limit to the step process', async () => {
    const script = 'import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])';
    const result = await executor().execute(
      job([step([PYTHON, '-c', script])], {
        limits: { maxOutputBytes: 1024, maxMemoryBytes: 512 * 1024 ** 2 },
      }),
    );
    expect(result.steps[0]?.stdoutTail.trim()).toBe(String(512 * 1024 ** 2));
  });

  it('passes only the allow-listed environment', async () => {
    process.env.PASSK_TEST_SECRET = 'do-not-leak';
    try {
      const result = await executor({ env: { EXTRA_SETTING: 'yes' } }).execute(
        job([step(['sh', '-c', 'env; pwd'])]),
      );
      const lines = result.steps[0]?.stdoutTail.trim().split('\n') ?? [];
      const workDir = lines.at(-1) ?? '';
      const names = lines
        .slice(0, -1)
        .map((line) => line.split('=')[0])
        .filter((name) => name !== 'PWD' && name !== 'SHLVL' && name !== '_');
      expect(names.sort()).toEqual(
        [
          'EXTRA_SETTING',
          'HOME',
          'LANG',
          'LC_ALL',
          'PATH',
          'PYTHONDONTWRITEBYTECODE',
          'TMPDIR',
        ].sort(),
      );
      expect(lines).toContain('PATH=/usr/local/bin:/usr/bin:/bin');
      expect(lines).toContain(`HOME=${workDir}`);
      expect(lines).toContain(`TMPDIR=${workDir}`);
      expect(result.steps[0]?.stdoutTail).not.toContain('do-not-leak');
    } finally {
      delete process.env.PASSK_TEST_SECRET;
    }
  });

  it("adds a step's own variables to that step only, over the defaults", async () => {
    const result = await executor({ env: { EXTRA_SETTING: 'executor' } }).execute(
      job([
        step(['sh', '-c', 'echo "$STEP_SETTING $EXTRA_SETTING $LANG"'], {
          name: 'first',
          env: { STEP_SETTING: 'mine', EXTRA_SETTING: 'step', LANG: 'C' },
        }),
        step(['sh', '-c', 'echo "[$STEP_SETTING] $EXTRA_SETTING $LANG"'], { name: 'second' }),
      ]),
    );
    expect(result.steps.map((outcome) => outcome.stdoutTail.trim())).toEqual([
      'mine step C',
      '[] executor C.UTF-8',
    ]);
  });

  it('gives steps an empty stdin', async () => {
    const result = await executor().execute(
      job([step(['sh', '-c', 'cat; echo done'], { timeoutMs: 5000 })]),
    );
    expect(result.steps[0]).toMatchObject({ exitCode: 0, timedOut: false, stdoutTail: 'done\n' });
  });

  it('never runs more jobs at once than its concurrency, and starts them in order', async () => {
    const marks = mkdtempSync(join(sandbox, 'marks-'));
    chmodSync(marks, 0o777);
    const run = (concurrency: number, count: number) => {
      const pool = executor({ concurrency, env: { MARKS: marks } });
      return Promise.all(
        Array.from({ length: count }, (_, index) =>
          pool.execute(
            job([
              step(
                [
                  'sh',
                  '-c',
                  `s=$(date +%s%N); sleep 0.15; e=$(date +%s%N); echo "$s $e" > "$MARKS/${concurrency}-${index}"`,
                ],
                { mounts: [{ path: marks, writable: true }] },
              ),
            ]),
          ),
        ),
      );
    };
    await run(2, 6);
    await run(1, 4);
    const intervals = (concurrency: number, count: number) =>
      Array.from({ length: count }, (_, index) =>
        readFileSync(join(marks, `${concurrency}-${index}`), 'utf8')
          .trim()
          .split(' ')
          .map(BigInt),
      );
    const maxOverlap = (spans: bigint[][]) =>
      Math.max(
        ...spans.map(
          ([start]) =>
            spans.filter(([s, e]) => (s ?? 0n) <= (start ?? 0n) && (start ?? 0n) < (e ?? 0n))
              .length,
        ),
      );
    expect(maxOverlap(intervals(2, 6))).toBeLessThanOrEqual(2);
    const serial = intervals(1, 4);
    expect(maxOverlap(serial)).toBe(1);
    const starts = serial.map(([start]) => start ?? 0n);
    expect([...starts].sort((a, b) => (a < b ? -1 : 1))).toEqual(starts);
  });

  it('kills the job and rejects when aborted, also while queued', async () => {
    const duration = uniqueSleep();
    const pool = executor({ concurrency: 1 });
    const controller = new AbortController();
    const running = pool.execute(
      job([step(['sh', '-c', `sleep ${duration} & sleep ${duration}`])]),
      controller.signal,
    );
    const queued = pool
      .execute(job([step(['true'])]), controller.signal)
      .catch((error: unknown) => error);
    await eventually(() => processesMatching(`sleep ${duration}`).length >= 2);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(await queued).toMatchObject({ name: 'AbortError' });
    expect(await eventually(() => processesMatching(`sleep ${duration}`).length === 0)).toBe(true);
    const after = await pool.execute(job([step(['true'])]));
    expect(after.steps[0]?.exitCode).toBe(0);
  });

  it('removes work directories, keeps them on request, and removes its scratch directory on close', async () => {
    const scratch = join(sandbox, `scratch-remove-${mode}`);
    const debug: string[] = [];
    const pool = executor({ scratchDir: scratch });
    await pool.execute(job([step(['sh', '-c', 'mkdir -p a/b && touch a/b/c && chmod 500 a/b'])]));
    if (mode === 'none') expect(await readdir(scratch)).toEqual([]);
    else {
      // Job directories live in the slot's work area, which exists only in its namespace.
      expect((await readdir(scratch)).filter((name) => name.startsWith('job-'))).toEqual([]);
      expect(await readdir(join(scratch, 'slot-0'))).toEqual([]);
    }

    const keep = join(sandbox, `scratch-keep-${mode}`);
    const keeping = executor({
      scratchDir: keep,
      keepWorkDirs: true,
      logger: { warn: () => {}, debug: (message) => debug.push(message) },
    });
    await keeping.execute(job([step(['touch', 'kept.txt'])]));
    const kept = (debug.find((line) => line.startsWith('kept work directory ')) ?? '').slice(20);
    expect(await readdir(kept)).toEqual(['kept.txt']);

    const logged: string[] = [];
    const owning = createLocalExecutor({
      concurrency: 1,
      sandbox: mode,
      keepWorkDirs: true,
      logger: { warn: () => {}, debug: (message) => logged.push(message) },
    });
    const result = await owning.execute(job([step(['sh', '-c', 'echo $TMPDIR'])]));
    const workDir = (result.steps[0]?.stdoutTail ?? '').trim();
    if (mode === 'none') expect(workDir).toMatch(/passk-exec-[^/]+\/job-[^/]+$/);
    else expect(workDir).toMatch(/^\/passk\/jobs\/job-[^/]+\/work$/);
    const own = /(\/[^ ]*\/passk-exec-[^/]+)\//.exec(logged.join('\n'))?.[1] ?? '';
    const scratchPath = own.replace(/^\/proc\/\d+\/root/, '');
    expect(scratchPath.startsWith(defaultScratchParent())).toBe(true);
    expect(readdirSync(scratchPath).length).toBeGreaterThan(0);
    await owning.close();
    expect(() => readdirSync(scratchPath)).toThrow();
    await expect(owning.execute(job([step(['true'])]))).rejects.toMatchObject({
      code: 'executor-broken',
    });
  });

  it('rejects invalid jobs: paths leaving the work directory, empty argv, no time limit', async () => {
    const pool = executor();
    for (const path of ['../escape.txt', '/etc/passwd', 'a/../../b', '']) {
      const error = await pool
        .execute(job([step(['true'])], { files: [{ path, contents: 'x' }] }))
        .catch((caught: unknown) => caught);
      expect(PasskError.is(error) && error.code).toBe('executor-broken');
    }
    for (const bad of [step([]), step(['true'], { timeoutMs: 0 })]) {
      await expect(pool.execute(job([bad]))).rejects.toMatchObject({ code: 'executor-broken' });
    }
    await expect(
      pool.execute(job([step(['true'], { freshFiles: [{ path: '../f', contents: '' }] })])),
    ).rejects.toMatchObject({ code: 'executor-broken' });
    await expect(
      pool.execute(job([step(['true'], { reportFile: '../r.json' })])),
    ).rejects.toMatchObject({
      code: 'executor-broken',
    });
    for (const path of ['relative/dir', '/usr/../root', '/']) {
      await expect(
        pool.execute(job([step(['true'], { mounts: [{ path }] })])),
      ).rejects.toMatchObject({ code: 'executor-broken' });
    }
  });
});

describe.each(MODES)('warm step servers (sandbox %s)', (sandboxMode) => {
  let scripts: string;
  beforeAll(() => {
    mode = sandboxMode;
    scripts = mkdtempSync(join(sandbox, 'servers-'));
    chmodSync(scripts, 0o777);
    // A fake passk-fork-v1 server: behaviour chosen by its argument; records its starts.
    writeFileSync(
      join(scripts, 'fake_server.py'),
      [
        'import base64, json, os, sys, time',
        'mode, starts = sys.argv[1], sys.argv[2]',
        "open(starts, 'a').write(f'{os.getpid()}\\n')",
        'for line in sys.stdin:',
        '    request = json.loads(line)',
        "    if mode == 'garbage': print('hello', flush=True); continue",
        "    if mode == 'die': sys.exit(1)",
        "    if mode == 'hang': time.sleep(3600)",
        "    if mode == 'decline': print(json.dumps({'id': request['id'], 'error': 'no'}), flush=True); continue",
        "    tail = base64.b64encode(b'from-server').decode()",
        "    print(json.dumps({'id': request['id'], 'exit_code': 0, 'signal': None, 'timed_out': False,",
        "        'output_limit_exceeded': False, 'duration_ms': 1.0, 'stdout_tail': tail, 'stderr_tail': '',",
        "        'stdout_bytes': 11, 'stderr_bytes': 0}), flush=True)",
      ].join('\n'),
    );
  });

  const serverStep = (behaviour: string, starts: string, timeoutMs = 2000): Step =>
    step(['sh', '-c', 'printf from-spawn'], {
      timeoutMs,
      server: {
        argv: [PYTHON, join(scripts, 'fake_server.py'), behaviour, starts],
        protocol: 'passk-fork-v1',
      },
      mounts: [{ path: scripts, writable: true }],
    });

  const starts = (file: string): number => {
    try {
      return readFileSync(file, 'utf8').trim().split('\n').length;
    } catch {
      return 0;
    }
  };

  it('uses one warm server per slot for many jobs', async () => {
    const file = join(scripts, 'good-starts');
    const pool = executor({ concurrency: 1 });
    for (let index = 0; index < 3; index += 1) {
      const result = await pool.execute(job([serverStep('good', file)]));
      expect(result.steps[0]).toMatchObject({
        exitCode: 0,
        stdoutTail: 'from-server',
        stdoutBytes: 11,
      });
    }
    expect(starts(file)).toBe(1);
    await pool.close();
    expect(processesMatching(file)).toEqual([]);
  });

  it('spawns instead when servers are disabled', async () => {
    const file = join(scripts, 'disabled-starts');
    const result = await executor({ useStepServers: false }).execute(
      job([serverStep('good', file)]),
    );
    expect(result.steps[0]?.stdoutTail).toBe('from-spawn');
    expect(starts(file)).toBe(0);
  });

  for (const behaviour of ['garbage', 'die', 'hang', 'decline']) {
    it(`falls back to spawning when the server answers with '${behaviour}'`, async () => {
      const file = join(scripts, `${behaviour}-starts`);
      const warnings: string[] = [];
      const pool = executor({
        concurrency: 1,
        logger: { warn: (message) => warnings.push(message) },
      });
      // The fallback runs under the same limit: long enough for a sandbox and Python to start
      // on a busy machine (a hung server is given up after this limit + 5 s, twice: ~30 s).
      const timeoutMs = 10_000;
      const first = await pool.execute(job([serverStep(behaviour, file, timeoutMs)]));
      const second = await pool.execute(job([serverStep(behaviour, file, timeoutMs)]));
      for (const result of [first, second]) {
        expect(result.steps[0]).toMatchObject({
          exitCode: 0,
          stdoutTail: 'from-spawn',
          timedOut: false,
        });
      }
      expect(warnings.length).toBeGreaterThan(0);
      // A failed server is replaced by a fresh one for the next job; a declining one is kept.
      expect(starts(file)).toBe(behaviour === 'decline' ? 1 : 2);
      await pool.close();
      expect(await eventually(() => processesMatching(file).length === 0)).toBe(true);
    }, 120_000);
  }

  it('stops using a server command after repeated failures', async () => {
    const file = join(scripts, 'repeat-starts');
    const warnings: string[] = [];
    const pool = executor({
      concurrency: 1,
      logger: { warn: (message) => warnings.push(message) },
    });
    for (let index = 0; index < 5; index += 1) {
      const result = await pool.execute(job([serverStep('die', file)]));
      expect(result.steps[0]?.stdoutTail).toBe('from-spawn');
    }
    expect(starts(file)).toBe(3);
    expect(warnings.some((warning) => warning.includes('stops using it'))).toBe(true);
  });
});
