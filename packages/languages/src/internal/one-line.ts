/** Longest detail kept from a program's output, in characters. */
export const MAX_DETAIL_CHARS = 300;

/**
 * `prefix` followed by `text` squeezed onto one line (whitespace runs become one space) and
 * cut to {@link MAX_DETAIL_CHARS}: the reference harnesses put a program's whole output in
 * their result string, passk keeps a readable head of it.
 */
export function oneLine(prefix: string, text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS)}…` : flat;
  return `${prefix}${cut}`;
}
