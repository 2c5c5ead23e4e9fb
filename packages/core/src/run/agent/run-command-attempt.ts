import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgentCommand } from '../../execution/run-agent-command.ts';
import type { AgentEndReason, AgentSettings } from '../../spec/agent.ts';
import type { Problem } from '../../spec/problem.ts';
import type { SampleRecord } from '../../spec/run.ts';
import type { VerdictStatus } from '../../spec/verdict.ts';
import type { VisibleTestSet } from '../../spec/visible-tests.ts';
import type { SampleOutcome } from '../generate-sample.ts';
import type { AgentToolbox } from './agent-toolbox.ts';
import { readCandidate } from './read-candidate.ts';

/** The protocol below (files, environment, `solution.<ext>`), as the manifest records it. */
export const AGENT_COMMAND_PROTOCOL = 'passk-agent-command/1' as const;

/** Characters of the agent program's stderr kept in the attempt record. */
const STDERR_TAIL_CHARS = 2000;

/** Everything one command attempt needs. */
export interface CommandAttemptOptions {
  /** Path of the agent program. */
  readonly executable: string;
  readonly problem: Problem;
  /** 0-based index of the attempt among the problem's attempts (its sample index). */
  readonly sampleIndex: number;
  /** The attempt's seed (`--seed` + attempt index), when the run has one. */
  readonly seed?: number;
  readonly settings: Pick<AgentSettings, 'attemptTimeoutMs'>;
  /** Source file extension of the problem's language (`.py`). */
  readonly extension: string;
  /** The problem's visible tests, when it has some. */
  readonly visible?: VisibleTestSet;
  /** Checks the left code against the visible tests afterwards (`final_visible_status`). */
  readonly toolbox: Pick<AgentToolbox, 'runTests'>;
  /** The run's signal: an abort kills the program and records nothing. */
  readonly signal?: AbortSignal;
}

/** The task description an agent program finds in `PROMPT.md`. */
export function commandPrompt(problem: Problem, solutionFile: string, visible: boolean): string {
  return [
    `# ${problem.id}`,
    '',
    `Complete the following ${problem.language} function \`${problem.entryPoint}\`.`,
    `Write the whole function (with any imports it needs) to \`${solutionFile}\` in this directory.`,
    visible
      ? `\`visible_tests${solutionFile.slice(solutionFile.indexOf('.'))}\` holds the checks of the examples shown below, as the benchmark appends them after the solution; \`visible_tests.json\` lists the examples. Hidden tests check more cases.`
      : 'This problem has no runnable examples.',
    '',
    `\`\`\`${problem.language}`,
    problem.prompt.trimEnd(),
    '```',
    '',
  ].join('\n');
}

/**
 * Runs one attempt of a user's agent program (`--model command:<executable>`): in a fresh
 * directory holding `PROMPT.md`, `visible_tests.<ext>` and `visible_tests.json` (when the
 * problem has visible tests), it runs the program with the environment of passk plus
 * `PASSK_TASK_ID`, `PASSK_LANGUAGE`, `PASSK_ENTRY_POINT`, `PASSK_ATTEMPT`, `PASSK_SEED` (when
 * seeded), `PASSK_TIMEOUT_MS`, `PASSK_PROMPT_FILE`, `PASSK_SOLUTION_FILE` and
 * `PASSK_VISIBLE_TESTS` (empty without visible tests), outside the sandbox, killed with its
 * process group at `attemptTimeoutMs`. What it leaves in `solution.<ext>` is the attempt's
 * code, scored by the hidden tests as a one-shot sample is; no file means no code (never a
 * pass), whatever the exit code. The record's `agent` says why the attempt ended
 * (`command_exited`, `command_failed`: a non-zero exit, a signal or a program that could not
 * start, `attempt_timeout`), with the exit code, signal, stderr tail and duration. An abort
 * records nothing (the attempt is redone from its start on resume). The directory is removed
 * afterwards.
 */
export async function runCommandAttempt(options: CommandAttemptOptions): Promise<SampleOutcome> {
  const { problem, visible, signal } = options;
  if (signal?.aborted) return { stopped: 'aborted' };
  const directory = await mkdtemp(join(tmpdir(), 'passk-agent-'));
  try {
    const solutionFile = `solution${options.extension}`;
    const testsFile = `visible_tests${options.extension}`;
    const prompt = commandPrompt(problem, solutionFile, visible !== undefined);
    await writeFile(join(directory, 'PROMPT.md'), prompt);
    if (visible) {
      await writeFile(join(directory, testsFile), visible.problem.tests);
      await writeFile(
        join(directory, 'visible_tests.json'),
        `${JSON.stringify(visible.examples, null, 2)}\n`,
      );
    }
    const outcome = await runAgentCommand({
      executable: options.executable,
      cwd: directory,
      env: {
        ...process.env,
        PASSK_TASK_ID: problem.id,
        PASSK_LANGUAGE: problem.language,
        PASSK_ENTRY_POINT: problem.entryPoint,
        PASSK_ATTEMPT: String(options.sampleIndex),
        ...(options.seed === undefined ? {} : { PASSK_SEED: String(options.seed) }),
        PASSK_TIMEOUT_MS: String(options.settings.attemptTimeoutMs),
        PASSK_PROMPT_FILE: join(directory, 'PROMPT.md'),
        PASSK_SOLUTION_FILE: join(directory, solutionFile),
        PASSK_VISIBLE_TESTS: visible ? join(directory, testsFile) : '',
      },
      timeoutMs: options.settings.attemptTimeoutMs,
      ...(signal ? { signal } : {}),
    });
    if (outcome.aborted) return { stopped: 'aborted' };
    const code = await readFile(join(directory, solutionFile), 'utf8').catch(() => undefined);
    const endReason: AgentEndReason = outcome.timedOut
      ? 'attempt_timeout'
      : outcome.exitCode === 0
        ? 'command_exited'
        : 'command_failed';
    let finalVisible: VerdictStatus | undefined;
    if (code !== undefined && code.trim() !== '' && visible) {
      try {
        finalVisible = (await options.toolbox.runTests(code, signal))?.status;
      } catch (error) {
        if (signal?.aborted) return { stopped: 'aborted' };
        throw error;
      }
    }
    const text = code ?? '';
    const candidate = readCandidate(problem, text, 'auto');
    const record: SampleRecord = {
      task_id: problem.id,
      sample_index: options.sampleIndex,
      raw: text,
      completion: candidate.code,
      kind: candidate.kind,
      finish_reason: endReason,
      latency_ms: outcome.durationMs,
      extraction: { strategy: 'agent-command', found_code: text.trim() !== '' },
      agent: {
        end_reason: endReason,
        code_source: code === undefined ? 'none' : 'solution_file',
        turns: 0,
        tool_calls: 0,
        tool_errors: 0,
        visible_tests: visible !== undefined,
        ...(finalVisible === undefined ? {} : { final_visible_status: finalVisible }),
        duration_ms: outcome.durationMs,
        command: {
          exit_code: outcome.exitCode,
          signal: outcome.signal,
          stderr_tail: outcome.stderrTail.slice(-STDERR_TAIL_CHARS),
          ...(outcome.spawnError === undefined ? {} : { spawn_error: outcome.spawnError }),
        },
        transcript: [{ type: 'user', content: prompt }],
      },
    };
    return { record, cached: false };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
