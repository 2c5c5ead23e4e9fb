import { createLocalExecutor } from '../execution/local-executor.ts';
import type { LocalExecutorOptions } from '../execution/local-executor-options.ts';
import { judgeProgram } from '../run/judge-program.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Program } from '../spec/program.ts';
import type { Verdict, VerdictStatus } from '../spec/verdict.ts';
import type { GamingTactic } from './gaming-tactics.ts';

/**
 * One program of a language's gaming corpus: it passes the reference harness's rule without
 * solving the problem (its honest answer would fail the tests).
 */
export interface GamingProgram {
  readonly tactic: GamingTactic;
  /** Short description (`__eq__ always True`). */
  readonly name: string;
  /** The complete program, as the language's dataset would build it. */
  readonly program: () => Program;
  /**
   * True when passk must refuse it (any status but `passed`, with the reference harness's pass
   * kept in `Verdict.reference`); false when passk still passes it (not yet refused: the
   * corpus records the gap, and the suite fails the day it closes, so that the table is updated).
   */
  readonly refused: boolean;
}

/** What became of one gaming program. */
export interface GamingOutcome {
  readonly tactic: GamingTactic;
  readonly name: string;
  /** The reference harness's judgement: `Verdict.reference` when passk differs, else passk's. */
  readonly reference: VerdictStatus;
  /** passk's verdict. */
  readonly observed: VerdictStatus;
  readonly detail: string;
  readonly expectedRefused: boolean;
  /** The reference passed it, and passk refused it exactly when `expectedRefused`. */
  readonly ok: boolean;
  readonly durationMs: number;
}

/** The result of {@link runGamingSuite}. */
export interface GamingSuiteReport {
  readonly outcomes: readonly GamingOutcome[];
  /** Every outcome ok. */
  readonly ok: boolean;
  readonly durationMs: number;
}

/** Options of {@link runGamingSuite}. */
export interface GamingSuiteOptions {
  readonly language: Language;
  readonly toolchain: ToolchainInfo;
  readonly programs: readonly GamingProgram[];
  /** Executor settings (sandbox mode, warm servers). */
  readonly executor?: Omit<LocalExecutorOptions, 'concurrency'>;
  /** Programs run at once (default 2). */
  readonly concurrency?: number;
  /** Multiplier of the language's time limits (default 1; a loaded machine's compilers may need more). */
  readonly timeoutFactor?: number;
}

/**
 * Runs a language's gaming corpus through the real local executor (the `bwrap` sandbox unless
 * `executor.sandbox` says otherwise) and `judgeProgram`, the run's own program → verdict path,
 * and checks for each program that the reference harness's rule passes it and that passk
 * refuses it exactly when the corpus says it does. Never throws for a program's behaviour.
 */
export async function runGamingSuite(options: GamingSuiteOptions): Promise<GamingSuiteReport> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 2;
  const executor = createLocalExecutor({ ...options.executor, concurrency });
  const outcomes: GamingOutcome[] = new Array(options.programs.length);
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < options.programs.length) {
        const index = next++;
        const entry = options.programs[index] as GamingProgram;
        const begun = performance.now();
        const { verdict } = await judgeProgram({
          language: options.language,
          toolchain: options.toolchain,
          executor,
          program: entry.program(),
          timeoutFactor: options.timeoutFactor ?? 1,
        });
        outcomes[index] = outcome(entry, verdict, performance.now() - begun);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await executor.close();
  }
  return {
    outcomes,
    ok: outcomes.every((entry) => entry.ok),
    durationMs: performance.now() - started,
  };
}

function outcome(entry: GamingProgram, verdict: Verdict, durationMs: number): GamingOutcome {
  const reference = verdict.reference?.status ?? verdict.status;
  const refused = !verdict.passed;
  return {
    tactic: entry.tactic,
    name: entry.name,
    reference,
    observed: verdict.status,
    detail: verdict.detail,
    expectedRefused: entry.refused,
    ok: reference === 'passed' && refused === entry.refused,
    durationMs,
  };
}

/**
 * The report as Markdown rows of the corpus table: language, tactic, program, the reference
 * harness's verdict, passk's verdict (`refused` or `NOT YET refused`), and whether that is what
 * the corpus expects.
 */
export function formatGamingTable(language: string, report: GamingSuiteReport): string {
  return report.outcomes
    .map((entry) => {
      const passk =
        entry.observed === 'passed' ? 'passed (NOT YET refused)' : `${entry.observed} (refused)`;
      return `| ${language} | ${entry.tactic} | ${entry.name} | ${entry.reference} | ${passk} | ${entry.ok ? 'as expected' : `UNEXPECTED: ${entry.detail}`} |`;
    })
    .join('\n');
}

/** Header of {@link formatGamingTable}'s rows. */
export const GAMING_TABLE_HEADER = [
  '| language | tactic | program | reference verdict | passk verdict | |',
  '| --- | --- | --- | --- | --- | --- |',
].join('\n');
