import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '@passk/core';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';
import { createChatFormat, createCompletionFormat } from '../src/prompt/create-prompt-format.ts';
import { readTemplateFile } from '../src/prompt/read-template-file.ts';

const problem = (language: string): Problem => ({
  id: `${language}/3`,
  datasetId: 'test',
  language,
  prompt: 'def add(a, b):\n    """Add."""\n',
  entryPoint: 'add',
  tests: '',
  stopSequences: ['\ndef', '\nif'],
  metadata: {},
});

describe('completion format', () => {
  it('sends the raw prompt and cuts the answer at the earliest stop in the generated text only', () => {
    const format = createCompletionFormat();
    expect(format.build(problem('python'))).toEqual({
      mode: 'completion',
      text: problem('python').prompt,
    });
    expect(
      format.extract(problem('python'), '    return a + b\nif True:\n    pass\ndef x(): pass'),
    ).toEqual({
      code: '    return a + b',
      kind: 'completion',
      strategy: 'stop-sequence',
      foundCode: true,
    });
    expect(format.extract(problem('python'), '    return a + b\n').strategy).toBe('as-generated');
  });
});

describe('chat format', () => {
  it("defaults to EvalPlus's instruction and prefill for Python, and a function template elsewhere", () => {
    const python = createChatFormat().build(problem('python'));
    expect(python).toMatchObject({ mode: 'chat', prefill: expect.stringMatching(/```python$/) });
    expect(python.mode === 'chat' && python.messages[0]?.content).toBe(
      'Please provide a self-contained Python script that solves the following problem in a markdown code block:\n```python\ndef add(a, b):\n    """Add."""\n```\n',
    );
    const rust = createChatFormat({ system: 'Be terse.', prefill: false }).build(problem('rust'));
    expect(rust).toEqual({
      mode: 'chat',
      system: 'Be terse.',
      messages: [
        { role: 'user', content: expect.stringContaining('Complete the following Rust function.') },
      ],
    });
  });

  it('different templates and system prompts hash differently', () => {
    expect(createChatFormat().hash).not.toBe(createChatFormat({ system: 'x' }).hash);
    expect(createChatFormat().hash).toBe(createChatFormat().hash);
  });
});

describe('template files', () => {
  const dir = temporaryDirectory('passk-template-');

  it('reads system, user and assistant sections with placeholders', () => {
    const path = join(dir, 'ok.txt');
    writeFileSync(
      path,
      '--- system ---\nYou write {{language}}.\n--- user ---\nSolve {{task_id}}:\n{{prompt}}\n--- assistant ---\n```{{fence}}\n',
    );
    const template = readTemplateFile(path);
    const built = createChatFormat({ template }).build(problem('python'));
    expect(built).toEqual({
      mode: 'chat',
      system: 'You write Python.',
      messages: [{ role: 'user', content: 'Solve python/3:\ndef add(a, b):\n    """Add."""\n' }],
      prefill: '```python',
    });
  });

  it('a whole file without sections is the user message', () => {
    const path = join(dir, 'plain.txt');
    writeFileSync(path, 'Write {{entry_point}}.\n');
    expect(readTemplateFile(path)).toMatchObject({ user: 'Write {{entry_point}}.\n' });
  });

  it('an unknown placeholder is an error naming the file and line', () => {
    const path = join(dir, 'bad.txt');
    writeFileSync(path, '--- user ---\nline two\n{{problem}}\n');
    expect(() => readTemplateFile(path)).toThrow(
      `${path}, line 3: unknown placeholder {{problem}}`,
    );
  });

  it('a missing user part and a repeated section are errors', () => {
    const noUser = join(dir, 'no-user.txt');
    writeFileSync(noUser, '--- system ---\nhi\n');
    expect(() => readTemplateFile(noUser)).toThrow(/no user message/);
    const twice = join(dir, 'twice.txt');
    writeFileSync(twice, '--- user ---\na\n--- user ---\nb\n');
    expect(() => readTemplateFile(twice)).toThrow(/line 3: section '--- user ---' appears twice/);
  });
});
