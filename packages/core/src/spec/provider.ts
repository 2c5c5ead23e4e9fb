import type { AgentTurn, AgentTurnRequest } from './agent.ts';
import type { Problem } from './problem.ts';

/** Reasoning effort levels, passed to models that support them (the `ai` SDK's scale). */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** Sampling parameters of a generation request. */
export interface SamplingParameters {
  /** Softmax temperature. */
  readonly temperature?: number;
  /** Nucleus sampling mass. */
  readonly topP?: number;
  /** Upper bound on generated tokens (reasoning tokens included, where the provider counts them). */
  readonly maxTokens?: number;
  /**
   * Seed of the run's sampling. Sample i is requested with seed `seed + i`, so that repeats
   * are distinct samples and a rerun asks for the same ones.
   */
  readonly seed?: number;
  /** Reasoning effort, for models that support it. */
  readonly reasoningEffort?: ReasoningEffort;
}

/** How a prompt is sent: raw text to continue, or a chat conversation. */
export type PromptMode = 'completion' | 'chat';

/** A message of a chat prompt. */
export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** The prompt of one request, as built by a `PromptFormat`. */
export type ModelPrompt =
  | {
      readonly mode: 'completion';
      /** The text the model continues (the benchmark prompt, for base models). */
      readonly text: string;
    }
  | {
      readonly mode: 'chat';
      /** System prompt, when any. */
      readonly system?: string;
      /** The conversation; the last message is the user's. */
      readonly messages: readonly ChatMessage[];
      /**
       * Start of the assistant's answer (assistant prefill). Sent only to providers whose
       * `capabilities.prefill` is true; the generated text continues it.
       */
      readonly prefill?: string;
    };

/** The code extracted from a model's raw answer. */
export interface Extraction {
  /** The code to test (empty when none was found). */
  readonly code: string;
  /** `completion` continues the problem's prompt; `solution` is a whole program. */
  readonly kind: 'completion' | 'solution';
  /** How the code was found (`stop-truncation`, `fenced-block`, `prompt-stripped`, `no-code` …). */
  readonly strategy: string;
  /** False when the answer held no code at all. */
  readonly foundCode: boolean;
}

/**
 * Turns a problem into a model prompt and the model's answer into code. Implementations
 * (completion and chat formats, templates) live in `@passk/providers`.
 */
export interface PromptFormat {
  /** Identity recorded in the manifest and in generation cache keys (`completion`, `chat:humaneval`). */
  readonly id: string;
  readonly mode: PromptMode;
  /** sha256 of the template and settings, so a changed template is a different run. */
  readonly hash: string;
  /** The prompt for `problem`. */
  build(problem: Problem): ModelPrompt;
  /**
   * The code in `text`, the model's answer to `prompt` (the prefill, when one was sent,
   * is already prepended to `text`). Never throws: an answer without code is `foundCode: false`.
   */
  extract(problem: Problem, text: string): Extraction;
}

/** One request for one sample. */
export interface GenerationRequest {
  /** The problem being solved. */
  readonly problem: Problem;
  /** The prompt text: the text to continue in completion mode, the user message in chat mode. */
  readonly prompt: string;
  /** The full prompt (mode, system, messages, prefill); absent means completion of `prompt`. */
  readonly modelPrompt?: ModelPrompt;
  /** Stop sequences to apply. */
  readonly stopSequences: readonly string[];
  /** Sampling parameters; `seed` is already this sample's seed. */
  readonly sampling: SamplingParameters;
  /** 0-based index of this sample among the problem's samples. */
  readonly sampleIndex: number;
  /** Aborts the request (run stopped, or the per-request timeout elapsed). */
  readonly signal?: AbortSignal;
}

/** Token counts of one generation. */
export interface TokenUsage {
  /** Prompt tokens, cached ones included. */
  readonly inputTokens: number;
  /** Generated tokens, reasoning tokens included. */
  readonly outputTokens: number;
  /** Of `outputTokens`, those spent on hidden reasoning, when reported. */
  readonly reasoningTokens?: number;
  /** Of `inputTokens`, those read from the provider's prompt cache, when reported. */
  readonly cachedInputTokens?: number;
}

/** Prices of a model in US dollars per million tokens. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
  /** Price of cached input tokens (default `inputPerMillion`). */
  readonly cachedInputPerMillion?: number;
}

/** Classes of provider failure; retry decisions read these, never messages. */
export type ProviderErrorClass =
  | 'rate_limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed_response'
  | 'content_filter'
  | 'invalid_request'
  | 'authentication'
  | 'missing_sample'
  | 'cost_limit';

/** A failed generation, recorded on the sample (never thrown through the run). */
export interface ProviderFailure {
  readonly class: ProviderErrorClass;
  readonly message: string;
  /** Whether retrying can help. */
  readonly retryable: boolean;
  /** HTTP status, when the failure was an HTTP answer. */
  readonly statusCode?: number;
  /** How long the provider asked to wait before retrying (`Retry-After`, rate-limit reset headers), in milliseconds. */
  readonly retryAfterMs?: number;
}

/** Rate-limit state a provider reported in its response headers. */
export interface RateLimitInfo {
  /** Requests left in the current window. */
  readonly remainingRequests?: number;
  /** Tokens left in the current window. */
  readonly remainingTokens?: number;
  /** Milliseconds until the window resets. */
  readonly resetMs?: number;
}

/** The outcome of one generation request. */
export interface Generation {
  /** The model's raw text (empty on failure); in chat mode the prefill is not included. */
  readonly text: string;
  /** The model's reasoning text, when the provider returns it separately. */
  readonly reasoning?: string;
  /** The code to test, when the provider knows it exactly (replay of completions); otherwise derived from `text`. */
  readonly completion?: string;
  /** Shape of `completion` (default `completion`): `solution` when it is a whole program. */
  readonly kind?: 'completion' | 'solution';
  /** Why generation stopped (`stop`, `length`, `content-filter`, `replay`, `reference`, `error`). */
  readonly finishReason: string;
  /** Token usage, when known. */
  readonly usage?: TokenUsage;
  /** Cost in US dollars, when known. */
  readonly costUsd?: number;
  /** Wall-clock latency in milliseconds. */
  readonly latencyMs: number;
  /** Rate-limit headers of the response, when the provider sent any. */
  readonly rateLimit?: RateLimitInfo;
  /** Set when the generation failed. */
  readonly error?: ProviderFailure;
}

/** What a provider can do with a prompt. */
export interface ProviderCapabilities {
  /** Prompt modes it accepts. */
  readonly modes: readonly PromptMode[];
  /** Whether it continues an assistant prefill. */
  readonly prefill: boolean;
  /** Most stop sequences its API accepts (the rest are applied locally). */
  readonly maxStopSequences?: number;
}

/** A model backend. */
export interface Provider {
  /** Id as given on the command line (`reference`, `replay:samples.jsonl`, `openai:gpt-4.1-mini`). */
  readonly id: string;
  /** Model name recorded in the manifest. */
  readonly model: string;
  /** Whether results may be cached across runs (false for providers that read local files). */
  readonly cacheable: boolean;
  /** Problems this provider can answer, when it is limited to a known set (replay files). */
  readonly taskIds?: ReadonlySet<string>;
  /**
   * True for providers that call a model (and so use prompt formats, retries and cost
   * limits); false or absent for providers that return known code (reference, replay).
   */
  readonly generative?: boolean;
  /** Prompt modes and features; required when `generative`. */
  readonly capabilities?: ProviderCapabilities;
  /** Price per million tokens, when known; used for cost and `--max-cost` projections. */
  readonly price?: ModelPrice;
  /** Settings that identify the endpoint (base URL, API flavour), recorded in the manifest; never keys. */
  readonly endpoint?: Readonly<Record<string, string>>;
  /**
   * Called once before any generation: loads files, checks credentials. Throws
   * `PasskError` for a problem the user must fix (missing key, unreadable file).
   */
  prepare?(): Promise<void>;
  /** Generates one sample. Failures are returned in `error`, not thrown. */
  generate(request: GenerationRequest): Promise<Generation>;
  /**
   * One turn of an agent conversation (`passk run --agent`): the model's text and tool calls.
   * Absent on providers that cannot call tools. Failures are returned in `error`, not thrown.
   */
  respond?(request: AgentTurnRequest): Promise<AgentTurn>;
  /**
   * An agent program passk runs per attempt instead of driving a model (`--model
   * command:<executable>`): its resolved path. Such a provider runs only with `--agent`.
   */
  readonly agentCommand?: string;
}
