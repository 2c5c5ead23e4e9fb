export { classifyError } from './ai-sdk/classify-error.ts';
export {
  type AiSdkProviderOptions,
  createAiSdkProvider,
} from './ai-sdk/create-ai-sdk-provider.ts';
export {
  type AiSdkProviderKind,
  PROVIDER_KINDS,
  type ProviderKind,
} from './ai-sdk/provider-kinds.ts';
export { parseDurationMs, rateLimitInfo, retryAfterMs } from './ai-sdk/rate-limit-headers.ts';
export { findSetting, requireApiKey } from './ai-sdk/resolve-api-key.ts';
export { createCommandAgentProvider } from './command-agent.ts';
export { extractCode } from './extract/extract-code.ts';
export { fencedBlocks } from './extract/fenced-blocks.ts';
export { stripReasoning } from './extract/strip-reasoning.ts';
export { lookupPrice, PRICE_TABLE, PRICES_AS_OF } from './pricing/price-table.ts';
export { readPriceFile } from './pricing/read-price-file.ts';
export {
  type ChatTemplate,
  defaultChatTemplate,
  EVALPLUS_PYTHON_TEMPLATE,
  FUNCTION_COMPLETION_TEMPLATE,
} from './prompt/chat-template.ts';
export {
  type ChatFormatOptions,
  createChatFormat,
  createCompletionFormat,
} from './prompt/create-prompt-format.ts';
export { readTemplateFile } from './prompt/read-template-file.ts';
export { createRecordedAgent, type RecordedAgent } from './recorded-agent.ts';
export { createReferenceProvider } from './reference.ts';
export { createReplayProvider, type ReplayOptions, type ReplayProvider } from './replay.ts';
