import type { Problem } from '@passk/core';
import { describe, expect, it } from 'vitest';
import { createAiSdkProvider } from '../src/ai-sdk/create-ai-sdk-provider.ts';
import type { AiSdkProviderKind } from '../src/ai-sdk/provider-kinds.ts';
import { createChatFormat } from '../src/prompt/create-prompt-format.ts';

/**
 * Live API checks: one real request per provider, run only with PASSK_LIVE_TESTS=1 and the
 * provider's key set (the machines this suite runs on have no network besides the package
 * registries). The test names say why they are skipped.
 */
const LIVE: readonly { kind: AiSdkProviderKind; model: string; key: string }[] = [
  { kind: 'openai', model: 'gpt-4.1-nano', key: 'OPENAI_API_KEY' },
  { kind: 'anthropic', model: 'claude-3-5-haiku-latest', key: 'ANTHROPIC_API_KEY' },
  { kind: 'google', model: 'gemini-2.0-flash-lite', key: 'GOOGLE_GENERATIVE_AI_API_KEY' },
];

const problem: Problem = {
  id: 'live/0',
  datasetId: 'live',
  language: 'python',
  prompt: 'def add(a: int, b: int) -> int:\n    """Return the sum of a and b."""\n',
  entryPoint: 'add',
  tests: '',
  stopSequences: [],
  metadata: {},
};

describe('live provider APIs', () => {
  for (const { kind, model, key } of LIVE) {
    const enabled = process.env.PASSK_LIVE_TESTS === '1' && Boolean(process.env[key]);
    const reason = enabled ? '' : ` (skipped: set PASSK_LIVE_TESTS=1 and ${key} to run)`;
    it.skipIf(!enabled)(
      `${kind}:${model} answers a chat prompt with extractable code${reason}`,
      async () => {
        const provider = createAiSdkProvider({ kind, model, env: process.env });
        const format = createChatFormat();
        const prompt = format.build(problem);
        const generation = await provider.generate({
          problem,
          prompt: prompt.mode === 'chat' ? (prompt.messages[0]?.content ?? '') : '',
          modelPrompt: prompt,
          stopSequences: [],
          sampling: { maxTokens: 300, temperature: 0 },
          sampleIndex: 0,
        });
        expect(generation.error).toBeUndefined();
        expect(generation.usage?.outputTokens).toBeGreaterThan(0);
        const extraction = format.extract(problem, generation.text);
        expect(extraction.foundCode).toBe(true);
        expect(extraction.code).toMatch(/return/);
      },
    );
  }
});
