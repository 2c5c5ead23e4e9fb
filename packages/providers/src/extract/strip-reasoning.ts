/** Opening and closing markers of reasoning traces that models print in their answers. */
const TRACE_MARKERS: readonly (readonly [string, string])[] = [
  ['<think>', '</think>'],
  ['<thinking>', '</thinking>'],
  ['<reasoning>', '</reasoning>'],
  ['<reflection>', '</reflection>'],
  ['<|begin_of_thought|>', '<|end_of_thought|>'],
  ['<|channel|>analysis<|message|>', '<|end|>'],
  ['◁think▷', '◁/think▷'],
];

/**
 * Removes reasoning traces from a chat answer: every `<think>…</think>` (and the other
 * markers above); text before a closing marker that has no opening one (chat templates that
 * open the trace in the prompt, as DeepSeek-R1's does); and an unclosed trace to the end
 * (the answer was cut off while thinking). Returns the rest and whether anything was removed.
 */
export function stripReasoning(text: string): {
  readonly text: string;
  readonly stripped: boolean;
} {
  let rest = text;
  let stripped = false;
  for (const [open, close] of TRACE_MARKERS) {
    for (;;) {
      const start = rest.indexOf(open);
      const end = rest.indexOf(close);
      if (end !== -1 && (start === -1 || end < start)) {
        rest = rest.slice(end + close.length);
      } else if (start !== -1 && end !== -1) {
        rest = rest.slice(0, start) + rest.slice(end + close.length);
      } else if (start !== -1) {
        rest = rest.slice(0, start);
      } else break;
      stripped = true;
    }
  }
  return { text: stripped ? rest.replace(/^\s*\n/, '') : rest, stripped };
}
