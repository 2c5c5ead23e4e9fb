import type { Problem } from './problem.ts';

/** Sampling parameters of a generation request. */
export interface SamplingParameters {
  /** Softmax temperature. */
  readonly temperature?: number;
  /** Nucleus sampling mass. */
  readonly topP?: number;
  /** Upper bound on generated tokens. */
  readonly maxTokens?: number;
  /** Provider-side seed, where supported. */
  readonly seed?: number;
}

/** One request for one sample. */
export interface GenerationRequest {
  /** The problem being solved. */
  readonly problem: Problem;
  /** The prompt text sent to the model. */
  readonly prompt: string;
  /** Stop sequences to apply. */
  readonly stopSequences: readonly string[];
  /** Sampling parameters. */
  readonly sampling: SamplingParameters;
  /** 0-based index of this sample among the problem's samples. */
  readonly sampleIndex: number;
  /** Aborts the request. */
  readonly signal?: AbortSignal;
}

/** Token counts of one generation. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Classes of provider failure; retry decisions read these, never messages. */
export type ProviderErrorClass =
  | 'rate_limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'content_filter'
  | 'invalid_request'
  | 'authentication'
  | 'missing_sample';

/** A failed generation, recorded on the sample (never thrown through the run). */
export interface ProviderFailure {
  readonly class: ProviderErrorClass;
  readonly message: string;
  /** Whether retrying can help. */
  readonly retryable: boolean;
}

/** The outcome of one generation request. */
export interface Generation {
  /** The model's raw text (empty on failure). */
  readonly text: string;
  /** The code to test, when the provider knows it exactly (replay of completions); otherwise derived from `text`. */
  readonly completion?: string;
  /** Shape of `completion` (default `completion`): `solution` when it is a whole program. */
  readonly kind?: 'completion' | 'solution';
  /** Why generation stopped (`stop`, `length`, `replay`, `reference`, `error`). */
  readonly finishReason: string;
  /** Token usage, when known. */
  readonly usage?: TokenUsage;
  /** Cost in US dollars, when known. */
  readonly costUsd?: number;
  /** Wall-clock latency in milliseconds. */
  readonly latencyMs: number;
  /** Set when the generation failed. */
  readonly error?: ProviderFailure;
}

/** A model backend. */
export interface Provider {
  /** Id as given on the command line (`reference`, `replay:samples.jsonl`). */
  readonly id: string;
  /** Model name recorded in the manifest. */
  readonly model: string;
  /** Whether results may be cached across runs (false for providers that read local files). */
  readonly cacheable: boolean;
  /** Problems this provider can answer, when it is limited to a known set (replay files). */
  readonly taskIds?: ReadonlySet<string>;
  /**
   * Called once before any generation: loads files, checks credentials. Throws
   * `PasskError` for a problem the user must fix (missing key, unreadable file).
   */
  prepare?(): Promise<void>;
  /** Generates one sample. Failures are returned in `error`, not thrown. */
  generate(request: GenerationRequest): Promise<Generation>;
}
