import type { PromptMode, SamplingParameters } from '@passk/core';
import type { LanguageModel, ProviderMetadata as ProviderOptions } from 'ai';

/** The model backends built on the `ai` SDK, by id prefix. */
export type AiSdkProviderKind = 'openai' | 'anthropic' | 'google' | 'openai-compatible' | 'ollama';

/** What a kind needs to create a model. */
export interface ModelSettings {
  readonly modelId: string;
  readonly mode: PromptMode;
  readonly apiKey?: string;
  readonly baseUrl: string;
  /** OpenAI chat-mode API (default `responses`). */
  readonly api?: 'responses' | 'chat';
  /** A fetch to use instead of the global one (tests, proxies). */
  readonly fetch?: typeof fetch;
}

/** How one backend is configured and which `ai` SDK provider package speaks to it. */
export interface ProviderKind {
  readonly id: AiSdkProviderKind;
  /** Environment variables holding the API key, in lookup order. */
  readonly keyVariables: readonly string[];
  /** Whether a missing key is an error (false for local servers). */
  readonly keyRequired: boolean;
  /** Environment variables holding a base URL, in lookup order. */
  readonly baseUrlVariables: readonly string[];
  /** The official endpoint; undefined when `--base-url` is required. */
  readonly defaultBaseUrl?: string;
  /** Prompt modes its APIs offer. */
  readonly modes: readonly PromptMode[];
  /** Whether its chat API continues an assistant prefill. */
  readonly prefill: boolean;
  /** Most stop sequences its API accepts. */
  readonly maxStopSequences?: number;
  /**
   * Provider options for a call, for settings its SDK package takes only that way
   * (Ollama's chat model reads stop sequences from `providerOptions.ollama.options.stop`).
   */
  providerOptions?(call: {
    readonly mode: PromptMode;
    readonly stopSequences: readonly string[];
    readonly sampling: SamplingParameters;
  }): ProviderOptions | undefined;
  /** True when it runs locally at no cost per token. */
  readonly free: boolean;
  /** Loads the provider package (lazily) and creates the model. */
  createModel(settings: ModelSettings): Promise<LanguageModel>;
}

const optional = <T>(key: string, value: T | undefined) =>
  value === undefined ? {} : { [key]: value };

/** The built-in kinds; each imports its `@ai-sdk/*` package only when first used. */
export const PROVIDER_KINDS: Readonly<Record<AiSdkProviderKind, ProviderKind>> = {
  openai: {
    id: 'openai',
    keyVariables: ['OPENAI_API_KEY'],
    keyRequired: true,
    baseUrlVariables: ['OPENAI_BASE_URL'],
    defaultBaseUrl: 'https://api.openai.com/v1',
    modes: ['chat', 'completion'],
    prefill: false,
    maxStopSequences: 4,
    free: false,
    async createModel(settings) {
      const { createOpenAI } = await import('@ai-sdk/openai');
      const provider = createOpenAI({
        baseURL: settings.baseUrl,
        ...optional('apiKey', settings.apiKey),
        ...optional('fetch', settings.fetch),
      });
      if (settings.mode === 'completion') return provider.completion(settings.modelId);
      return settings.api === 'chat'
        ? provider.chat(settings.modelId)
        : provider.responses(settings.modelId);
    },
  },
  anthropic: {
    id: 'anthropic',
    keyVariables: ['ANTHROPIC_API_KEY'],
    keyRequired: true,
    baseUrlVariables: ['ANTHROPIC_BASE_URL'],
    defaultBaseUrl: 'https://api.anthropic.com/v1',
    modes: ['chat'],
    prefill: true,
    free: false,
    async createModel(settings) {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return createAnthropic({
        baseURL: settings.baseUrl,
        ...optional('apiKey', settings.apiKey),
        ...optional('fetch', settings.fetch),
      })(settings.modelId);
    },
  },
  google: {
    id: 'google',
    keyVariables: ['GOOGLE_GENERATIVE_AI_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    keyRequired: true,
    baseUrlVariables: ['GOOGLE_GENERATIVE_AI_BASE_URL'],
    defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    modes: ['chat'],
    prefill: false,
    maxStopSequences: 5,
    free: false,
    async createModel(settings) {
      const { createGoogle } = await import('@ai-sdk/google');
      return createGoogle({
        baseURL: settings.baseUrl,
        ...optional('apiKey', settings.apiKey),
        ...optional('fetch', settings.fetch),
      })(settings.modelId);
    },
  },
  'openai-compatible': {
    id: 'openai-compatible',
    keyVariables: ['OPENAI_COMPATIBLE_API_KEY'],
    keyRequired: false,
    baseUrlVariables: ['OPENAI_COMPATIBLE_BASE_URL'],
    modes: ['chat', 'completion'],
    prefill: false,
    free: false,
    async createModel(settings) {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      const provider = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: settings.baseUrl,
        includeUsage: true,
        ...optional('apiKey', settings.apiKey),
        ...optional('fetch', settings.fetch),
      });
      return settings.mode === 'completion'
        ? provider.completionModel(settings.modelId)
        : provider.chatModel(settings.modelId);
    },
  },
  ollama: {
    id: 'ollama',
    keyVariables: [],
    keyRequired: false,
    baseUrlVariables: ['OLLAMA_BASE_URL'],
    defaultBaseUrl: 'http://127.0.0.1:11434/api',
    modes: ['chat', 'completion'],
    prefill: false,
    free: true,
    // ollama-ai-provider-v2 sends sampling settings at the top level of the body, where
    // Ollama ignores them, and drops stop sequences and the seed in chat mode: they go in
    // Ollama's own `options` object.
    providerOptions: ({ stopSequences, sampling }) => {
      const options = {
        ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
        ...(sampling.topP === undefined ? {} : { top_p: sampling.topP }),
        ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
        ...(sampling.maxTokens === undefined ? {} : { num_predict: sampling.maxTokens }),
        ...(stopSequences.length > 0 ? { stop: [...stopSequences] } : {}),
      };
      return Object.keys(options).length > 0 ? { ollama: { options } } : undefined;
    },
    async createModel(settings) {
      const { createOllama } = await import('ollama-ai-provider-v2');
      const baseURL = /\/api\/?$/.test(settings.baseUrl)
        ? settings.baseUrl
        : `${settings.baseUrl.replace(/\/+$/, '')}/api`;
      const provider = createOllama({ baseURL, ...optional('fetch', settings.fetch) });
      return settings.mode === 'completion'
        ? provider.completion(settings.modelId)
        : provider.chat(settings.modelId);
    },
  },
};
