/**
 * Cuts generated text at the earliest occurrence of any stop sequence (the generated text
 * only; the prompt is never searched). Returns the text unchanged when none occurs.
 */
export function truncateAtStop(text: string, stopSequences: readonly string[]): string {
  let end = text.length;
  for (const stop of stopSequences) {
    if (stop === '') continue;
    const index = text.indexOf(stop);
    if (index !== -1 && index < end) end = index;
  }
  return text.slice(0, end);
}
