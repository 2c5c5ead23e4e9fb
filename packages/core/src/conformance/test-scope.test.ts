import { describe, expect, it } from 'vitest';
import { PasskError } from '../errors/passk-error.ts';
import { scopedSubset, testScope } from './test-scope.ts';

const samples = ['A/0', 'A/0', 'A/1', 'A/2', 'A/2', 'A/3', 'A/4', 'A/5'].map((task, index) => ({
  task,
  index,
}));

describe('test scope', () => {
  it('is quick by default and full only when asked for', () => {
    expect(testScope({})).toBe('quick');
    expect(testScope({ PASSK_TEST_SCOPE: '' })).toBe('quick');
    expect(testScope({ PASSK_TEST_SCOPE: 'full' })).toBe('full');
    expect(() => testScope({ PASSK_TEST_SCOPE: 'everything' })).toThrow(PasskError);
    expect(() => testScope({ PASSK_TEST_SCOPE: 'everything' })).toThrow(/PASSK_TEST_SCOPE/);
  });

  it('keeps every n-th task with all its samples, plus the named ones; everything when full', () => {
    const quick = scopedSubset(samples, {
      id: (sample) => sample.task,
      every: 3,
      keep: ['A/4'],
      scope: 'quick',
    });
    expect(quick.map((sample) => sample.index)).toEqual([0, 1, 5, 6]);
    const full = scopedSubset(samples, { id: (sample) => sample.task, every: 3, scope: 'full' });
    expect(full).toEqual(samples);
    expect(() =>
      scopedSubset(samples, { id: (sample) => sample.task, every: 0, scope: 'quick' }),
    ).toThrow(/every/);
  });
});
