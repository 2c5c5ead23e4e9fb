import type { DeniedAccess } from '../spec/agent.ts';
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
  type Attempt = (typeof attempts)[number];
  const agentOf = (sample: SampleRecord) => sample.agent as NonNullable<SampleRecord['agent']>;
  const total = (of: (attempt: Attempt) => number) =>
    attempts.reduce((sum, attempt) => sum + of(attempt), 0);
  const howMany = (fits: (attempt: Attempt) => boolean) => attempts.filter(fits).length;
  const firstPassed = ({ result }: Attempt) => result.first_code?.passed ?? result.passed;
  const endReasons: Record<string, number> = {};
  for (const { sample } of attempts) {
    const reason = agentOf(sample).end_reason;
    endReasons[reason] = (endReasons[reason] ?? 0) + 1;
  }
  const toolCalls = total(({ sample }) => agentOf(sample).tool_calls);
  const toolErrors = total(({ sample }) => agentOf(sample).tool_errors);
  const contained = total(({ sample }) => agentOf(sample).contained_tool_calls ?? 0);
  const denials = total(({ sample }) => agentOf(sample).denied_tool_calls ?? 0);
  const deniedOf = (kind: DeniedAccess) =>
    total(
      ({ sample }) =>
        agentOf(sample).transcript.filter(
          (entry) => entry.type === 'tool' && entry.denied?.includes(kind) === true,
        ).length,
    );
  const turns = total(({ sample }) => agentOf(sample).turns);
  const maxTurns = Math.max(0, ...attempts.map(({ sample }) => agentOf(sample).turns));
  const tokens = total(({ sample }) => tokensOf(sample));
  const cost = total(({ sample }) => sample.cost_usd ?? 0);
  const visible = attempts.filter(
    ({ sample }) => agentOf(sample).final_visible_status !== undefined,
  );
  const overfit = visible.filter(
    ({ sample, result }) => agentOf(sample).final_visible_status === 'passed' && !result.passed,
  ).length;
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
    first_code_pass_rate: howMany(firstPassed) / count,
    final_pass_rate: howMany(({ result }) => result.passed) / count,
    repaired: howMany((attempt) => !firstPassed(attempt) && attempt.result.passed),
    broken_by_repair: howMany((attempt) => firstPassed(attempt) && !attempt.result.passed),
    passes_visible_fails_hidden: overfit,
    visible_checked: visible.length,
    contained_tool_calls: contained,
    denied_tool_calls: denials,
    denied_access: { network: deniedOf('network'), filesystem: deniedOf('filesystem') },
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
