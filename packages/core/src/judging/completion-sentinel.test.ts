import { describe, expect, it } from 'vitest';
import {
  COMPLETION_SENTINEL,
  hasCompletionSentinel,
  withoutCompletionSentinel,
} from './completion-sentinel.ts';

describe('completion sentinel', () => {
  it('is found only as a whole line', () => {
    expect(hasCompletionSentinel(`out\n${COMPLETION_SENTINEL}\n`)).toBe(true);
    expect(hasCompletionSentinel(`${COMPLETION_SENTINEL}\r\n`)).toBe(true);
    expect(hasCompletionSentinel(`x${COMPLETION_SENTINEL}\n`)).toBe(false);
    expect(hasCompletionSentinel('')).toBe(false);
  });

  it('is removed without touching the rest of the output', () => {
    expect(withoutCompletionSentinel(`${COMPLETION_SENTINEL}\n`)).toBe('');
    expect(withoutCompletionSentinel(`a\n${COMPLETION_SENTINEL}\nb\n`)).toBe('a\nb\n');
    expect(withoutCompletionSentinel('plain\n')).toBe('plain\n');
  });
});
