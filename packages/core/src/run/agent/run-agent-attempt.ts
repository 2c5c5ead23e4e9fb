import type {
  AgentEndReason,
  AgentMessage,
  AgentSettings,
  AgentToolName,
  AgentToolSpec,
  AgentTranscriptEntry,
  AgentTurn,
  DeniedAccess,
} from '../../spec/agent.ts';
import type { ResourceLimit } from '../../spec/executor.ts';
import type { Problem } from '../../spec/problem.ts';
import type { SamplingParameters, TokenUsage } from '../../spec/provider.ts';
import type { SampleRecord } from '../../spec/run.ts';
import type { VerdictStatus } from '../../spec/verdict.ts';
import type { SampleOutcome } from '../generate-sample.ts';
import { AGENT_SYSTEM_PROMPT, agentTaskMessage } from './agent-prompt.ts';
import { type AgentToolbox, outputSection } from './agent-toolbox.ts';
import { AGENT_TOOLS, checkToolArguments } from './agent-tools.ts';
import type { VisibleCheck } from './check-visible-tests.ts';
import { readCandidate } from './read-candidate.ts';
import type { TurnOutcome, TurnRequest } from './request-turn.ts';

/** Everything one attempt needs. */
export interface AgentAttemptOptions {
  readonly problem: Problem;
  /** 0-based index of the attempt among the problem's attempts (its sample index). */
  readonly sampleIndex: number;
  /** Sampling parameters; `seed` is already the attempt's seed. */
  readonly sampling: SamplingParameters;
  readonly settings: AgentSettings;
  readonly toolbox: AgentToolbox;
  /** Asks the model for one turn (`createTurnRequester`). */
  readonly requestTurn: (request: TurnRequest) => Promise<TurnOutcome>;
  /** The run's signal: an abort stops the attempt without recording it. */
  readonly signal?: AbortSignal;
}

/** The tools offered for a problem: `run_tests` with visible tests, `run_code` where it runs, `submit`. */
export function offeredTools(toolbox: AgentToolbox): AgentToolSpec[] {
  return [
    ...(toolbox.hasVisibleTests ? [AGENT_TOOLS.run_tests] : []),
    ...(toolbox.canRunCode ? [AGENT_TOOLS.run_code] : []),
    AGENT_TOOLS.submit,
  ];
}

/**
 * Runs one agent attempt: a conversation in which the model calls `run_tests` (visible tests),
 * `run_code` and `submit` until it submits, stops calling tools, or a budget ends it (turns,
 * tool calls, wall-clock time: checked before every turn and tool call, and a running model
 * request or tool execution is cut at the deadline). A bad tool call (unknown tool, bad
 * arguments) gets a tool error back and the attempt continues. A tool call whose program the
 * sandbox stopped at a limit or denied network or file access is marked on its transcript entry
 * (`limit`, `denied`) and counted (`contained_tool_calls`, `denied_tool_calls`); the attempt goes on.
 *
 * The attempt becomes a sample record: the scored code is the submission, else the last code
 * given to `run_tests`, else none (never a pass by default); `agent` holds why it ended and
 * the whole transcript. A model request that failed after its retries gives a record with
 * `error` (an infrastructure fault, redone on resume). A stop of the run (abort, cost limit,
 * rejected credentials) records nothing: the attempt is redone from its start on resume.
 * Rejects only when the executor is broken.
 */
export async function runAgentAttempt(options: AgentAttemptOptions): Promise<SampleOutcome> {
  const { problem, settings, toolbox, signal } = options;
  const started = performance.now();
  const deadline = started + settings.attemptTimeoutMs;
  const tools = offeredTools(toolbox);
  const offered = new Set<string>(tools.map((tool) => tool.name));
  const task = agentTaskMessage(problem, toolbox.hasVisibleTests);
  const transcript: AgentTranscriptEntry[] = [
    { type: 'system', content: AGENT_SYSTEM_PROMPT },
    { type: 'user', content: task },
  ];
  const messages: AgentMessage[] = [{ role: 'user', content: task }];
  const visibleByCode = new Map<string, VerdictStatus>();
  const usage = { inputTokens: 0, outputTokens: 0, reasoningTokens: 0, cachedInputTokens: 0 };
  let costUsd: number | undefined;
  let requests = 0;
  let allCached = true;
  let turns = 0;
  let toolCalls = 0;
  let toolErrors = 0;
  let firstCode: string | undefined;
  // Tool calls whose program the sandbox stopped at one of its limits.
  let contained = 0;
  // Tool calls whose program the sandbox denied network or file access (from its output).
  let denials = 0;
  let lastCode: string | undefined;
  let submitted: string | undefined;
  let endReason: AgentEndReason | undefined;
  let failure: AgentTurn['error'];

  // Cut tool runs at the deadline as well as at the run's abort.
  const attemptSignal = AbortSignal.any([
    ...(signal ? [signal] : []),
    AbortSignal.timeout(settings.attemptTimeoutMs),
  ]);
  const outOfTime = () => performance.now() >= deadline;

  while (endReason === undefined) {
    if (signal?.aborted) return { stopped: 'aborted' };
    if (turns >= settings.maxTurns) {
      endReason = 'max_turns';
      break;
    }
    if (outOfTime()) {
      endReason = 'attempt_timeout';
      break;
    }
    turns++;
    const outcome = await options.requestTurn({
      problem,
      system: AGENT_SYSTEM_PROMPT,
      messages: [...messages],
      tools,
      sampling: options.sampling,
      sampleIndex: options.sampleIndex,
      turn: turns,
      deadline,
    });
    if ('stopped' in outcome) return { stopped: outcome.stopped };
    const { turn, cached } = outcome;
    requests += outcome.attempts;
    allCached &&= cached;
    addUsage(usage, turn.usage);
    if (turn.costUsd !== undefined) costUsd = (costUsd ?? 0) + turn.costUsd;
    transcript.push({
      type: 'model',
      turn: turns,
      text: turn.text,
      tool_calls: turn.toolCalls,
      finish_reason: turn.finishReason,
      ...(turn.usage ? { usage: turn.usage } : {}),
      ...(turn.costUsd === undefined ? {} : { cost_usd: turn.costUsd }),
      latency_ms: turn.latencyMs,
      ...(cached ? { cached: true } : {}),
      ...(turn.reasoning ? { reasoning: turn.reasoning } : {}),
    });
    if (turn.error) {
      if (outOfTime()) endReason = 'attempt_timeout';
      else {
        endReason = 'provider_error';
        failure = turn.error;
      }
      break;
    }
    if (turn.toolCalls.length === 0) {
      endReason = 'model_stopped';
      break;
    }
    messages.push({ role: 'assistant', content: turn.text, toolCalls: turn.toolCalls });
    for (const call of turn.toolCalls) {
      if (toolCalls >= settings.maxToolCalls) {
        endReason = 'max_tool_calls';
        break;
      }
      if (outOfTime()) {
        endReason = 'attempt_timeout';
        break;
      }
      toolCalls++;
      const toolStarted = performance.now();
      let text: string;
      let isError = false;
      let status: VerdictStatus | undefined;
      let limit: ResourceLimit | undefined;
      let denied: readonly DeniedAccess[] | undefined;
      const args = offered.has(call.name)
        ? checkToolArguments(call.name as AgentToolName, call.arguments)
        : {
            ok: false as const,
            error: `unknown tool '${call.name}'; the tools are ${[...offered].join(', ')}`,
          };
      if (!args.ok) {
        text = `error: ${args.error}`;
        isError = true;
        toolErrors++;
      } else if (call.name === 'submit') {
        firstCode ??= args.code;
        submitted = args.code;
        text = 'submitted; the attempt ends and the hidden tests score this code';
      } else {
        try {
          if (call.name === 'run_tests') {
            firstCode ??= args.code;
            lastCode = args.code;
            const check = await toolbox.runTests(args.code, attemptSignal);
            if (check) {
              status = check.status;
              limit = check.limit;
              denied = check.denied;
              visibleByCode.set(args.code, check.status);
            }
            text = check ? describeCheck(check) : 'error: this problem has no visible tests';
          } else {
            const run = await toolbox.runCode(args.code, args.stdin, attemptSignal);
            text = run.text;
            limit = run.limit;
            denied = run.denied;
          }
        } catch (error) {
          if (signal?.aborted) return { stopped: 'aborted' };
          if (!attemptSignal.aborted) throw error;
          endReason = 'attempt_timeout';
          text = 'error: the attempt ran out of time';
          isError = true;
        }
      }
      transcript.push({
        type: 'tool',
        turn: turns,
        call_id: call.id,
        name: call.name,
        arguments: call.arguments,
        result: text,
        is_error: isError,
        duration_ms: Math.round(performance.now() - toolStarted),
        ...(status === undefined ? {} : { status }),
        ...(limit === undefined ? {} : { limit }),
        ...(denied === undefined || denied.length === 0 ? {} : { denied }),
      });
      if (limit !== undefined) contained++;
      if (denied !== undefined && denied.length > 0) denials++;
      messages.push({
        role: 'tool',
        toolCallId: call.id,
        toolName: call.name,
        content: text,
        isError,
      });
      if (submitted !== undefined) {
        endReason = 'submitted';
        break;
      }
      if (endReason !== undefined) break;
    }
    if (endReason === undefined && toolCalls >= settings.maxToolCalls) endReason = 'max_tool_calls';
  }

  const code = submitted ?? lastCode ?? '';
  const codeSource =
    submitted !== undefined ? 'submit' : lastCode !== undefined ? 'last_code' : 'none';
  let finalVisible: VerdictStatus | undefined;
  if (code !== '' && toolbox.hasVisibleTests && failure === undefined) {
    finalVisible = visibleByCode.get(code);
    if (finalVisible === undefined) {
      try {
        finalVisible = (await toolbox.runTests(code, signal))?.status;
      } catch (error) {
        if (signal?.aborted) return { stopped: 'aborted' };
        throw error;
      }
    }
  }
  const candidate = readCandidate(problem, code, 'auto');
  const totalUsage: TokenUsage = {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    ...(usage.reasoningTokens > 0 ? { reasoningTokens: usage.reasoningTokens } : {}),
    ...(usage.cachedInputTokens > 0 ? { cachedInputTokens: usage.cachedInputTokens } : {}),
  };
  const durationMs = Math.round(performance.now() - started);
  const record: SampleRecord = {
    task_id: problem.id,
    sample_index: options.sampleIndex,
    raw: code,
    completion: candidate.code,
    kind: candidate.kind,
    finish_reason: endReason,
    usage: totalUsage,
    ...(costUsd === undefined ? {} : { cost_usd: costUsd }),
    latency_ms: durationMs,
    extraction: { strategy: `agent-${codeSource}`, found_code: code !== '' },
    ...(requests > 0 ? { attempts: requests } : {}),
    ...(failure ? { error: failure } : {}),
    agent: {
      end_reason: endReason,
      code_source: codeSource,
      turns,
      tool_calls: toolCalls,
      tool_errors: toolErrors,
      ...(contained > 0 ? { contained_tool_calls: contained } : {}),
      ...(denials > 0 ? { denied_tool_calls: denials } : {}),
      visible_tests: toolbox.hasVisibleTests,
      ...(firstCode === undefined ? {} : { first_code: firstCode }),
      ...(finalVisible === undefined ? {} : { final_visible_status: finalVisible }),
      duration_ms: durationMs,
      transcript,
    },
  };
  return { record, cached: allCached && turns > 0 };
}

/** A visible-test result as the model reads it. */
function describeCheck(check: VisibleCheck): string {
  if (check.passed) return 'passed: every visible example passes';
  const lines = [
    check.detail.startsWith(check.status) ? check.detail : `${check.status}: ${check.detail}`,
  ];
  if (check.failedExample) {
    lines.push(`failed example ${check.failedExample.example}: ${check.failedExample.input}`);
    if (check.failedExample.expected !== undefined)
      lines.push(`expected: ${check.failedExample.expected}`);
  }
  if (check.stdoutTail) lines.push(outputSection('stdout', check.stdoutTail));
  if (check.stderrTail) lines.push(outputSection('stderr', check.stderrTail));
  return lines.join('\n');
}

function addUsage(
  total: {
    inputTokens: number;
    outputTokens: number;
    reasoningTokens: number;
    cachedInputTokens: number;
  },
  usage: TokenUsage | undefined,
): void {
  if (!usage) return;
  total.inputTokens += usage.inputTokens;
  total.outputTokens += usage.outputTokens;
  total.reasoningTokens += usage.reasoningTokens ?? 0;
  total.cachedInputTokens += usage.cachedInputTokens ?? 0;
}
