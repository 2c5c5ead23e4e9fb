import type { Problem } from '../spec/problem.ts';
import type { ResultRecord, RunAgentSummary, SampleRecord } from '../spec/run.ts';
import { INFRASTRUCTURE_STATUSES } from '../spec/verdict.ts';
import { sampleKey } from '../store/run-files.ts';

/** Token budgets of the `solved_within_tokens` curve. */
const TOKEN_STEPS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000];

/**
 * The agent figures of a run over its scored attempts (the first `n` of each problem with a
 * model verdict; infrastructure faults and failed model requests left out). Undefined when no
 * sample is an agent attempt.
 */
export function summarizeAgent(
  problems: readonly Pick<Problem, 'id' | 'language'>[],
  n: number,
  samples: ReadonlyMap<string, SampleRecord>,
  results: ReadonlyMap<string, ResultRecord>,
): RunAgentSummary | undefined {
  const attempts: { sample: SampleRecord; result: ResultRecord }[] = [];
  const solved = new Set<string>();
  for (const problem of problems) {
    for (let index = 0; index < n; index++) {
      const key = sampleKey(problem.id, index, problem.language);
      const sample = samples.get(key);
      const result = results.get(key);
      if (!sample?.agent || sample.error || !result || INFRASTRUCTURE_STATUSES.has(result.status))
        continue;
      attempts.push({ sample, result });
      if (result.passed) solved.add(problem.id);
    }
  }
  if (attempts.length === 0) return undefined;
  const count = attempts.length;
  const tokensOf = (sample: SampleRecord) =>
    (sample.usage?.inputTokens ?? 0) + (sample.usage?.outputTokens ?? 0);
  const endReasons: Record<string, number> = {};
  let toolCalls = 0;
  let toolErrors = 0;
  let contained = 0;
  let turns = 0;
  let tokens = 0;
  let cost = 0;
  let firstPassed = 0;
  let finalPassed = 0;
  let repaired = 0;
  let broken = 0;
  let overfit = 0;
  let withVisible = 0;
  let maxTurns = 0;
  for (const { sample, result } of attempts) {
    const agent = sample.agent as NonNullable<SampleRecord['agent']>;
    endReasons[agent.end_reason] = (endReasons[agent.end_reason] ?? 0) + 1;
    toolCalls += agent.tool_calls;
    toolErrors += agent.tool_errors;
    contained += agent.contained_tool_calls ?? 0;
    turns += agent.turns;
    maxTurns = Math.max(maxTurns, agent.turns);
    tokens += tokensOf(sample);
    cost += sample.cost_usd ?? 0;
    const first = result.first_code?.passed ?? result.passed;
    if (first) firstPassed++;
    if (result.passed) finalPassed++;
    if (!first && result.passed) repaired++;
    if (first && !result.passed) broken++;
    if (agent.final_visible_status !== undefined) {
      withVisible++;
      if (agent.final_visible_status === 'passed' && !result.passed) overfit++;
    }
  }
  const solvedWithin = (fits: (sample: SampleRecord) => boolean) =>
    attempts.filter(({ sample, result }) => result.passed && fits(sample)).length / count;
  const turnCurve: Record<string, number> = {};
  for (let limit = 1; limit <= maxTurns; limit++) {
    turnCurve[String(limit)] = solvedWithin((sample) => (sample.agent?.turns ?? 0) <= limit);
  }
  const tokenCurve: Record<string, number> = {};
  const mostTokens = Math.max(...attempts.map(({ sample }) => tokensOf(sample)));
  for (const limit of TOKEN_STEPS) {
    tokenCurve[String(limit)] = solvedWithin((sample) => tokensOf(sample) <= limit);
    if (limit >= mostTokens) break;
  }
  const perSolved = (total: number) => (solved.size > 0 ? total / solved.size : null);
  return {
    attempts: count,
    end_reasons: endReasons,
    solved_within_turns: turnCurve,
    solved_within_tokens: tokenCurve,
    first_code_pass_rate: firstPassed / count,
    final_pass_rate: finalPassed / count,
    repaired,
    broken_by_repair: broken,
    passes_visible_fails_hidden: overfit,
    visible_checked: withVisible,
    contained_tool_calls: contained,
    per_attempt: {
      turns: turns / count,
      tool_calls: toolCalls / count,
      tool_errors: toolErrors / count,
      tokens: tokens / count,
      cost_usd: cost / count,
    },
    solved_problems: solved.size,
    per_solved_problem: {
      tool_calls: perSolved(toolCalls),
      tokens: perSolved(tokens),
      cost_usd: perSolved(cost),
    },
  };
}
