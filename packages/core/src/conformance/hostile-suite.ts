import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createLocalExecutor } from '../execution/local-executor.ts';
import type { LocalExecutorOptions } from '../execution/local-executor-options.ts';
import { judgeExecution } from '../run/judge-execution.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Program } from '../spec/program.ts';
import type { Judgement, VerdictStatus } from '../spec/verdict.ts';
import { HOSTILE_THREATS, type HostileThreat } from './hostile-threats.ts';
import { findFiles, findProcesses } from './machine-state.ts';

/** What a hostile program gets to aim at; everything here must stay out of its reach. */
export interface HostileContext {
  /**
   * Unique to this program: hostile programs put it in the command line of every process
   * they start (e.g. as an argument of `sleep`), so that survivors can be found.
   */
  readonly marker: string;
  /** A file planted in the user's home directory (passk can read it; programs must not). */
  readonly homeFile: string;
  /** A file planted in the repository. */
  readonly repoFile: string;
  /** Files the program tries to create in the home, the repository, /tmp, /var/tmp, /dev/shm. */
  readonly writeTargets: readonly string[];
  /** Name and value of an API key planted in passk's own environment. */
  readonly apiKeyName: string;
  readonly apiKey: string;
  /** Port of a TCP server on 127.0.0.1, run by the suite, that counts connections. */
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
  /** Executor settings (sandbox mode, warm servers); concurrency is 1, `env` is the suite's. */
  readonly executor?: Omit<LocalExecutorOptions, 'env' | 'concurrency'>;
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
  /** Processes carrying the program's marker still alive after the job ended. */
  readonly leftovers: readonly string[];
  /** Files outside the sandbox created or changed by the program. */
  readonly outside: readonly string[];
  /** Connections the 127.0.0.1 server received during the program. */
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
}

/**
 * Runs a language's hostile programs one at a time through the real local executor (the
 * `bwrap` sandbox unless `executor.sandbox` says otherwise) and `judgeExecution` with the
 * language's classification, and checks after each that it ended with an expected status,
 * left no process behind, changed no file outside the sandbox (home, repository, /tmp,
 * /var/tmp, /dev/shm), reached no server on 127.0.0.1 and did not print the API key planted
 * in passk's environment. After the executor closes, nothing of the suite may remain: no
 * process carrying its marker (or, as root, running as its sandbox uid) and no file named
 * after it or owned by that uid. Planted files and the API key are removed at the end.
 *
 * Returns the report; never throws for a program's behaviour.
 */
export async function runHostileSuite(options: HostileSuiteOptions): Promise<HostileSuiteReport> {
  const token = `passk-hostile-${randomBytes(6).toString('hex')}`;
  const apiKeyName = 'PASSK_HOSTILE_TEST_API_KEY';
  const apiKey = `sk-${randomBytes(12).toString('hex')}`;
  const homeFile = join(homedir(), `.${token}-planted.txt`);
  const repoFile = join(options.repoDirectory, `.${token}-planted.txt`);
  const planted = `planted by ${token}\n`;
  writeFileSync(homeFile, planted);
  writeFileSync(repoFile, planted);
  const previousKey = process.env[apiKeyName];
  process.env[apiKeyName] = apiKey;
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const uidBase =
    options.executor?.sandboxUidBase ?? 1_100_000_000 + randomBytes(3).readUIntBE(0, 3);
  const uids = new Set(process.getuid?.() === 0 ? [uidBase] : []);
  const executor = createLocalExecutor({
    ...options.executor,
    sandboxUidBase: uidBase,
    concurrency: 1,
    env: { PASSK_HOSTILE_RUN: token },
  });
  const outcomes: HostileOutcome[] = [];
  try {
    for (const [index, entry] of options.programs.entries()) {
      const marker = `${token}-${index}`;
      const writeTargets = [
        join(homedir(), `.${marker}-written`),
        join(options.repoDirectory, `.${marker}-written`),
        `/tmp/${marker}-written`,
        `/var/tmp/${marker}-written`,
        `/dev/shm/${marker}-written`,
      ];
      const context: HostileContext = {
        marker,
        homeFile,
        repoFile,
        writeTargets,
        apiKeyName,
        apiKey,
        port,
      };
      const program = entry.program(context);
      const steps = options.language.steps(program, options.toolchain, {
        timeoutFactor: options.timeoutFactor ?? 1,
      });
      const before = connections;
      const started = performance.now();
      const result = await executor.execute({
        files: program.files,
        steps,
        limits: options.language.limits(program),
      });
      const durationMs = performance.now() - started;
      const verdict = judgeExecution(options.language, program, result);
      const leftovers = findProcesses(marker).map(
        (process) => `${process.pid} (uid ${process.uid}): ${process.cmdline}`,
      );
      const outside = [
        ...writeTargets.filter((path) => existsSync(path)),
        ...[homeFile, repoFile].filter((path) => readOrNull(path) !== planted),
      ];
      const printed = result.steps
        .flatMap((step) => [step.stdoutTail, step.stderrTail, JSON.stringify(step.report)])
        .join('\n');
      const leakedKey = printed.includes(apiKey);
      const reached = connections - before;
      const referenceOk =
        entry.expectReference === undefined ||
        (verdict.reference?.passed ?? verdict.passed) === entry.expectReference.passed;
      outcomes.push({
        threat: entry.threat,
        name: entry.name,
        expected: entry.expect,
        observed: verdict.status,
        detail: verdict.detail,
        ...(verdict.reference === undefined ? {} : { reference: verdict.reference }),
        leftovers,
        outside,
        connections: reached,
        leakedKey,
        ok:
          entry.expect.includes(verdict.status) &&
          referenceOk &&
          leftovers.length === 0 &&
          outside.length === 0 &&
          reached === 0 &&
          !leakedKey,
        durationMs,
      });
      for (const path of writeTargets) rmSync(path, { force: true, recursive: true });
    }
  } finally {
    await executor.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (previousKey === undefined) delete process.env[apiKeyName];
    else process.env[apiKeyName] = previousKey;
  }
  const processes = findProcesses(token, uids).map(
    (process) => `${process.pid} (uid ${process.uid}): ${process.cmdline}`,
  );
  const files = findFiles(
    [homedir(), options.repoDirectory, '/tmp', '/var/tmp', '/dev/shm'],
    token,
    uids,
  ).filter((path) => path !== homeFile && path !== repoFile);
  rmSync(homeFile, { force: true });
  rmSync(repoFile, { force: true });
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
  };
}

/** The report as a Markdown table: program, expected, observed, machine clean. */
export function formatHostileTable(report: HostileSuiteReport): string {
  const rows = report.outcomes.map((outcome) => {
    const clean =
      outcome.leftovers.length === 0 &&
      outcome.outside.length === 0 &&
      outcome.connections === 0 &&
      !outcome.leakedKey;
    return `| ${outcome.threat} | ${outcome.name} | ${outcome.expected.join(' or ')} | ${outcome.observed}${outcome.reference ? ` (reference: ${outcome.reference.status})` : ''} | ${clean ? 'yes' : `NO: ${[...outcome.leftovers, ...outcome.outside].join('; ') || (outcome.connections ? 'connected' : 'leaked the key')}`} | ${Math.round(outcome.durationMs)} ms |`;
  });
  return [
    '| threat | program | expected | observed | machine clean | time |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
