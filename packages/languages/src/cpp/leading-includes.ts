/**
 * The headers a C or C++ source includes before its first line of code: the names in
 * `#include <name>` / `#include "name"` directives that are preceded only by whitespace,
 * comments and other such directives. Any other token (a declaration, `using`, another
 * directive such as `#define`) ends the scan.
 */
export function leadingIncludes(source: string): Set<string> {
  const found = new Set<string>();
  let index = 0;
  const length = source.length;
  while (index < length) {
    const char = source[index] as string;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (source.startsWith('//', index)) {
      const end = source.indexOf('\n', index);
      index = end === -1 ? length : end + 1;
      continue;
    }
    if (source.startsWith('/*', index)) {
      const end = source.indexOf('*/', index + 2);
      if (end === -1) break;
      index = end + 2;
      continue;
    }
    const directive =
      /^#[ \t]*include[ \t]*(?:<([^>\n]+)>|"([^"\n]+)")[ \t]*(?:\/\/[^\n]*)?(?:\n|$)/.exec(
        source.slice(index, index + 300),
      );
    if (directive === null) break;
    found.add((directive[1] ?? directive[2] ?? '').trim());
    index += directive[0].length;
  }
  return found;
}
