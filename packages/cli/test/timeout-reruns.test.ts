import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, runCli, workspace } from './run-cli.ts';

const humanEval = join(DATA_DIR, 'humaneval/HumanEval.jsonl.gz');

/**
 * `passk evaluate` in the bwrap sandbox re-runs a timeout that mostly waited and keeps a
 * CPU-bound one (at least 90% of its wall-clock time as CPU) without a re-run. A busy program
 * is CPU-bound only when the machine gave it the CPU (a starved one is re-run by design), so
 * its result is checked against what it records (`cpu_bound`); the sleeping one is never
 * CPU-bound and must be re-run.
 */
describe('timeouts of passk evaluate', () => {
  it.skipIf(!existsSync(humanEval))(
    're-runs a sleeping program alone and a busy one only when it was not CPU-bound',
    async () => {
      const { dir, env } = workspace();
      const samples = [
        { task_id: 'HumanEval/0', completion: '    import time\n    time.sleep(100)\n' },
        {
          task_id: 'HumanEval/1',
          completion: [
            '    import hashlib, threading',
            '    def spin():',
            "        data = b'x' * (1 << 20)",
            '        while True:',
            '            hashlib.sha256(data).digest()',
            '    for _ in range(3):',
            '        threading.Thread(target=spin, daemon=True).start()',
            '    spin()',
            '',
          ].join('\n'),
        },
        { task_id: 'HumanEval/2', completion: '    return number % 1.0\n' },
      ];
      const file = join(dir, 'samples.jsonl');
      writeFileSync(file, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
      const result = await runCli(
        ['evaluate', file, '--dataset', 'humaneval', '--out', 'run', '--json', '--no-cache'],
        { cwd: dir, env },
      );
      expect(result.code).toBe(0);
      const results = new Map(
        readFileSync(join(dir, 'run/results.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .map((record) => [record.task_id, record]),
      );
      const asleep = results.get('HumanEval/0');
      const busy = results.get('HumanEval/1');
      expect(asleep).toMatchObject({
        status: 'timeout',
        cpu_bound: false,
        rerun: { first_status: 'timeout' },
      });
      expect(busy).toMatchObject({ status: 'timeout', cpu_bound: expect.any(Boolean) });
      expect(busy?.rerun !== undefined).toBe(busy?.cpu_bound === false);
      expect(results.get('HumanEval/2')).toMatchObject({ status: 'passed' });
      expect(results.get('HumanEval/2')?.cpu_bound).toBeUndefined();
      const summary = JSON.parse(result.stdout);
      expect(summary.timeout_reruns).toEqual({
        rerun: busy?.cpu_bound ? 1 : 2,
        changed: 0,
        cpu_bound: busy?.cpu_bound ? 1 : 0,
      });
    },
    120_000,
  );
});
