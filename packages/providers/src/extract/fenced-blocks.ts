/** A fenced code block of a Markdown answer. */
export interface FencedBlock {
  /** The info string's first word, lower-cased (`python`, `c++`), or '' when untagged. */
  readonly tag: string;
  /** The code between the fences, without a trailing newline. */
  readonly code: string;
  /** False when the answer ended before the closing fence (cut off by the token limit). */
  readonly closed: boolean;
}

/**
 * The fenced blocks of `text` (``` or ~~~, up to three spaces of indentation; a block closes
 * at a fence of the same character at least as long), in order. A block left open at the
 * end of the text is returned with `closed: false`.
 */
export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = text.split('\n');
  let open: { fence: string; tag: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (!open) {
      const match = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
      if (match) {
        open = {
          fence: match[1] as string,
          tag: (match[2] as string).replace(/^\{\.?|\}$/g, '').toLowerCase(),
          lines: [],
        };
      }
      continue;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[1]?.[0] === open.fence[0] && (close[1]?.length ?? 0) >= open.fence.length) {
      blocks.push({ tag: open.tag, code: open.lines.join('\n'), closed: true });
      open = undefined;
    } else open.lines.push(line);
  }
  if (open)
    blocks.push({ tag: open.tag, code: open.lines.join('\n').replace(/\s+$/, ''), closed: false });
  return blocks;
}
