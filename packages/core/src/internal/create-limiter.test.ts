import { describe, expect, it } from 'vitest';
import { createLimiter } from './create-limiter.ts';

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks, starting urgent queued tasks before the others', async () => {
    const limit = createLimiter(1);
    let release: () => void = () => {};
    const order: string[] = [];
    const first = limit(() => new Promise<void>((resolve) => (release = resolve)));
    const task = (name: string) => async () => {
      order.push(name);
    };
    const rest = [
      limit(task('batch 1')),
      limit(task('urgent 1'), true),
      limit(task('batch 2')),
      limit(task('urgent 2'), true),
    ];
    expect(order).toEqual([]);
    release();
    await Promise.all([first, ...rest]);
    expect(order).toEqual(['urgent 1', 'urgent 2', 'batch 1', 'batch 2']);
  });
});
