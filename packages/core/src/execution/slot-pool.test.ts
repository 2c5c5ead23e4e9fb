import { describe, expect, it } from 'vitest';
import { SlotPool } from './slot-pool.ts';

describe('SlotPool', () => {
  it('hands a released slot to the earliest urgent caller, then to the others in order', async () => {
    const pool = new SlotPool(1, () => undefined);
    const held = await pool.acquire();
    const order: string[] = [];
    const wait = (name: string, urgent: boolean) =>
      pool.acquire(undefined, urgent).then((slot) => {
        order.push(name);
        pool.release(slot);
      });
    const all = Promise.all([
      wait('batch 1', false),
      wait('batch 2', false),
      wait('urgent 1', true),
      wait('urgent 2', true),
    ]);
    pool.release(held);
    await all;
    expect(order).toEqual(['urgent 1', 'urgent 2', 'batch 1', 'batch 2']);
  });
});
