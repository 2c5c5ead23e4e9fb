import { describe, expect, it } from 'vitest';
import { readJsonLines } from './shared-data.ts';

/** What a test splitter of an output judge gives: the candidate's part, the entry, the calls. */
interface Split {
  readonly candidate: string;
  readonly entry: string;
  readonly calls: readonly { readonly args: string; readonly expected: string }[];
}

/** The cases of {@link describeSplitter} for one language's splitter. */
export interface SplitterCases {
  readonly split: (source: string) => Split | undefined;
  /** A program in the benchmark's shape, and what it splits into. */
  readonly program: string;
  readonly expected: Split;
  /** Lines that make the program's test part another shape (each replaces `marker`). */
  readonly marker: string;
  readonly otherShapes: readonly string[];
  /** The MultiPL-E file of the language and its number of tasks, every one of which must split. */
  readonly dataset: string;
  readonly tasks: number;
}

/** The tests every output judge's splitter must pass (see {@link SplitterCases}). */
export function describeSplitter(title: string, cases: SplitterCases): void {
  describe(title, () => {
    it("takes MultiPL-E's tests apart: strings, characters and comments stay whole", () => {
      expect(cases.split(cases.program)).toEqual(cases.expected);
    });

    it('does not split a test part of another shape', () => {
      for (const line of cases.otherShapes) {
        expect(cases.split(cases.program.replace(cases.marker, line))).toBeUndefined();
      }
    });

    it('splits every MultiPL-E task', () => {
      const tasks = readJsonLines<{ name: string; prompt: string; tests: string }>(cases.dataset);
      const unsplit = tasks.filter(
        (task) => cases.split(`${task.prompt}\n${task.tests}`) === undefined,
      );
      expect([tasks.length, unsplit.map((task) => task.name)]).toEqual([cases.tasks, []]);
    });
  });
}
