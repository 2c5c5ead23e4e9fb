/** What the `ai` SDK's completion models wrap a single user prompt in. */
const TRANSCRIPT_PREFIX = 'user:\n';
const TRANSCRIPT_SUFFIX = '\n\nassistant:\n';
const TRANSCRIPT_STOP = '\nuser:';

/**
 * A fetch for completion-mode requests that sends the benchmark prompt verbatim.
 *
 * The `ai` SDK's completion models (`@ai-sdk/openai`, `@ai-sdk/openai-compatible`,
 * `ollama-ai-provider-v2`) format every prompt as a chat transcript (`user:\n<prompt>\n\n
 * assistant:\n`, plus a `\nuser:` stop sequence). A base model must see the raw benchmark
 * prompt, as the reference harnesses send it, so this adapter undoes exactly that wrapping in
 * the JSON body of `/completions` and `/api/generate` requests (one user message, no system
 * prompt: what passk's completion mode sends). Other requests pass through unchanged.
 */
export function createRawCompletionFetch(base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (typeof init?.body !== 'string' || !/\/(completions|api\/generate)(\?|$)/.test(url))
      return base(input, init);
    if (/\/chat\/completions(\?|$)/.test(url)) return base(input, init);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(init.body) as Record<string, unknown>;
    } catch {
      return base(input, init);
    }
    const prompt = body.prompt;
    if (
      typeof prompt === 'string' &&
      prompt.startsWith(TRANSCRIPT_PREFIX) &&
      prompt.endsWith(TRANSCRIPT_SUFFIX)
    ) {
      body.prompt = prompt.slice(
        TRANSCRIPT_PREFIX.length,
        prompt.length - TRANSCRIPT_SUFFIX.length,
      );
      body.stop = removeTranscriptStop(body.stop);
      if (body.options && typeof body.options === 'object') {
        const options = body.options as Record<string, unknown>;
        options.stop = removeTranscriptStop(options.stop);
        if (options.stop === undefined) delete options.stop;
      }
      if (body.stop === undefined) delete body.stop;
    }
    return base(input, { ...init, body: JSON.stringify(body) });
  };
}

function removeTranscriptStop(stop: unknown): unknown {
  if (!Array.isArray(stop)) return stop === TRANSCRIPT_STOP ? undefined : stop;
  const kept = stop.filter((item) => item !== TRANSCRIPT_STOP);
  return kept.length > 0 ? kept : undefined;
}
