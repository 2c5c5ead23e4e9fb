import { describe, expect, it } from 'vitest';
import type { Generation, Problem, Provider } from '../spec/index.ts';
import { createAdaptiveGate } from './adaptive-gate.ts';
import { createCostBudget } from './cost-budget.ts';
import type { RunEvent } from './events.ts';
import { createSampleGenerator } from './generate-sample.ts';

const problem: Problem = {
  id: 'T/0',
  datasetId: 't',
  language: 'python',
  prompt: 'def f():\n',
  entryPoint: 'f',
  tests: '',
  stopSequences: ['\ndef'],
  metadata: {},
};

const ok: Generation = {
  text: '    return 1\ndef g(): pass',
  finishReason: 'stop',
  latencyMs: 1,
  usage: { inputTokens: 10, outputTokens: 5 },
};

function provider(
  answers: (attempt: number) => Promise<Generation>,
  extra: Partial<Provider> = {},
): Provider & { calls: number } {
  const state = {
    id: 'fake:m',
    model: 'm',
    cacheable: false,
    generative: true,
    calls: 0,
    generate() {
      return answers(state.calls++);
    },
    ...extra,
  };
  return state;
}

const fast = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 };

describe('createSampleGenerator', () => {
  it('retries retryable failures with events, and cuts the answer at the stop sequence', async () => {
    const events: RunEvent[] = [];
    const fake = provider(async (attempt) =>
      attempt < 2
        ? {
            text: '',
            finishReason: 'error',
            latencyMs: 1,
            error: { class: 'server', message: '500', retryable: true },
          }
        : ok,
    );
    const generate = createSampleGenerator({
      provider: fake,
      sampling: { seed: 10 },
      gate: createAdaptiveGate({ maxConcurrency: 2 }),
      retry: fast,
      emit: (event) => events.push(event),
    });
    const outcome = await generate(problem, 3);
    expect(outcome).toMatchObject({
      cached: false,
      record: { completion: '    return 1', attempts: 3, sample_index: 3 },
    });
    expect(events.filter((event) => event.type === 'generation-retry')).toHaveLength(2);
  });

  it('does not retry a non-retryable failure, and records it', async () => {
    const fake = provider(async () => ({
      text: '',
      finishReason: 'error',
      latencyMs: 1,
      error: { class: 'authentication', message: '401', retryable: false },
    }));
    const generate = createSampleGenerator({
      provider: fake,
      sampling: {},
      gate: createAdaptiveGate({ maxConcurrency: 1 }),
      retry: fast,
      emit: () => {},
    });
    const outcome = await generate(problem, 0);
    expect(fake.calls).toBe(1);
    expect(outcome).toMatchObject({
      record: { error: { class: 'authentication' }, completion: '', attempts: 1 },
    });
  });

  it('a provider that never answers (and ignores the abort) times out and is retried', async () => {
    const fake = provider((attempt) =>
      attempt === 0 ? new Promise<Generation>(() => {}) : Promise.resolve(ok),
    );
    const generate = createSampleGenerator({
      provider: fake,
      sampling: {},
      gate: createAdaptiveGate({ maxConcurrency: 1 }),
      retry: fast,
      requestTimeoutMs: 50,
      emit: () => {},
    });
    const outcome = await generate(problem, 0);
    expect(outcome).toMatchObject({ record: { attempts: 2, completion: '    return 1' } });
  });

  it('sends sample i with seed + i, prices usage, and stops at the cost limit before sending', async () => {
    const seeds: (number | undefined)[] = [];
    const fake = provider(async () => ok, {
      price: { inputPerMillion: 1_000_000, outputPerMillion: 1_000_000 },
      generate(request) {
        seeds.push(request.sampling.seed);
        return Promise.resolve(ok);
      },
    });
    const budget = createCostBudget(40);
    const generate = createSampleGenerator({
      provider: fake,
      sampling: { seed: 100, maxTokens: 5 },
      gate: createAdaptiveGate({ maxConcurrency: 1 }),
      retry: fast,
      budget,
      emit: () => {},
    });
    // worst case per request: 9 prompt bytes + 5 tokens = $14; actual 10 + 5 = $15
    const first = await generate(problem, 0);
    expect(first).toMatchObject({ record: { cost_usd: 15 } });
    await generate(problem, 1);
    expect(await generate(problem, 2)).toEqual({ stopped: 'cost-limit' });
    expect(seeds).toEqual([100, 101]);
    expect(budget.spentUsd).toBe(30);
  });
});
