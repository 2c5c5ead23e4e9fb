import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../src/main.ts';

function capture() {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env: { ...process.env, PASSK_OFFLINE: '1' },
    cwd: process.cwd(),
    signal: new AbortController().signal,
  } as unknown as Parameters<typeof main>[1];
  return { io, out: () => stdout, err: () => stderr };
}

describe.each(Object.keys(COMMANDS))('passk %s --help', (name) => {
  const help = COMMANDS[name]?.help;

  it('prints usage, option groups with one line each, and examples', async () => {
    const { io, out } = capture();
    expect(await main([name, '--help'], io)).toBe(0);
    const text = out();
    expect(text).toMatch(/^Usage:$/m);
    expect(text).toMatch(/^Examples:$/m);
    for (const group of help?.groups ?? []) expect(text).toContain(`\n${group.title}:\n`);
    const optionLines = text.split('\n').filter((line) => /^ {2}-/.test(line));
    for (const line of optionLines) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('documents only flags the command accepts', async () => {
    const flags = (help?.groups ?? [])
      .flatMap((group) => group.options)
      .flatMap((option) => option.flag.split(/[ ,]+/).filter((word) => /^--?[a-z]/.test(word)))
      .filter((flag) => flag !== '-h' && flag !== '--help');
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      // A known flag is consumed and the parser stops at the unknown one after it.
      const { io, err } = capture();
      expect(await main([name, flag, 'x', '--not-a-passk-flag'], io)).toBe(2);
      expect(err(), flag).not.toContain(`'${flag}'`);
    }
  });
});
