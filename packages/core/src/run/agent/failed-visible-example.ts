/**
 * The number (from 1) of the visible example a failing verdict's detail names, with what went
 * wrong (`add(2, 3) returned 6, expected 5`); undefined when the detail names none (the
 * program raised before or outside a check, or did not compile).
 */
export function failedVisibleExample(
  detail: string,
): { readonly example: number; readonly message: string } | undefined {
  const match = /example (\d+): (.*)$/s.exec(detail);
  return match ? { example: Number(match[1]), message: (match[2] as string).trim() } : undefined;
}

/**
 * The visible example a failing program's output names, for judges whose verdict detail is a
 * fixed word (HumanEval-X's `failed: AssertionError`): the last `example <n>: …` line of
 * `tail` (a Python traceback shows the failing line's source before the error's message),
 * with the rest of that line as the message.
 */
export function failedVisibleExampleInOutput(
  tail: string | undefined,
): { readonly example: number; readonly message: string } | undefined {
  const matches = [...(tail ?? '').matchAll(/example (\d+): ([^\n]*)/g)];
  const last = matches.at(-1);
  return last ? { example: Number(last[1]), message: (last[2] as string).trim() } : undefined;
}
