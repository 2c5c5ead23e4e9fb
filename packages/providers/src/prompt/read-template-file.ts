import { readFileSync } from 'node:fs';
import { InvalidInputError } from '@passk/core';
import { type ChatTemplate, TEMPLATE_PLACEHOLDERS } from './chat-template.ts';

const SECTION = /^---\s*(system|user|assistant)\s*---\s*$/;

/**
 * Reads a chat template file. Without section lines the whole file is the user message;
 * otherwise lines `--- system ---`, `--- user ---` and `--- assistant ---` start the parts
 * (the assistant part is the prefill). Placeholders: `{{prompt}}`, `{{language}}`,
 * `{{fence}}`, `{{entry_point}}`, `{{task_id}}`. Throws `InvalidInputError` naming the file
 * and line for an unreadable file, a repeated or empty section, a missing user part or an
 * unknown placeholder.
 */
export function readTemplateFile(path: string): ChatTemplate {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InvalidInputError({
      reason: `cannot read the prompt template (${(cause as Error).message})`,
      location: { file: path },
      cause,
    });
  }
  const lines = text.split('\n');
  const parts: Partial<Record<'system' | 'user' | 'assistant', string[]>> = {};
  let current: 'system' | 'user' | 'assistant' | undefined = lines.some((line) =>
    SECTION.test(line),
  )
    ? undefined
    : 'user';
  if (current) parts.user = [];
  for (const [index, line] of lines.entries()) {
    const section = SECTION.exec(line)?.[1] as 'system' | 'user' | 'assistant' | undefined;
    if (section) {
      if (parts[section]) {
        throw new InvalidInputError({
          reason: `section '--- ${section} ---' appears twice`,
          location: { file: path, line: index + 1 },
        });
      }
      current = section;
      parts[section] = [];
      continue;
    }
    if (!current) {
      if (line.trim() === '') continue;
      throw new InvalidInputError({
        reason: 'text before the first section line',
        location: { file: path, line: index + 1 },
      });
    }
    parts[current]?.push(line);
    const unknown = [...line.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].find(
      (match) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(match[1] as string),
    );
    if (unknown) {
      throw new InvalidInputError({
        reason: `unknown placeholder ${unknown[0]}; known: ${TEMPLATE_PLACEHOLDERS.map((item) => `{{${item}}}`).join(', ')}`,
        location: { file: path, line: index + 1 },
      });
    }
  }
  const join = (part: string[] | undefined) => part?.join('\n').replace(/^\n+|\s+$/g, '');
  const user = join(parts.user);
  if (!user) {
    throw new InvalidInputError({
      reason: 'the template has no user message',
      location: { file: path },
    });
  }
  const system = join(parts.system);
  const prefill = join(parts.assistant);
  return {
    name: `file:${path}`,
    user: `${user}\n`,
    ...(system ? { system } : {}),
    ...(prefill ? { prefill } : {}),
  };
}
