import { describe, expect, it } from 'vitest';
import type { Problem } from '../spec/problem.ts';
import { checkDay, selectDateWindow } from './date-window.ts';

const problem = (id: string, date?: string): Problem => ({
  id,
  datasetId: 'jsonl:x',
  language: 'python',
  prompt: '',
  entryPoint: 'f',
  tests: '',
  stopSequences: [],
  metadata: date === undefined ? {} : { date },
});

describe('date windows (--since / --until)', () => {
  const problems = [
    problem('a', '2023-08-31'),
    problem('b', '2023-09-01T12:00:00Z'),
    problem('c', '2024-01-15'),
    problem('d'),
  ];

  it('keeps problems dated inside the window, both ends inclusive, undated ones out', () => {
    const ids = (selected: Problem[]) => selected.map((entry) => entry.id);
    expect(ids(selectDateWindow(problems, { since: '2023-09-01' }))).toEqual(['b', 'c']);
    expect(ids(selectDateWindow(problems, { until: '2023-09-01' }))).toEqual(['a', 'b']);
    expect(ids(selectDateWindow(problems, { since: '2023-09-02', until: '2024-01-15' }))).toEqual([
      'c',
    ]);
    expect(ids(selectDateWindow(problems, {}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses malformed or impossible days, naming the flag', () => {
    expect(() => checkDay('2024-02-30', '--until')).toThrow(/--until expects a date YYYY-MM-DD/);
    expect(() => selectDateWindow(problems, { since: 'yesterday' })).toThrow(
      /--since expects a date YYYY-MM-DD.*'yesterday'/,
    );
    expect(() => selectDateWindow(problems, { since: '2024-01-01', until: '2023-01-01' })).toThrow(
      /--since 2024-01-01 is after --until 2023-01-01/,
    );
    expect(() => selectDateWindow([problem('x')], { until: '2024-01-01' })).toThrow(
      /--until: the dataset's problems carry no dates/,
    );
  });
});
