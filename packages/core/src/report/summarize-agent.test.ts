import { describe, expect, it } from 'vitest';
import { resultRecord } from '../../../../scripts/test-support/result-record.ts';
import type { AgentAttemptRecord, AgentTranscriptEntry, DeniedAccess } from '../spec/agent.ts';
import type { ResultRecord, SampleRecord } from '../spec/run.ts';
import type { VerdictStatus } from '../spec/verdict.ts';
import { sampleKey } from '../store/run-files.ts';
import { summarizeAgent } from './summarize-agent.ts';

function attempt(
  taskId: string,
  index: number,
  agent: Partial<AgentAttemptRecord>,
  passed: boolean,
  extra: { tokens?: number; firstPassed?: boolean; status?: VerdictStatus } = {},
): [SampleRecord, ResultRecord] {
  const sample: SampleRecord = {
    task_id: taskId,
    sample_index: index,
    raw: 'x',
    completion: 'x',
    kind: 'solution',
    finish_reason: agent.end_reason ?? 'submitted',
    latency_ms: 1,
    usage: { inputTokens: extra.tokens ?? 500, outputTokens: 0 },
    cost_usd: 0.01,
    agent: {
      end_reason: 'submitted',
      code_source: 'submit',
      turns: 2,
      tool_calls: 2,
      tool_errors: 0,
      visible_tests: true,
      duration_ms: 1,
      transcript: [],
      ...agent,
    },
  };
  const result: ResultRecord = resultRecord({
    task_id: taskId,
    sample_index: index,
    language: 'python',
    status: extra.status ?? (passed ? 'passed' : 'failed'),
    passed,
    ...(extra.firstPassed === undefined
      ? {}
      : {
          first_code: {
            status: extra.firstPassed ? 'passed' : 'failed',
            passed: extra.firstPassed,
          },
        }),
  });
  return [sample, result];
}

/** A transcript entry of a tool call whose program the sandbox denied `denied`. */
function deniedCall(denied: DeniedAccess[]): AgentTranscriptEntry {
  return {
    type: 'tool',
    turn: 1,
    call_id: 'c',
    name: 'run_code',
    arguments: {},
    result: 'exit code 1',
    is_error: false,
    duration_ms: 1,
    denied,
  };
}

describe('summarizeAgent', () => {
  it('counts repair, over-fitting, curves and spend over scored attempts only', () => {
    const pairs = [
      attempt('a', 0, { turns: 1, final_visible_status: 'passed' }, true),
      attempt('a', 1, { turns: 3, final_visible_status: 'passed' }, true, {
        firstPassed: false,
        tokens: 3000,
      }),
      attempt(
        'b',
        0,
        {
          final_visible_status: 'passed',
          contained_tool_calls: 2,
          denied_tool_calls: 2,
          transcript: [deniedCall(['network', 'filesystem']), deniedCall(['network'])],
        },
        false,
      ),
      attempt('b', 1, { end_reason: 'max_turns', code_source: 'last_code', turns: 4 }, false, {
        firstPassed: true,
      }),
      // An infrastructure fault is not an attempt of the model.
      attempt(
        'b',
        2,
        { contained_tool_calls: 5, denied_tool_calls: 1, transcript: [deniedCall(['network'])] },
        false,
        { status: 'infra_error' },
      ),
    ];
    const samples = new Map(
      pairs.map(([sample]) => [sampleKey(sample.task_id, sample.sample_index), sample]),
    );
    const results = new Map(
      pairs.map(([, result]) => [sampleKey(result.task_id, result.sample_index), result]),
    );
    const summary = summarizeAgent([{ id: 'a' }, { id: 'b' }], 3, samples, results);
    expect(summary).toMatchObject({
      attempts: 4,
      end_reasons: { submitted: 3, max_turns: 1 },
      solved_within_turns: { '1': 0.25, '2': 0.25, '3': 0.5, '4': 0.5 },
      solved_within_tokens: { '1000': 0.25, '2000': 0.25, '4000': 0.5 },
      first_code_pass_rate: 0.5,
      final_pass_rate: 0.5,
      repaired: 1,
      broken_by_repair: 1,
      passes_visible_fails_hidden: 1,
      visible_checked: 3,
      contained_tool_calls: 2,
      denied_tool_calls: 2,
      denied_access: { network: 2, filesystem: 1 },
      solved_problems: 1,
      per_solved_problem: { tool_calls: 8, tokens: 4500 },
    });
    expect(summary?.per_attempt.turns).toBe(2.5);
    expect(summarizeAgent([{ id: 'a' }], 1, new Map(), new Map())).toBeUndefined();
  });
});
