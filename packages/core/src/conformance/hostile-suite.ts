import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createLocalExecutor } from '../execution/local-executor.ts';
import type { LocalExecutorOptions } from '../execution/local-executor-options.ts';
import { judgeProgram } from '../run/judge-program.ts';
import type { Executor } from '../spec/executor.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Program } from '../spec/program.ts';
import type { Judgement, VerdictStatus } from '../spec/verdict.ts';
import { HOSTILE_THREATS, type HostileThreat } from './hostile-threats.ts';
import { findFiles, findProcesses } from './machine-state.ts';

/** What a hostile program gets to aim at; everything here must stay out of its reach. */
export interface HostileContext {
  /**
   * Unique to this program: hostile programs put it in the command line of every process
   * they start (e.g. as an argument of `sleep`), so that survivors can be found. No marker
   * of a suite is a prefix of another.
   */
  readonly marker: string;
  /** A file planted in the user's home directory for this program (passk can read it; programs must not). */
  readonly homeFile: string;
  /** A file planted in the repository for this program. */
  readonly repoFile: string;
  /** Files the program tries to create in the home, the repository, /tmp, /var/tmp, /dev/shm. */
  readonly writeTargets: readonly string[];
  /** Name and value of an API key planted in passk's own environment. */
  readonly apiKeyName: string;
  readonly apiKey: string;
  /** Port of a TCP server on 127.0.0.1, run by the suite for this program, that counts connections. */
  readonly port: number;
}

/** One program of a language's conformance table. */
export interface HostileProgram {
  readonly threat: HostileThreat;
  /** Short description (`os._exit(0) before the tests`). */
  readonly name: string;
  /** The complete program, as the language's dataset would build it. */
  readonly program: (context: HostileContext) => Program;
  /** The statuses that are right (usually one). */
  readonly expect: readonly VerdictStatus[];
  /**
   * What the reference harness's rule must conclude, where the language's rule is stricter
   * (e.g. an early `process.exit(0)` passes by MultiPL-E's exit code): `passed` true means the
   * verdict must carry `reference.passed === true`.
   */
  readonly expectReference?: { readonly passed: boolean };
}

/** Options of {@link runHostileSuite}. */
export interface HostileSuiteOptions {
  readonly language: Language;
  readonly toolchain: ToolchainInfo;
  readonly programs: readonly HostileProgram[];
  /** The repository (or any directory standing for the user's project). */
  readonly repoDirectory: string;
  /** Executor settings (sandbox mode, warm servers); `env` is the suite's. */
  readonly executor?: Omit<LocalExecutorOptions, 'env' | 'concurrency'>;
  /**
   * Programs run at once, 1 (default) or 2, each in its own executor slot. Every check stays
   * per program: each has its own marker, planted files, write targets and 127.0.0.1 server.
   */
  readonly concurrency?: 1 | 2;
  /** Multiplier of the language's time limits (default 1). */
  readonly timeoutFactor?: number;
}

/** What became of one hostile program. */
export interface HostileOutcome {
  readonly threat: HostileThreat;
  readonly name: string;
  readonly expected: readonly VerdictStatus[];
  readonly observed: VerdictStatus;
  readonly detail: string;
  readonly reference?: Judgement;
  /** The end of the last step's stderr (at most 500 characters), to tell why. */
  readonly stderrTail: string;
  /** Processes carrying the program's marker still alive after the job ended. */
  readonly leftovers: readonly string[];
  /** Files outside the sandbox created or changed by the program. */
  readonly outside: readonly string[];
  /** Connections the program's 127.0.0.1 server received. */
  readonly connections: number;
  /** True when the planted API key appears in what the program printed. */
  readonly leakedKey: boolean;
  /** Expected status (and reference judgement), machine clean, nothing reached. */
  readonly ok: boolean;
  readonly durationMs: number;
}

/** The result of a suite. */
export interface HostileSuiteReport {
  readonly outcomes: readonly HostileOutcome[];
  /** Threats no program of the table covers. */
  readonly missingThreats: readonly HostileThreat[];
  /** After the executor closed: processes of the suite still alive, files it left behind. */
  readonly afterClose: { readonly processes: readonly string[]; readonly files: readonly string[] };
  /** True when every outcome is ok, no threat is missing and nothing was left behind. */
  readonly ok: boolean;
  /** Wall-clock time of the whole suite, in milliseconds. */
  readonly durationMs: number;
}

const API_KEY_NAME = 'PASSK_HOSTILE_TEST_API_KEY';

/**
 * Runs a language's hostile programs through the real local executor (the `bwrap` sandbox
 * unless `executor.sandbox` says otherwise; `concurrency` at a time, default one) and
 * `judgeProgram` (the run's judging: the language's rule, limits, infrastructure retries), and checks after each that it ended
 * with an expected status, left no process behind, changed no file outside the sandbox (home,
 * repository, /tmp, /var/tmp, /dev/shm), reached no server on 127.0.0.1 and did not print the
 * API key planted in passk's environment. After the executor closes, nothing of the suite may
 * remain: no process carrying its marker (or, as root, running as one of its sandbox uids) and
 * no file named after it or owned by those uids. Planted files and the API key are removed at
 * the end.
 *
 * Returns the report; never throws for a program's behaviour.
 */
export async function runHostileSuite(options: HostileSuiteOptions): Promise<HostileSuiteReport> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 1;
  const token = `passk-hostile-${randomBytes(6).toString('hex')}`;
  const apiKey = `sk-${randomBytes(12).toString('hex')}`;
  const previousKey = process.env[API_KEY_NAME];
  process.env[API_KEY_NAME] = apiKey;
  const uidBase =
    options.executor?.sandboxUidBase ?? 1_100_000_000 + randomBytes(3).readUIntBE(0, 3);
  const uids = new Set(
    process.getuid?.() === 0
      ? Array.from({ length: concurrency }, (_, index) => uidBase + index)
      : [],
  );
  const outcomes: HostileOutcome[] = [];
  let executor: Executor | undefined;
  try {
    executor = createLocalExecutor({
      ...options.executor,
      sandboxUidBase: uidBase,
      concurrency,
      env: { PASSK_HOSTILE_RUN: token },
    });
    const run = executor;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < options.programs.length) {
        const index = next++;
        const entry = options.programs[index] as HostileProgram;
        outcomes[index] = await runOne(options, run, entry, `${token}-p${index}x`, apiKey);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await executor?.close();
    if (previousKey === undefined) delete process.env[API_KEY_NAME];
    else process.env[API_KEY_NAME] = previousKey;
  }
  const processes = findProcesses(token, uids).map(describeProcess);
  const files = findFiles(
    [homedir(), options.repoDirectory, '/tmp', '/var/tmp', '/dev/shm'],
    token,
    uids,
  );
  for (const path of files) rmSync(path, { force: true, recursive: true });
  const covered = new Set(options.programs.map((entry) => entry.threat));
  const missingThreats = (Object.keys(HOSTILE_THREATS) as HostileThreat[]).filter(
    (threat) => !covered.has(threat),
  );
  return {
    outcomes,
    missingThreats,
    afterClose: { processes, files },
    ok:
      outcomes.every((outcome) => outcome.ok) &&
      missingThreats.length === 0 &&
      processes.length === 0 &&
      files.length === 0,
    durationMs: performance.now() - started,
  };
}

/** Runs one program with its own planted files and server, checks the machine, cleans up. */
async function runOne(
  options: HostileSuiteOptions,
  executor: Executor,
  entry: HostileProgram,
  marker: string,
  apiKey: string,
): Promise<HostileOutcome> {
  const planted = `planted by ${marker}\n`;
  const homeFile = join(homedir(), `.${marker}-planted.txt`);
  const repoFile = join(options.repoDirectory, `.${marker}-planted.txt`);
  const writeTargets = [
    join(homedir(), `.${marker}-written`),
    join(options.repoDirectory, `.${marker}-written`),
    `/tmp/${marker}-written`,
    `/var/tmp/${marker}-written`,
    `/dev/shm/${marker}-written`,
  ];
  writeFileSync(homeFile, planted);
  writeFileSync(repoFile, planted);
  const server = await listenCounting();
  try {
    const context: HostileContext = {
      marker,
      homeFile,
      repoFile,
      writeTargets,
      apiKeyName: API_KEY_NAME,
      apiKey,
      port: server.port,
    };
    const program = entry.program(context);
    const started = performance.now();
    const { verdict, result } = await judgeProgram({
      language: options.language,
      toolchain: options.toolchain,
      executor,
      program,
      timeoutFactor: options.timeoutFactor ?? 1,
    });
    const durationMs = performance.now() - started;
    const leftovers = findProcesses(marker).map(describeProcess);
    const outside = [
      ...writeTargets.filter((path) => existsSync(path)),
      ...[homeFile, repoFile].filter((path) => readOrNull(path) !== planted),
    ];
    const printed = (result?.steps ?? [])
      .flatMap((step) => [step.stdoutTail, step.stderrTail, JSON.stringify(step.report)])
      .join('\n');
    const leakedKey = printed.includes(apiKey);
    const connections = server.connections();
    const referenceOk =
      entry.expectReference === undefined ||
      (verdict.reference?.passed ?? verdict.passed) === entry.expectReference.passed;
    return {
      threat: entry.threat,
      name: entry.name,
      expected: entry.expect,
      observed: verdict.status,
      detail: verdict.detail,
      ...(verdict.reference === undefined ? {} : { reference: verdict.reference }),
      stderrTail: result?.steps.at(-1)?.stderrTail.slice(-500) ?? '',
      leftovers,
      outside,
      connections,
      leakedKey,
      ok:
        entry.expect.includes(verdict.status) &&
        referenceOk &&
        leftovers.length === 0 &&
        outside.length === 0 &&
        connections === 0 &&
        !leakedKey,
      durationMs,
    };
  } finally {
    await server.close();
    for (const path of [homeFile, repoFile, ...writeTargets]) {
      rmSync(path, { force: true, recursive: true });
    }
  }
}

/** A TCP server on 127.0.0.1 (port chosen by the system) that counts and drops connections. */
async function listenCounting(): Promise<{
  readonly port: number;
  readonly connections: () => number;
  readonly close: () => Promise<void>;
}> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function describeProcess(process: { pid: number; uid: number; cmdline: string }): string {
  return `${process.pid} (uid ${process.uid}): ${process.cmdline}`;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
