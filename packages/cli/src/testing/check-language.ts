import {
  createLocalExecutor,
  judgeProgram,
  type Language,
  type LocalExecutorOptions,
  type Program,
  type VerdictStatus,
} from '@passk/core';
import { type HostileOutcome, type HostileProgram, runHostileSuite } from '@passk/core/conformance';

/**
 * Small programs in the language under test, each complete (tests included): the generic
 * threats every language must judge right, whatever its syntax.
 */
export interface LanguageProbes {
  /** The program whose main file is `source` (its judge and time limit are the author's). */
  readonly program: (source: string) => Program;
  /** Runs its tests, and they pass. */
  readonly passes: string;
  /** Runs its tests, and an assertion fails. */
  readonly fails: string;
  /** Exits with status 0 before its tests run. */
  readonly earlyExit: string;
  /** Never finishes. */
  readonly endlessLoop: string;
  /** Allocates far more memory than the language's limit. */
  readonly memoryBomb: string;
  /** Writes to stdout without end. */
  readonly outputFlood: string;
}

/** Options of {@link checkLanguage}. */
export interface CheckLanguageOptions {
  readonly language: Language;
  readonly probes: LanguageProbes;
  /** The directory standing for the user's project (default the current directory). */
  readonly repoDirectory?: string;
  /** Executor settings (default: the `bwrap` sandbox). */
  readonly executor?: Omit<LocalExecutorOptions, 'env' | 'concurrency'>;
}

/** What {@link checkLanguage} found. */
export interface LanguageCheck {
  /** True when every probe got an expected verdict and the machine stayed clean. */
  readonly ok: boolean;
  /** One line per problem found (empty when `ok`). */
  readonly problems: readonly string[];
  /** The hostile programs' outcomes. */
  readonly outcomes: readonly HostileOutcome[];
}

const NOT_PASSED: readonly VerdictStatus[] = ['failed', 'runtime_error'];

/**
 * The language conformance kit: judges `probes.passes` (must pass) and `probes.fails` (must
 * fail) as a run does, then runs the other probes through passk's hostile-programs suite (real
 * sandbox, expected verdict, no process left, no file changed outside, no key leaked).
 * Throws only when the toolchain is missing.
 */
export async function checkLanguage(options: CheckLanguageOptions): Promise<LanguageCheck> {
  const { language, probes } = options;
  const toolchain = await language.detect();
  if (!toolchain.available) {
    throw new Error(`${language.id}: toolchain not found: ${toolchain.problem ?? ''}`);
  }
  const problems: string[] = [];
  const executor = createLocalExecutor({ ...options.executor, concurrency: 1 });
  try {
    const controls = [
      { name: 'passes', source: probes.passes, expect: ['passed'] },
      { name: 'fails', source: probes.fails, expect: ['failed'] },
    ];
    for (const control of controls) {
      const program = probes.program(control.source);
      const { verdict } = await judgeProgram({ language, toolchain, executor, program });
      if (!control.expect.includes(verdict.status)) {
        problems.push(`'${control.name}' ended ${verdict.status} (${verdict.detail})`);
      }
    }
  } finally {
    await executor.close();
  }
  const hostile = (
    threat: HostileProgram['threat'],
    name: string,
    source: string,
    expect: readonly VerdictStatus[],
  ): HostileProgram => ({ threat, name, program: () => probes.program(source), expect });
  const report = await runHostileSuite({
    language,
    toolchain,
    repoDirectory: options.repoDirectory ?? process.cwd(),
    ...(options.executor === undefined ? {} : { executor: options.executor }),
    programs: [
      hostile('early-exit', 'exits 0 before its tests', probes.earlyExit, NOT_PASSED),
      hostile('empty-program', 'an empty answer', '', [...NOT_PASSED, 'compile_error']),
      hostile('endless-sleep', 'an endless loop', probes.endlessLoop, ['timeout']),
      hostile('memory-bomb', 'a memory bomb', probes.memoryBomb, ['memory_limit']),
      hostile('endless-output', 'an output flood', probes.outputFlood, ['output_limit']),
    ],
  });
  for (const outcome of report.outcomes) {
    if (outcome.ok) continue;
    problems.push(
      `'${outcome.name}' ended ${outcome.observed} (expected ${outcome.expected.join(' or ')}): ${outcome.detail}` +
        `${outcome.leftovers.length > 0 ? `; left ${outcome.leftovers.join(', ')}` : ''}` +
        `${outcome.outside.length > 0 ? `; changed ${outcome.outside.join(', ')}` : ''}`,
    );
  }
  const leftBehind = [...report.afterClose.processes, ...report.afterClose.files];
  if (leftBehind.length > 0) problems.push(`left behind after close: ${leftBehind.join(', ')}`);
  return { ok: problems.length === 0, problems, outcomes: report.outcomes };
}
