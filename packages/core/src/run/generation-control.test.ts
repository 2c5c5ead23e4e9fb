import { describe, expect, it } from 'vitest';
import { createAdaptiveGate } from './adaptive-gate.ts';
import { costOfUsage, maxInputTokens, worstCaseCostUsd } from './cost.ts';
import { createCostBudget } from './cost-budget.ts';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-delay.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('retryDelayMs', () => {
  it('honours Retry-After with at most 10% jitter', () => {
    const failure = {
      class: 'rate_limit' as const,
      message: '',
      retryable: true,
      retryAfterMs: 2000,
    };
    expect(retryDelayMs(1, failure, DEFAULT_RETRY_POLICY, () => 0)).toBe(2000);
    expect(retryDelayMs(5, failure, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(2200);
  });

  it('backs off exponentially with full jitter in [delay/2, delay], capped', () => {
    const failure = { class: 'server' as const, message: '', retryable: true };
    expect(retryDelayMs(1, failure, DEFAULT_RETRY_POLICY, () => 0)).toBe(500);
    expect(retryDelayMs(1, failure, DEFAULT_RETRY_POLICY, () => 1)).toBe(1000);
    expect(retryDelayMs(3, failure, DEFAULT_RETRY_POLICY, () => 1)).toBe(4000);
    expect(retryDelayMs(20, failure, DEFAULT_RETRY_POLICY, () => 1)).toBe(60_000);
  });
});

describe('createAdaptiveGate', () => {
  it('admits at most the limit at once, in order', async () => {
    const gate = createAdaptiveGate({ maxConcurrency: 2 });
    const started: number[] = [];
    for (let index = 0; index < 4; index++) void gate.acquire().then(() => started.push(index));
    await tick();
    expect(started).toEqual([0, 1]);
    gate.release({});
    await tick();
    expect(started).toEqual([0, 1, 2]);
  });

  it('a 429 halves the limit once per pause and holds new requests until Retry-After has passed', async () => {
    let now = 0;
    const gate = createAdaptiveGate({ maxConcurrency: 8, now: () => now });
    for (let index = 0; index < 8; index++) await gate.acquire();
    const failure = {
      class: 'rate_limit' as const,
      message: '',
      retryable: true,
      retryAfterMs: 50,
    };
    gate.release({ failure });
    gate.release({ failure }); // same window: counted once
    expect(gate.limit).toBe(4);
    expect(gate.throttles).toBe(1);
    let admitted = false;
    // 6 in flight > limit 4: wait for releases, and for the pause.
    for (let index = 0; index < 6; index++) gate.release({});
    const waiting = gate.acquire().then(() => {
      admitted = true;
    });
    await tick();
    expect(admitted).toBe(false);
    now = 60;
    await new Promise((resolve) => setTimeout(resolve, 70));
    await waiting;
    expect(admitted).toBe(true);
  });

  it('successes raise the limit back by one per round of `limit` successes', async () => {
    const gate = createAdaptiveGate({ maxConcurrency: 4, defaultPauseMs: 0 });
    await gate.acquire();
    gate.release({ failure: { class: 'rate_limit', message: '', retryable: true } });
    expect(gate.limit).toBe(2);
    for (let index = 0; index < 2; index++) {
      await gate.acquire();
      gate.release({});
    }
    expect(gate.limit).toBe(3);
  });

  it('a response saying no requests remain pauses until the window resets', async () => {
    let now = 0;
    const gate = createAdaptiveGate({ maxConcurrency: 4, now: () => now });
    await gate.acquire();
    gate.release({ rateLimit: { remainingRequests: 0, resetMs: 30 } });
    let admitted = false;
    const waiting = gate.acquire().then(() => {
      admitted = true;
    });
    await tick();
    expect(admitted).toBe(false);
    now = 40;
    await new Promise((resolve) => setTimeout(resolve, 45));
    await waiting;
    expect(gate.limit).toBe(4);
  });

  it('an aborted wait rejects and leaves the queue', async () => {
    const gate = createAdaptiveGate({ maxConcurrency: 1 });
    await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    gate.release({});
    await gate.acquire();
  });
});

describe('cost', () => {
  const price = { inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5 };

  it('prices cached input separately and reasoning as output', () => {
    expect(
      costOfUsage(
        { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 500, reasoningTokens: 200 },
        price,
      ),
    ).toBeCloseTo((600 * 2 + 400 * 0.5 + 500 * 8) / 1e6, 12);
  });

  it('bounds input tokens by UTF-8 bytes plus message overhead', () => {
    expect(maxInputTokens({ mode: 'completion', text: 'héllo' })).toBe(6);
    expect(
      maxInputTokens({
        mode: 'chat',
        system: 'ab',
        messages: [{ role: 'user', content: 'xyz' }],
        prefill: 'p',
      }),
    ).toBe(2 + 1 + 3 + 8 + 8);
    expect(worstCaseCostUsd({ mode: 'completion', text: 'abcd' }, 100, price)).toBeCloseTo(
      (4 * 2 + 100 * 8) / 1e6,
      12,
    );
  });

  it('a budget refuses a reservation that could pass the limit, then stays exhausted', () => {
    const budget = createCostBudget(1, 0.25);
    expect(budget.reserve(0.5)).toBe(true);
    expect(budget.reserve(0.5)).toBe(false);
    expect(budget.exhausted).toBe(true);
    budget.settle(0.5, 0.1);
    expect(budget.spentUsd).toBeCloseTo(0.35, 12);
    expect(budget.reserve(0.01)).toBe(false);
  });
});
