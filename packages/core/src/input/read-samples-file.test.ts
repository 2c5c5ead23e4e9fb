import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../../scripts/test-support/temporary-directory.ts';
import { readSamplesFile } from './read-samples-file.ts';

const write = (text: string) => {
  const path = join(temporaryDirectory('passk-samples-'), 'samples.jsonl');
  writeFileSync(path, text);
  return path;
};

describe('readSamplesFile', () => {
  it('groups samples by task in file order and detects the format', async () => {
    const path = write(
      '{"task_id":"a","completion":"1"}\n{"task_id":"b","completion":"2"}\n{"task_id":"a","completion":"3"}\n',
    );
    const file = await readSamplesFile(path);
    expect(file.format).toBe('human-eval');
    expect(
      file.byTask.get('a')?.map((sample) => [sample.code, sample.sampleIndex, sample.line]),
    ).toEqual([
      ['1', 0, 1],
      ['3', 1, 3],
    ]);
  });

  it('prefers an EvalPlus solution (a whole program) over a completion', async () => {
    const file = await readSamplesFile(
      write('{"task_id":"a","completion":"body","solution":"def f(): pass"}\n'),
    );
    expect(file.byTask.get('a')?.[0]).toMatchObject({ code: 'def f(): pass', kind: 'solution' });
    expect(file.format).toBe('evalplus');
  });

  it('reads HumanEval-X generations as completions', async () => {
    const file = await readSamplesFile(write('{"task_id":"CPP/0","generation":"}"}\n'));
    expect(file.byTask.get('CPP/0')?.[0]).toMatchObject({ kind: 'completion', code: '}' });
  });

  it('names file and line of a malformed line', async () => {
    const path = write('{"task_id":"a","completion":"1"}\n{"task_id": "a", completion\n');
    await expect(readSamplesFile(path, 'samples.jsonl')).rejects.toThrow(
      /^samples\.jsonl, line 2: not valid JSON/,
    );
  });

  it('names the missing field', async () => {
    await expect(readSamplesFile(write('{"completion":"1"}\n'), 's.jsonl')).rejects.toThrow(
      "s.jsonl, line 1, at /task_id: missing required field 'task_id'",
    );
    await expect(
      readSamplesFile(write('{"task_id":"a","output":"1"}\n'), 's.jsonl'),
    ).rejects.toThrow(/s\.jsonl, line 1.*completion/);
    await expect(
      readSamplesFile(write('{"task_id":"a","completion":5}\n'), 's.jsonl'),
    ).rejects.toThrow('s.jsonl, line 1, at /completion: expected string');
  });

  it('rejects an empty file', async () => {
    await expect(readSamplesFile(write('\n'), 'e.jsonl')).rejects.toThrow(
      'e.jsonl: no samples in file',
    );
  });
});
