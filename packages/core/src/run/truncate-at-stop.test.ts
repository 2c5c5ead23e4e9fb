import { describe, expect, it } from 'vitest';
import { truncateAtStop } from './truncate-at-stop.ts';

describe('truncateAtStop', () => {
  it('cuts at the earliest occurrence of any stop sequence', () => {
    expect(truncateAtStop('    return 1\n\ndef g():\n#x', ['\n#', '\ndef'])).toBe('    return 1\n');
  });
  it('leaves text without stop sequences alone, and ignores empty stops', () => {
    expect(truncateAtStop('    return 1\n', ['\nclass', ''])).toBe('    return 1\n');
  });
});
