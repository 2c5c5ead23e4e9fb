import { COMPLETION_SENTINEL, type Program, type Step } from '@passk/core';

/**
 * Where the benchmark's test function ends in a program: the position (a character index of
 * the main file's contents) right after its last assertion, or undefined when the program
 * does not end with the benchmark's tests.
 */
export type TestEndLocator = (source: string) => number | undefined;

/** passk's completion evidence, written into the benchmark's test function before it runs. */
export interface TestEvidence {
  /** Where the test function ends (after its last assertion). */
  readonly locate: TestEndLocator;
  /** The code written there: it prints the completion sentinel. */
  readonly code: string;
}

/** The shape of a benchmark's test function and of the call that ends the program. */
export interface TestFunctionShape {
  /** The line that opens the test function; its last occurrence in the file counts. */
  readonly header: RegExp;
  /** The line that closes it: the first line after the header that matches. */
  readonly close: RegExp;
  /** Everything after the closing line, to the end of the file (the test call). */
  readonly rest: RegExp;
}

/** Time limit of the step that writes the evidence into the program, in milliseconds. */
const PREPARE_TIMEOUT_MS = 10_000;

/**
 * A locator for a test function of `shape`: the start of its closing line, when the header's
 * last occurrence is followed by a closing line and then by exactly `shape.rest`. Code
 * inserted there runs after the function's last assertion, inside the function, so only a
 * call of the benchmark's own test function that got through every assertion runs it.
 */
export function testFunctionEnd(shape: TestFunctionShape): TestEndLocator {
  return (source) => {
    const lines = source.split('\n');
    let header = -1;
    for (let index = lines.length - 1; index >= 0; index--) {
      if (shape.header.test(lines[index] as string)) {
        header = index;
        break;
      }
    }
    if (header < 0) return undefined;
    for (let index = header + 1; index < lines.length; index++) {
      if (!shape.close.test(lines[index] as string)) continue;
      if (!shape.rest.test(lines.slice(index + 1).join('\n'))) return undefined;
      return lines.slice(0, index).reduce((offset, line) => offset + line.length + 1, 0);
    }
    return undefined;
  };
}

/**
 * A locator for tests that are top-level assertions (Swift): the end of the file, when its
 * last non-blank line matches `lastAssertion`.
 */
export function afterLastAssertion(lastAssertion: RegExp): TestEndLocator {
  return (source) => {
    const last = source.trimEnd().split('\n').at(-1) ?? '';
    return lastAssertion.test(last) ? source.length : undefined;
  };
}

/**
 * A `print`-like statement's arguments that make the completion sentinel at run time: the
 * sentinel is split in two literals so that the program's own text, printed as it is (a PHP
 * file without `<?php`), never holds a line that is the sentinel.
 */
export const SENTINEL_PARTS = [
  COMPLETION_SENTINEL.slice(0, 13),
  COMPLETION_SENTINEL.slice(13),
] as const;

/**
 * The step that writes `code` into the program's main file at the end of the benchmark's test
 * function (in place, with `head`, `printf` and `tail`), or no step when `locate` does not find
 * the test function: the program then runs unchanged and carries no evidence, so it cannot
 * pass. File names, and the line numbers of everything before the insertion, stay as the
 * reference harness has them.
 */
export function testEvidenceSteps(program: Program, locate: TestEndLocator, code: string): Step[] {
  const contents = program.files.find((file) => file.path === program.mainFile)?.contents;
  if (contents === undefined) return [];
  const at = locate(contents);
  if (at === undefined) return [];
  const bytes = Buffer.byteLength(contents.slice(0, at), 'utf8');
  return [
    {
      name: 'prepare',
      argv: [
        '/bin/sh',
        '-c',
        'head -c "$2" -- "$1" > "$1.passk" && printf "%s" "$3" >> "$1.passk" && tail -c "+$(($2 + 1))" -- "$1" >> "$1.passk" && mv -f -- "$1.passk" "$1"',
        'sh',
        program.mainFile,
        String(bytes),
        code,
      ],
      timeoutMs: PREPARE_TIMEOUT_MS,
      // The isolated judges read the program as prepared (no code of it has run yet).
      keepFiles: [program.mainFile],
    },
  ];
}

/** `source` with `code` inserted where `locate` says (what {@link testEvidenceSteps} writes). */
export function withTestEvidence(source: string, locate: TestEndLocator, code: string): string {
  const at = locate(source);
  return at === undefined ? source : `${source.slice(0, at)}${code}${source.slice(at)}`;
}
