import { hashJson, type Problem, type PromptFormat, truncateAtStop } from '@passk/core';
import { extractCode } from '../extract/extract-code.ts';
import { type ChatTemplate, defaultChatTemplate, fillTemplate } from './chat-template.ts';

/** Options of `createChatFormat`. */
export interface ChatFormatOptions {
  /** A fixed template (from `--prompt-template`); default: per dataset family. */
  readonly template?: ChatTemplate;
  /** System prompt; overrides the template's. */
  readonly system?: string;
  /** False to send no assistant prefill even where the template has one. */
  readonly prefill?: boolean;
}

/** Version of the extraction rules, part of every chat format's hash. */
export const EXTRACTION_VERSION = 1;

/**
 * Completion mode, for base models: the raw benchmark prompt; the answer is cut at the
 * earliest stop sequence in the generated text (never the prompt). Strategy
 * `stop-sequence` when a stop occurred, `as-generated` otherwise.
 */
export function createCompletionFormat(): PromptFormat {
  return {
    id: 'completion',
    mode: 'completion',
    hash: hashJson({ mode: 'completion', version: 1 }),
    build: (problem) => ({ mode: 'completion', text: problem.prompt }),
    extract(problem, text) {
      const code = truncateAtStop(text, problem.stopSequences);
      return {
        code,
        kind: 'completion',
        strategy: code.length < text.length ? 'stop-sequence' : 'as-generated',
        foundCode: code.trim() !== '',
      };
    },
  };
}

/**
 * Chat mode: an instruction template per dataset family (or the given one), an optional
 * system prompt and assistant prefill; answers go through `extractCode`.
 */
export function createChatFormat(options: ChatFormatOptions = {}): PromptFormat {
  const templateFor = (problem: Problem) => options.template ?? defaultChatTemplate(problem);
  const file = options.template?.name.startsWith('file:')
    ? options.template.name.slice(5)
    : undefined;
  return {
    id: `chat:${options.template?.name ?? 'default'}`,
    mode: 'chat',
    hash: hashJson({
      mode: 'chat',
      template: options.template ?? 'default',
      system: options.system,
      prefill: options.prefill !== false,
      extraction: EXTRACTION_VERSION,
    }),
    build(problem) {
      const template = templateFor(problem);
      const system = options.system ?? template.system;
      const prefill =
        options.prefill !== false && template.prefill
          ? fillTemplate(template.prefill, problem, file).replace(/\s+$/, '')
          : undefined;
      return {
        mode: 'chat',
        ...(system ? { system: fillTemplate(system, problem, file) } : {}),
        messages: [{ role: 'user', content: fillTemplate(template.user, problem, file) }],
        ...(prefill ? { prefill } : {}),
      };
    },
    extract: (problem, text) => extractCode(problem, text),
  };
}
