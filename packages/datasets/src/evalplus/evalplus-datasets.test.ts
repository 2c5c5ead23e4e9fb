import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataContext, readEvalPlusConfig } from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createHumanEvalPlusDataset } from '../humaneval-plus/humaneval-plus.ts';
import { createMbppDataset } from '../mbpp/mbpp.ts';
import { createMbppPlusDataset } from '../mbpp-plus/mbpp-plus.ts';

const dataDir = process.env.PASSK_DATA_DIR ?? '';
const cacheDir = mkdtempSync(join(tmpdir(), 'passk-evalplus-datasets-'));
const context: DataContext = { dataDir, cacheDir, allowDownload: false };
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('EvalPlus datasets', () => {
  it.each([
    [createHumanEvalPlusDataset(), 'humaneval-plus', 'v0.1.10', 164, 1570, 122683],
    [
      createHumanEvalPlusDataset({ variant: 'v0.1.9' }),
      'humaneval-plus-v0.1.9',
      'v0.1.9',
      164,
      1570,
      123739,
    ],
    [
      createHumanEvalPlusDataset({ variant: 'mini' }),
      'humaneval-plus-mini',
      'v0.1.10-mini',
      164,
      1570,
      1107,
    ],
    [
      createHumanEvalPlusDataset({ variant: 'noextreme' }),
      'humaneval-plus-noextreme',
      'v0.1.10-noextreme',
      164,
      1570,
      122504,
    ],
    [createMbppPlusDataset(), 'mbpp-plus', 'v0.2.0', 378, 1174, 39841],
    [createMbppPlusDataset({ variant: 'v0.1.0' }), 'mbpp-plus-v0.1.0', 'v0.1.0', 399, 1236, 42082],
    [
      createMbppPlusDataset({ variant: 'noextreme' }),
      'mbpp-plus-noextreme',
      'v0.2.0-noextreme',
      378,
      1174,
      39636,
    ],
  ])('%s loads with its inputs counted', async (dataset, id, version, problems, base, plus) => {
    expect([dataset.id, dataset.version]).toEqual([id, version]);
    const loaded = await dataset.load(context);
    expect(loaded.problems).toHaveLength(problems);
    const sum = (key: 'baseInputs' | 'plusInputs') =>
      loaded.problems.reduce(
        (total, problem) => total + (problem.metadata.evalplus as Record<string, number>)[key],
        0,
      );
    expect([sum('baseInputs'), sum('plusInputs')]).toEqual([base, plus]);
    expect(loaded.contentHash).toBe(dataset.files[0]?.sha256);
  });

  it('builds EvalPlus programs: completion after the prompt, or a whole solution', async () => {
    // v0.1.0 is scored as in its time: a 1 s minimum per-input limit and its MBPP oracles.
    const dataset = createMbppPlusDataset({ variant: 'v0.1.0' });
    const { problems } = await dataset.load(context);
    const problem = problems[0];
    if (problem === undefined) throw new Error('no problem');
    const completion = dataset.buildProgram(problem, {
      code: 'def f(): pass\n',
      kind: 'completion',
    });
    expect(completion.judge).toBe('evalplus');
    expect(completion.files[0]).toEqual({
      path: 'solution.py',
      contents: `${problem.prompt}def f(): pass\n`,
    });
    const config = readEvalPlusConfig(completion);
    expect(config).toEqual({
      kind: 'mbpp',
      dataFile: join(dataDir, 'mbpp-plus/v0.1.0/MbppPlus.jsonl.gz'),
      groundTruthDir: join(cacheDir, 'evalplus', 'mbpp-57d639e77667d889-gt2'),
      taskIndex: 0,
      taskId: 'Mbpp/2',
      minTimeLimitMs: 1000,
      gtTimeLimitFactor: 4,
      mbppOracles: 'v0.1.0',
    });
    const current = createHumanEvalPlusDataset({ gtTimeLimitFactor: 2 });
    const [first] = (await current.load(context)).problems;
    const program = current.buildProgram(first as NonNullable<typeof first>, {
      code: '',
      kind: 'completion',
    });
    expect(readEvalPlusConfig(program)).toMatchObject({
      kind: 'humaneval',
      minTimeLimitMs: 4000,
      gtTimeLimitFactor: 2,
    });
    expect(readEvalPlusConfig(program).mbppOracles).toBeUndefined();
    const solution = dataset.buildProgram(problem, { code: 'x = 1\n', kind: 'solution' });
    expect(solution.files[0]?.contents).toBe('x = 1\n');
    expect(problem.referenceCompletion).toContain('def similar_elements');
    expect(problem.stopSequences).toContain('\n"""');
  });

  it('rejects a bad record naming the file, line and field', async () => {
    const path = join(cacheDir, 'bad.jsonl');
    writeFileSync(
      path,
      `${JSON.stringify({ task_id: 'X/0', prompt: '', entry_point: 'f', canonical_solution: '', atol: 0, base_input: [], plus_input: [] })}\n{"task_id": "X/1", "prompt": ""}\n`,
    );
    await expect(createHumanEvalPlusDataset({ path }).load(context)).rejects.toThrow(
      /bad\.jsonl, line 2, at \/entry_point: missing required field 'entry_point'|sha256/,
    );
  });
});

describe('MBPP', () => {
  it('is the 500-task test split with bigcode prompts and asserts', async () => {
    const dataset = createMbppDataset();
    const { problems } = await dataset.load(context);
    expect(problems).toHaveLength(500);
    const [first] = problems;
    expect(first?.id).toBe('Mbpp/11');
    expect(first?.entryPoint).toBe('remove_Occ');
    expect(first?.prompt).toBe(
      '"""\nWrite a python function to remove first and last occurrence of a given character from the string.\nassert remove_Occ("hello","l") == "heo"\n"""\n',
    );
    const program = dataset.buildProgram(first as NonNullable<typeof first>, {
      code: 'def remove_Occ(s, c): return s\n',
      kind: 'completion',
    });
    expect(program.judge).toBe('humaneval-exec');
    expect(program.timeoutMs).toBe(3000);
    expect(program.files[0]?.contents).toBe(
      `${first?.prompt}def remove_Occ(s, c): return s\n\n${first?.tests}`,
    );
    expect(first?.tests.split('\n')).toHaveLength(3);
  });
});
