import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A tool's result: `structured` as `structuredContent`, plus a short text for the model. */
export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}
