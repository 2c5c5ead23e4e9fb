import type { GenerationRequest, ModelPrompt, Problem } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiSdkProvider } from '../src/ai-sdk/create-ai-sdk-provider.ts';
import type { AiSdkProviderKind } from '../src/ai-sdk/provider-kinds.ts';
import { type FakeModelServer, type Protocol, startFakeModelServer } from '../src/test/index.ts';

const problem: Problem = {
  id: 'Demo/0',
  datasetId: 'demo',
  language: 'python',
  prompt: 'def add(a, b):\n    """Return a + b."""\n',
  entryPoint: 'add',
  tests: 'def check(candidate):\n    assert candidate(1, 2) == 3\n',
  stopSequences: ['\nclass', '\ndef', '\n#', '\nif', '\nprint'],
  metadata: {},
};

const ANSWER = '```python\ndef add(a, b):\n    return a + b\n```';
const env = {
  OPENAI_API_KEY: 'sk-test-openai',
  ANTHROPIC_API_KEY: 'sk-ant-test',
  GOOGLE_GENERATIVE_AI_API_KEY: 'google-test-key',
};

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer({
    answer: (request) =>
      request.protocol === 'openai-completions' || request.protocol === 'ollama-generate'
        ? {
            text: '    return a + b\n\ndef unused():\n    pass\n',
            inputTokens: 17,
            outputTokens: 12,
          }
        : {
            text: ANSWER,
            inputTokens: 40,
            outputTokens: 20,
            reasoningTokens: 5,
            cachedInputTokens: 8,
            ...(request.protocol === 'anthropic-messages' ? { reasoning: 'think: a plus b' } : {}),
          },
  });
});
afterAll(() => server.close());

interface Case {
  readonly kind: AiSdkProviderKind;
  readonly mode: 'chat' | 'completion';
  readonly api?: 'chat' | 'responses';
  readonly protocol: Protocol;
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies differ per API and are read by path
type Body = Record<string, any>;

const CASES: readonly Case[] = [
  { kind: 'openai', mode: 'chat', api: 'responses', protocol: 'openai-responses' },
  { kind: 'openai', mode: 'chat', api: 'chat', protocol: 'openai-chat' },
  { kind: 'openai', mode: 'completion', protocol: 'openai-completions' },
  { kind: 'anthropic', mode: 'chat', protocol: 'anthropic-messages' },
  { kind: 'google', mode: 'chat', protocol: 'google-generate-content' },
  { kind: 'openai-compatible', mode: 'chat', protocol: 'openai-chat' },
  { kind: 'openai-compatible', mode: 'completion', protocol: 'openai-completions' },
  { kind: 'ollama', mode: 'chat', protocol: 'ollama-chat' },
  { kind: 'ollama', mode: 'completion', protocol: 'ollama-generate' },
];

function request(mode: 'chat' | 'completion', prefill = false): GenerationRequest {
  const modelPrompt: ModelPrompt =
    mode === 'completion'
      ? { mode, text: problem.prompt }
      : {
          mode,
          system: 'You are a careful programmer.',
          messages: [{ role: 'user', content: `Complete:\n${problem.prompt}` }],
          ...(prefill ? { prefill: '```python\n' } : {}),
        };
  return {
    problem,
    prompt: mode === 'completion' ? problem.prompt : `Complete:\n${problem.prompt}`,
    modelPrompt,
    stopSequences: problem.stopSequences,
    sampling: { temperature: 0.2, topP: 0.95, maxTokens: 256, seed: 7 },
    sampleIndex: 0,
  };
}

describe.each(CASES)('$kind $mode $api over $protocol', (testCase) => {
  for (const stream of [false, true]) {
    it(`${stream ? 'streaming' : 'non-streaming'}: text, usage, finish reason and request fields`, async () => {
      const provider = createAiSdkProvider({
        kind: testCase.kind,
        model: testCase.kind === 'ollama' ? 'qwen2.5-coder:7b' : 'test-model',
        mode: testCase.mode,
        baseUrl: server.baseUrls[testCase.kind],
        env,
        envFile: '/nonexistent/.env',
        ...(testCase.api ? { api: testCase.api } : {}),
        stream,
      });
      await provider.prepare?.();
      const before = server.requests.length;
      const generation = await provider.generate(request(testCase.mode));
      expect(generation.error).toBeUndefined();
      const sent = server.requests.slice(before);
      expect(sent).toHaveLength(1);
      const wire = sent[0];
      expect(wire?.protocol).toBe(testCase.protocol);
      // ollama-ai-provider-v2 cannot parse Ollama's streamed /api/generate chunks: not streamed.
      expect(wire?.stream).toBe(stream && testCase.protocol !== 'ollama-generate');
      if (testCase.mode === 'completion') {
        expect(generation.text).toBe('    return a + b\n\ndef unused():\n    pass\n');
        expect(wire?.prompt).toBe(problem.prompt);
        expect(generation.usage).toMatchObject({ inputTokens: 17, outputTokens: 12 });
      } else {
        expect(generation.text).toBe(ANSWER);
        expect(wire?.system).toBe('You are a careful programmer.');
        expect(wire?.prompt).toBe(`Complete:\n${problem.prompt}`);
        expect(generation.usage?.inputTokens).toBe(40);
        expect(generation.usage?.outputTokens).toBe(20);
      }
      expect(generation.finishReason).toBe('stop');
      expect(wire?.maxTokens).toBe(256);
      expect(wire?.temperature).toBe(0.2);
      // OpenAI accepts at most 4 stop sequences (the Responses API none); the rest are
      // applied locally by the run. Completion prompts carry no chat-transcript stop.
      expect(wire?.stop).toEqual(
        testCase.protocol === 'openai-responses'
          ? []
          : testCase.kind === 'openai'
            ? problem.stopSequences.slice(0, 4)
            : problem.stopSequences,
      );
    });
  }
});

describe('provider specifics', () => {
  it('Anthropic: the assistant prefill is sent as the last message and the thinking block comes back as reasoning', async () => {
    const provider = createAiSdkProvider({
      kind: 'anthropic',
      model: 'claude-sonnet-4-20250514',
      baseUrl: server.baseUrls.anthropic,
      env,
    });
    const before = server.requests.length;
    const generation = await provider.generate(request('chat', true));
    expect(generation.error).toBeUndefined();
    // Anthropic rejects a final assistant message ending in whitespace: the SDK trims it.
    expect(server.requests[before]?.prefill).toBe('```python');
    expect(generation.reasoning).toBe('think: a plus b');
    expect(provider.capabilities?.prefill).toBe(true);
  });

  it('OpenAI responses: reasoning and cached tokens are read from the usage block', async () => {
    const provider = createAiSdkProvider({
      kind: 'openai',
      model: 'o4-mini',
      baseUrl: server.baseUrls.openai,
      env,
    });
    const generation = await provider.generate(request('chat'));
    expect(generation.usage).toEqual({
      inputTokens: 40,
      outputTokens: 20,
      reasoningTokens: 5,
      cachedInputTokens: 8,
    });
    expect(provider.price).toMatchObject({ inputPerMillion: 1.1, outputPerMillion: 4.4 });
  });

  it("the API key goes in the provider's own header and never in the URL", async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) });
      return fetch(input, init);
    };
    for (const kind of ['openai', 'anthropic', 'google'] as const) {
      const provider = createAiSdkProvider({
        kind,
        model: 'm',
        baseUrl: server.baseUrls[kind],
        env,
        fetch: recordingFetch,
      });
      const generation = await provider.generate(request('chat'));
      expect(generation.error).toBeUndefined();
    }
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk-test-openai');
    expect(seen[1]?.headers.get('x-api-key')).toBe('sk-ant-test');
    expect(seen[2]?.headers.get('x-goog-api-key')).toBe('google-test-key');
    for (const { url } of seen) expect(url).not.toMatch(/key|sk-/i);
  });

  it('--reasoning-effort reaches each API in its own form', async () => {
    const cases = [
      {
        kind: 'openai',
        model: 'o4-mini',
        check: (body: Body) => body.reasoning?.effort,
      },
      {
        kind: 'anthropic',
        model: 'claude-sonnet-4-20250514',
        check: (body: Body) => body.thinking?.type,
      },
      {
        kind: 'google',
        model: 'gemini-2.5-flash',
        check: (body: Body) => typeof body.generationConfig?.thinkingConfig?.thinkingBudget,
      },
      {
        kind: 'openai-compatible',
        model: 'qwen3',
        check: (body: Body) => body.reasoning_effort,
      },
    ] as const;
    const seen: unknown[] = [];
    for (const { kind, model, check } of cases) {
      const provider = createAiSdkProvider({ kind, model, baseUrl: server.baseUrls[kind], env });
      const base = request('chat');
      const generation = await provider.generate({
        ...base,
        sampling: {
          ...base.sampling,
          temperature: undefined,
          reasoningEffort: 'high',
          maxTokens: 8000,
        },
      });
      expect(generation.error).toBeUndefined();
      seen.push(check(server.requests.at(-1)?.body ?? {}));
    }
    expect(seen).toEqual(['high', 'enabled', 'number', 'high']);
  });
});
