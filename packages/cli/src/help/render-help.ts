import type { CommandHelp } from './command-help.ts';

/** Column where option descriptions start (flags longer than this get their own line). */
const FLAG_COLUMN = 28;

/**
 * Renders a command's help as `gh` and `cargo` do: usage, options by group (one line each,
 * with the default), then examples.
 */
export function renderHelp(name: string, help: CommandHelp): string {
  const lines = [`passk ${name}: ${help.summary}`, '', 'Usage:'];
  for (const usage of help.usage) lines.push(`  ${usage}`);
  for (const group of help.groups) {
    lines.push('', `${group.title}:`);
    for (const option of group.options) {
      const text =
        option.default === undefined ? option.text : `${option.text} [default: ${option.default}]`;
      const flag = `  ${option.flag}`;
      if (flag.length + 2 > FLAG_COLUMN) lines.push(flag, `${' '.repeat(FLAG_COLUMN)}${text}`);
      else lines.push(`${flag.padEnd(FLAG_COLUMN)}${text}`);
    }
  }
  if (help.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of help.examples)
      lines.push(`  # ${example.comment}`, `  ${example.command}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The usage line that error messages end with: the common form, and where the options are. */
export function usageLine(help: CommandHelp): string {
  const name = help.usage[0]?.split(' ')[1] ?? '';
  return `${help.usage[0]}  (passk ${name} --help lists the options)`;
}
