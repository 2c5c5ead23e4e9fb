/**
 * `passk/testing`'s dataset kit reports what is wrong, naming the task: a failing reference, a
 * must-fail control that passes, a program assembled differently twice, a missing reference.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset } from '../src/index.ts';
import { checkDataset } from '../src/testing.ts';

const problem = (id: string, referenceCompletion?: string) => ({
  id,
  language: 'python',
  prompt: `def ${id}(x):\n`,
  entryPoint: id,
  tests: `\ndef check(candidate):\n    assert candidate(2) == 4\n\ndef test_check():\n    check(${id})\n\ntest_check()\n`,
  stopSequences: [],
  metadata: {},
  ...(referenceCompletion === undefined ? {} : { referenceCompletion }),
});

describe('checkDataset', () => {
  it('passes a sound dataset and names every fault of a broken one', async () => {
    let assembled = 0;
    const build = (unstable: boolean) =>
      defineDataset({
        id: 'kit',
        problems: [
          problem('square', '    return x * x\n'),
          problem('twice', unstable ? '    return x + 1\n' : '    return x + x\n'),
          problem('bare'),
        ],
        buildProgram: ({ prompt, tests }, { code }) => ({
          language: 'python',
          files: [{ path: 'main.py', contents: `${prompt}${code}\n${tests}` }],
          mainFile: 'main.py',
          judge: 'script',
          timeoutMs: 10_000 + (unstable ? assembled++ : 0),
        }),
      });
    const mustFail = [
      { taskId: 'square', completion: '    return x\n' },
      { taskId: 'twice', completion: '    return 2 * x\n' },
    ];
    const broken = await checkDataset(build(true), { mustFail });
    expect(broken.ok).toBe(false);
    expect(broken.counts).toEqual({ problems: 3, references: 2, controls: 2 });
    expect(broken.problems).toEqual([
      'square: the same candidate assembled two different programs',
      'twice: the same candidate assembled two different programs',
      expect.stringMatching(/^twice: reference failed/),
      'bare: no reference completion',
      'square: the same candidate assembled two different programs',
      'twice: the same candidate assembled two different programs',
      'twice: a must-fail control passed',
    ]);
    const sound = await checkDataset(build(false), { mustFail: mustFail.slice(0, 1) });
    expect(sound.problems).toEqual(['bare: no reference completion']);
  }, 120_000);
});
