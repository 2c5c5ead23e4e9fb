import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findProcesses } from '../conformance/machine-state.ts';
import { stepResult } from '../conformance/step-result.ts';
import { PasskError } from '../errors/passk-error.ts';
import type { ExecutionJob, Executor, Step, StepResult } from '../spec/executor.ts';
import { attributeLimit } from './attribute-limit.ts';
import { createLocalExecutor } from './local-executor.ts';
import type { LocalExecutorOptions } from './local-executor-options.ts';
import { removeStaleScratch } from './remove-stale-scratch.ts';
import { findCgroupParents } from './sandbox/cgroups.ts';
import type { StepOutcome } from './step-outcome.ts';

const LIMITS = { maxOutputBytes: 1024 * 1024, maxMemoryBytes: 1024 ** 3 };
const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
const root = process.getuid?.() === 0;

let scratch: string;
const executors: Executor[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'passk-sandbox-test-'));
  chmodSync(scratch, 0o755);
});
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function executor(options: LocalExecutorOptions = {}): Executor {
  const created = createLocalExecutor({ concurrency: 1, sandbox: 'bwrap', ...options });
  executors.push(created);
  return created;
}

const step = (script: string, extra: Partial<Step> = {}): Step => ({
  name: 'run',
  argv: ['sh', '-c', script],
  timeoutMs: 10_000,
  ...extra,
});

async function run(
  script: string,
  extra: Partial<Step> = {},
  job: Partial<ExecutionJob> = {},
  pool = executor(),
): Promise<StepResult> {
  const result = await pool.execute({
    files: [],
    steps: [step(script, extra)],
    limits: LIMITS,
    ...job,
  });
  return result.steps[0] as StepResult;
}

describe('the bwrap sandbox', () => {
  it('shows the system read-only and nothing of the home directory, the repository or /tmp', async () => {
    const planted = join(homedir(), `.passk-sandbox-test-${process.pid}`);
    writeFileSync(planted, 'secret');
    try {
      const result = await run(
        [
          `test -e ${planted} && echo home-visible`,
          `test -e ${REPO}/package.json && echo repo-visible`,
          `test -e ${scratch} && echo host-tmp-visible`,
          'touch /usr/passk-x 2>/dev/null && echo usr-writable',
          'touch /passk-x 2>/dev/null && echo root-writable',
          'touch /etc/passk-x 2>/dev/null && echo etc-writable',
          'touch /dev/passk-x 2>/dev/null && echo dev-writable',
          'test -e /etc/shadow && echo shadow-visible',
          'echo tmp > /tmp/t && echo shm > /dev/shm/s && echo work > w && cat /tmp/t /dev/shm/s w',
          'hostname',
        ].join('; '),
      );
      expect(result.stdoutTail).toBe('tmp\nshm\nwork\npasskk\n'.replace('passkk', 'passk'));
    } finally {
      rmSync(planted, { force: true });
    }
  });

  it('gives every job its own /tmp and work directory', async () => {
    const pool = executor();
    await run('echo left-behind > /tmp/mark; echo left-behind > mark', {}, {}, pool);
    const second = await run('cat /tmp/mark mark 2>&1; ls -A /tmp', {}, {}, pool);
    expect(second.stdoutTail).toMatch(/No such file or directory[\s\S]*No such file or directory/);
    expect(second.stdoutTail).not.toMatch(/left-behind/);
  });

  it('has no network: a server on 127.0.0.1 outside cannot be reached', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const result = await run(
        `python3 -c "import socket; socket.create_connection(('127.0.0.1', ${port}), 2)"`,
      );
      expect(result.exitCode).not.toBe(0);
      expect(result.stderrTail).toMatch(/ConnectionRefusedError/);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it('runs in its own PID namespace, as the slot uid when passk is root, with the limits applied', async () => {
    const result = await run(
      'ls /proc | grep -c "^[0-9]"; id -u; cat /proc/self/limits',
      { timeoutMs: 2500 },
      { limits: { ...LIMITS, maxProcesses: 77, maxFileBytes: 1024 * 1024 } },
      executor({ sandboxUidBase: 1_300_000_000 }),
    );
    const [processes, uid, ...limits] = result.stdoutTail.trim().split('\n');
    expect(Number(processes)).toBeLessThan(10);
    if (root) expect(uid).toBe('1300000000');
    else expect(uid).toBe(String(process.getuid?.()));
    const limit = (name: string): string[] =>
      (limits.find((line) => line.startsWith(name)) ?? '').slice(26).trim().split(/\s+/);
    expect(limit('Max cpu time')).toEqual(['3', '4', 'seconds']);
    expect(limit('Max file size')).toEqual([String(1024 * 1024), String(1024 * 1024), 'bytes']);
    expect(limit('Max processes')).toEqual(['77', '77', 'processes']);
    expect(limit('Max address space')).toEqual([String(1024 ** 3), String(1024 ** 3), 'bytes']);
    expect(limit('Max core file size')).toEqual(['0', '0', 'bytes']);
  });

  it('passes only the allow-listed environment', async () => {
    process.env.PASSK_SANDBOX_TEST_SECRET = 'do-not-leak';
    try {
      const result = await run('env; cat /proc/1/environ 2>/dev/null', { env: { EXTRA: 'yes' } });
      expect(result.stdoutTail).not.toMatch(/do-not-leak/);
      expect(result.stdoutTail).toMatch(/^EXTRA=yes$/m);
    } finally {
      delete process.env.PASSK_SANDBOX_TEST_SECRET;
    }
  });

  it('reports the file-size limit, a full work area and CPU time as limits', async () => {
    const limits = { ...LIMITS, maxFileBytes: 4 * 1024 * 1024 };
    const pool = executor({ workAreaBytes: 32 * 1024 * 1024 });
    const big = await run('head -c 10000000 /dev/zero > big', {}, { limits }, pool);
    expect(big).toMatchObject({ signal: 'SIGXFSZ', limit: 'file_size' });
    const full = await run(
      'for i in $(seq 1 15); do head -c 3000000 /dev/zero > f$i || exit 9; done',
      {},
      { limits },
      pool,
    );
    expect(full).toMatchObject({ exitCode: 9, limit: 'disk' });
    const after = await run('df -k /tmp | tail -1', {}, { limits }, pool);
    expect(after.exitCode).toBe(0);
    const cpu = await run('kill -XCPU $$', {}, {}, pool);
    expect(cpu).toMatchObject({ signal: 'SIGXCPU', limit: 'cpu_time' });
  });

  it('refuses toolchains outside the sandbox and mounts that do not exist, naming the fix', async () => {
    const tools = mkdtempSync(join(scratch, 'tools-'));
    chmodSync(tools, 0o755);
    writeFileSync(join(tools, 'tool'), '#!/bin/sh\necho from-tool\n', { mode: 0o755 });
    const pool = executor();
    const outside = await pool.execute({
      files: [],
      steps: [{ name: 'run', argv: [join(tools, 'tool')], timeoutMs: 5000 }],
      limits: LIMITS,
    });
    expect(outside.steps[0]?.spawnError).toMatch(
      /is outside the sandbox; the language must list its directory in Step.mounts/,
    );
    const mounted = await pool.execute({
      files: [],
      steps: [
        { name: 'run', argv: [join(tools, 'tool')], timeoutMs: 5000, mounts: [{ path: tools }] },
      ],
      limits: LIMITS,
    });
    expect(mounted.steps[0]?.stdoutTail).toBe('from-tool\n');
    const missing = await run('true', { mounts: [{ path: join(tools, 'nope') }] }, {}, pool);
    expect(missing.spawnError).toMatch(/mount .*nope does not exist/);
  });

  it('lets the build steps of every slot share a writable mount, and only those steps', async () => {
    const cache = mkdtempSync(join(scratch, 'cache-'));
    const pool = executor({ concurrency: 2, sandboxUidBase: 1_400_000_000 });
    const writable = [{ path: cache, writable: true }];
    // Two jobs at once (one per slot): each adds its own entry and appends to the other's.
    const build = (name: string, other: string) =>
      pool.execute({
        files: [],
        steps: [
          step(
            `mkdir -p ${cache}/d && echo ${name} > ${cache}/d/${name} && sleep 0.5 && ` +
              `echo again >> ${cache}/d/${other} && id -G`,
            { mounts: writable },
          ),
          step(`touch ${cache}/d/run 2>/dev/null && echo run-wrote; id -G`, {
            mounts: [{ path: cache }],
          }),
        ],
        limits: LIMITS,
      });
    const [first, second] = await Promise.all([build('a', 'b'), build('b', 'a')]);
    for (const result of [first, second]) {
      const [compile, runStep] = result.steps;
      expect(compile?.exitCode, compile?.stderrTail).toBe(0);
      expect(runStep?.stdoutTail).not.toMatch(/run-wrote/);
      if (root) {
        // The shared group (host gid 999 999 999) shows as the overflow gid in the step's own
        // user namespace; the run step has no supplementary group at all.
        expect(compile?.stdoutTail.trim().split(' ')).toEqual([
          expect.stringMatching(/^14000000/),
          '65534',
        ]);
        expect(runStep?.stdoutTail.trim().split(' ')).toEqual([expect.stringMatching(/^14000000/)]);
      }
    }
    expect(readFileSync(join(cache, 'd', 'a'), 'utf8')).toBe('a\nagain\n');
    expect(readFileSync(join(cache, 'd', 'b'), 'utf8')).toBe('b\nagain\n');
  });
  it('shares a writable mount between executors whatever their uid bases (one group for every run)', async () => {
    const cache = mkdtempSync(join(scratch, 'cache-'));
    const writable = [{ path: cache, writable: true }];
    const write = (pool: Executor, name: string) =>
      pool.execute({
        files: [],
        steps: [
          step(`mkdir -p ${cache}/d && echo ${name} > ${cache}/d/${name}`, { mounts: writable }),
        ],
        limits: LIMITS,
      });
    // Two passk runs with different slot uids (the hostile suite picks its own), one cache:
    // neither may take the cache's group from the other.
    const first = executor({ sandboxUidBase: 1_410_000_000 });
    const second = executor({ sandboxUidBase: 1_420_000_000 });
    for (const [pool, name] of [
      [first, 'a'],
      [second, 'b'],
      [first, 'c'],
    ] as const) {
      const [built] = (await write(pool, name)).steps;
      expect([name, built?.exitCode, built?.stderrTail]).toEqual([name, 0, '']);
    }
    expect(readdirSync(join(cache, 'd')).sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports a sandbox that fails to start as an infrastructure fault', async () => {
    const fake = join(scratch, 'flaky-bwrap');
    // Works for the probe and the work area, fails for every sandboxed step.
    writeFileSync(
      fake,
      '#!/bin/sh\ncase "$*" in *probe/work*) ;; *--json-status-fd*) echo "bwrap: simulated failure" >&2; exit 1;; esac\nexec /usr/bin/bwrap "$@"\n',
      { mode: 0o755 },
    );
    const result = await run('echo never', {}, {}, executor({ bwrapPath: fake }));
    // The fake lets the start-up probe (its work directory is /passk/jobs/probe/work) through.
    expect(result.infraError).toMatch(
      /the sandbox could not start the command: bwrap: simulated failure/,
    );
    expect(result.stdoutTail).toBe('');
  });

  it('refuses to start when bubblewrap is missing', () => {
    let error: unknown;
    try {
      createLocalExecutor({ sandbox: 'bwrap', bwrapPath: join(scratch, 'no-bwrap') });
    } catch (caught) {
      error = caught;
    }
    expect(PasskError.is(error) && error.code).toBe('sandbox-unavailable');
    expect((error as Error).message).toMatch(/apt-get install bubblewrap.*--sandbox none/s);
  });

  it('dies with passk: killing the process that owns the executor ends its sandboxes and work areas', async () => {
    const marker = `${Date.now()}.${process.pid}`;
    const ownerScratch = mkdtempSync(join(scratch, 'owner-'));
    const script = [
      `const { createLocalExecutor } = await import(${JSON.stringify(join(REPO, 'packages/core/dist/index.js'))});`,
      `const executor = createLocalExecutor({ concurrency: 1, sandbox: 'bwrap', scratchDir: ${JSON.stringify(ownerScratch)} });`,
      `executor.execute({ files: [], steps: [{ name: 'run', argv: ['sleep', '${marker}'], timeoutMs: 600000 }], limits: { maxOutputBytes: 1000, maxMemoryBytes: 0 } });`,
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const owner = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    try {
      // Killed as soon as its sandbox starts to appear: the moment a sandbox that is not yet
      // tied to its parent would escape.
      const deadline = Date.now() + 20_000;
      while (findProcesses(`sleep ${marker}`).length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(findProcesses(`sleep ${marker}`).length).toBeGreaterThan(0);
      owner.kill('SIGKILL');
      const left = (): unknown[] => [
        ...findProcesses(`sleep ${marker}`),
        ...findProcesses(ownerScratch),
      ];
      const gone = Date.now() + 5000;
      while (left().length > 0 && Date.now() < gone) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (left().length > 0) console.log('LEFT', JSON.stringify(left()), execSyncForDebug());
      expect(left()).toEqual([]);
    } finally {
      owner.kill('SIGKILL');
    }
  }, 30_000);
});

const cgroups = findCgroupParents();

describe.skipIf(cgroups === undefined)('the bwrap sandbox with cgroups', () => {
  it("bounds a slot's total memory: processes under their own RLIMIT_AS still meet the memory cgroup", async () => {
    const pool = executor();
    expect(pool.isolation?.join('\n')).toMatch(/cgroups v[12]: each slot/);
    const leaf = `passk-${process.pid}-`;
    const groups = (): string[] =>
      [cgroups?.memory, cgroups?.pids].flatMap((parent) =>
        readdirSync(parent as string).filter((name) => name.startsWith(leaf)),
      );
    const result = await run(
      // Each process touches 300 MiB: together they pass the slot's 512 MiB memory cgroup. The
      // time limit is generous, so that a busy machine cannot turn this into a timeout.
      'for i in 1 2 3 4; do python3 -c "b = bytes([120]) * (300 * 2 ** 20); import time; time.sleep(3)" & done; wait',
      { timeoutMs: 60_000 },
      { limits: { maxOutputBytes: 1024, maxMemoryBytes: 512 * 1024 ** 2 } },
      pool,
    );
    expect(result.limit).toBe('memory');
    expect(result.infraError).toBeUndefined();
    expect(groups().length).toBeGreaterThan(0);
    await pool.close();
    expect(groups()).toEqual([]);
  }, 150_000);
});
if (cgroups === undefined) {
  console.log(
    'skipped the cgroup tests: no writable cgroup with the memory and pids controllers here',
  );
}

describe('removeStaleScratch', () => {
  it('removes the scratch directories of passk processes that are gone, and nothing else', async () => {
    const parent = mkdtempSync(join(scratch, 'parent-'));
    const child = spawn('true');
    const dead = child.pid as number;
    await new Promise((resolve) => child.on('close', resolve));
    const names = [`passk-exec-${dead}-abc`, `passk-exec-${process.pid}-def`, 'passk-exec-ghijkl'];
    for (const name of names) writeFileSync(join(parent, name), '');
    removeStaleScratch(parent);
    expect(readdirSync(parent).sort()).toEqual(names.slice(1).sort());
  });
});

describe('attributeLimit', () => {
  const outcome = (fields: Partial<StepOutcome>): StepOutcome =>
    stepResult({ exitCode: 1, ...fields });
  const evidence = {
    hostDirectories: [],
    maxFileBytes: 0,
    areaFull: () => false,
    oomKillsBefore: 3,
  };

  it('treats a SIGKILL while the kernel OOM killer struck as an infrastructure fault', () => {
    const killed = outcome({ exitCode: null, signal: 'SIGKILL' });
    expect(attributeLimit(killed, { ...evidence, oomKills: () => 4 }).infraError).toMatch(
      /ran out of memory/,
    );
    expect(attributeLimit(killed, { ...evidence, oomKills: () => 3 }).infraError).toBeUndefined();
    // A timeout kill is passk's own SIGKILL, whatever the counter did.
    expect(
      attributeLimit({ ...killed, timedOut: true }, { ...evidence, oomKills: () => 9 }),
    ).toMatchObject({ limit: 'wall_time' });
  });

  it('finds a file at the size limit left in a job directory', () => {
    const directory = mkdtempSync(join(scratch, 'fsize-'));
    writeFileSync(join(directory, 'a'), Buffer.alloc(1024));
    expect(
      attributeLimit(outcome({}), { ...evidence, hostDirectories: [directory], maxFileBytes: 1024 })
        .limit,
    ).toBe('file_size');
    expect(
      attributeLimit(outcome({}), { ...evidence, hostDirectories: [directory], maxFileBytes: 2048 })
        .limit,
    ).toBeUndefined();
    expect(existsSync(directory)).toBe(true);
    expect(readFileSync(join(directory, 'a')).length).toBe(1024);
  });
});
