import type { ResourceLimit } from './executor.ts';
import type { Problem } from './problem.ts';
import type { Generation, SamplingParameters, TokenUsage } from './provider.ts';
import type { VerdictStatus } from './verdict.ts';

/** The tools an agent attempt offers: visible tests, any program, and the final answer. */
export type AgentToolName = 'run_tests' | 'run_code' | 'submit';

/** A tool as the model sees it. */
export interface AgentToolSpec {
  readonly name: AgentToolName;
  /** What the tool does, for the model. */
  readonly description: string;
  /** JSON Schema of the arguments object. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/** One tool call of a model turn. */
export interface AgentToolCall {
  /** The provider's call id (matches the result to the call). */
  readonly id: string;
  /** The tool's name as the model wrote it (it may name no tool). */
  readonly name: string;
  /** The arguments: parsed JSON, or the raw text when the model's arguments were not JSON. */
  readonly arguments: unknown;
}

/** A message of an agent conversation, as sent to the provider. */
export type AgentMessage =
  | { readonly role: 'user'; readonly content: string }
  | {
      readonly role: 'assistant';
      /** The text the model wrote besides its tool calls (may be empty). */
      readonly content: string;
      readonly toolCalls: readonly AgentToolCall[];
    }
  | {
      readonly role: 'tool';
      readonly toolCallId: string;
      readonly toolName: string;
      /** The result as the model reads it. */
      readonly content: string;
      /** True when the call failed (bad arguments, unknown tool): the model should retry. */
      readonly isError: boolean;
    };

/** One model turn of an agent attempt. */
export interface AgentTurnRequest {
  readonly problem: Problem;
  readonly system: string;
  /** The conversation so far; the first message is the user's task. */
  readonly messages: readonly AgentMessage[];
  readonly tools: readonly AgentToolSpec[];
  /** Sampling parameters; `seed` is already the attempt's seed. */
  readonly sampling: SamplingParameters;
  /** 0-based index of the attempt among the problem's attempts. */
  readonly sampleIndex: number;
  /** 1-based number of this turn in the attempt. */
  readonly turn: number;
  readonly signal?: AbortSignal;
}

/**
 * A model's answer to an agent turn: a generation (text, usage, cost, latency, error) plus
 * the tool calls it made. No tool calls means the model stopped.
 */
export interface AgentTurn extends Omit<Generation, 'completion' | 'kind'> {
  readonly toolCalls: readonly AgentToolCall[];
}

/** Budgets of one agent attempt; the attempt ends when one is used up. */
export interface AgentSettings {
  /** Model turns (responses) per attempt. */
  readonly maxTurns: number;
  /** Tool calls per attempt (`submit` included). */
  readonly maxToolCalls: number;
  /** Wall-clock limit of an attempt in milliseconds (model calls and tool runs). */
  readonly attemptTimeoutMs: number;
}

/** Why an agent attempt ended. */
export type AgentEndReason =
  /** The model called `submit`. */
  | 'submitted'
  /** The model answered without a tool call. */
  | 'model_stopped'
  | 'max_turns'
  | 'max_tool_calls'
  | 'attempt_timeout'
  /** A model request failed after its retries (the attempt is an infrastructure fault, redone on resume). */
  | 'provider_error'
  /** An agent program (`--model command:`) exited with code 0. */
  | 'command_exited'
  /** An agent program exited with another code, was killed by a signal, or could not start. */
  | 'command_failed';

/**
 * Access the sandbox refused a tool call's program, as its own error output shows it
 * (`classifyDeniedAccess`): `network` (a connection or a name lookup failed: the sandbox has
 * no network), `filesystem` (a write or read outside its work directory failed: a read-only
 * or forbidden path, or a host path the sandbox does not show). A report read from what the
 * program printed, never a verdict: a program that hides the error is not reported, one that
 * prints such an error without trying is.
 */
export type DeniedAccess = 'network' | 'filesystem';

/** An entry of an attempt's transcript: every message, tool call, result and figure. */
export type AgentTranscriptEntry =
  | { readonly type: 'system'; readonly content: string }
  | { readonly type: 'user'; readonly content: string }
  | {
      readonly type: 'model';
      /** 1-based turn number. */
      readonly turn: number;
      readonly text: string;
      readonly tool_calls: readonly AgentToolCall[];
      readonly finish_reason: string;
      readonly usage?: TokenUsage;
      readonly cost_usd?: number;
      readonly latency_ms: number;
      /** True when the turn came from the generation cache. */
      readonly cached?: boolean;
      readonly reasoning?: string;
    }
  | {
      readonly type: 'tool';
      readonly turn: number;
      readonly call_id: string;
      readonly name: string;
      readonly arguments: unknown;
      /** What the model read. */
      readonly result: string;
      readonly is_error: boolean;
      /** Time the tool took (sandbox execution included), in milliseconds. */
      readonly duration_ms: number;
      /** For `run_tests`: the status of the code on the visible tests. */
      readonly status?: VerdictStatus;
      /**
       * The sandbox limit that stopped the call's program (`memory`, `processes`, `file_size`,
       * `disk`, `output`, `cpu_time`, `wall_time`): the program was contained.
       */
      readonly limit?: ResourceLimit;
      /**
       * The access the sandbox denied the call's program (`network`, `filesystem`), as its
       * error output shows it (see {@link DeniedAccess}); absent when none was seen. The
       * program was contained: it got an error and ran on.
       */
      readonly denied?: readonly DeniedAccess[];
    };

/** What an agent attempt adds to its sample record (`SampleRecord.agent`). */
export interface AgentAttemptRecord {
  readonly end_reason: AgentEndReason;
  /**
   * Where the scored code came from: `submit`, the last code given to `run_tests`, the
   * `solution.<ext>` file an agent program (`--model command:`) left, or none.
   */
  readonly code_source: 'submit' | 'last_code' | 'solution_file' | 'none';
  /** Model turns taken. */
  readonly turns: number;
  /** Tool calls made (bad ones included). */
  readonly tool_calls: number;
  /** Tool calls that came back as errors (bad arguments, unknown tool). */
  readonly tool_errors: number;
  /**
   * Tool calls whose program the sandbox stopped at one of its limits (the transcript entry's
   * `limit`); absent when none was.
   */
  readonly contained_tool_calls?: number;
  /**
   * Tool calls whose program the sandbox denied network or file access (the transcript entry's
   * `denied`), counted apart from `contained_tool_calls` (a call can count in both); absent when
   * none was.
   */
  readonly denied_tool_calls?: number;
  /** Whether the problem had visible tests (`run_tests` offered). */
  readonly visible_tests: boolean;
  /** The first code the model gave `run_tests` or `submit` (what repair started from). */
  readonly first_code?: string;
  /**
   * The scored code's status on the visible tests (run after the attempt when the model had not
   * run exactly that code; never shown to the model). Absent without visible tests or code.
   */
  readonly final_visible_status?: VerdictStatus;
  /** Wall-clock duration of the attempt in milliseconds. */
  readonly duration_ms: number;
  /** An agent program's attempt (`--model command:`): how the program ended. */
  readonly command?: AgentCommandRecord;
  readonly transcript: readonly AgentTranscriptEntry[];
}

/** How an agent program (`--model command:<executable>`) ended, in its attempt record. */
export interface AgentCommandRecord {
  /** Exit code, or null when killed by a signal or not started. */
  readonly exit_code: number | null;
  /** The signal that ended it (`SIGKILL` at the time limit), or null. */
  readonly signal: string | null;
  /** The end of what it wrote to stderr. */
  readonly stderr_tail: string;
  /** Why it could not be started, if it could not. */
  readonly spawn_error?: string;
}
