import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../../scripts/test-support/temporary-directory.ts';
import { readJsonl } from './read-jsonl.ts';

const directory = temporaryDirectory('passk-read-jsonl-');

describe('readJsonl', () => {
  it('reads gzip files, skips blank lines and numbers lines from 1', async () => {
    const path = join(directory, 'lines.jsonl.gz');
    writeFileSync(path, gzipSync('{"a":1}\n\n{"a":2}\n'));
    expect(await readJsonl(path)).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
    ]);
  });

  it('parses with the given parser and names the file and line of a bad one', async () => {
    const path = join(directory, 'nan.jsonl');
    writeFileSync(path, '[NaN]\n{\n');
    const parse = (text: string) => JSON.parse(text.replace('NaN', 'null'));
    await expect(readJsonl(path, { parse, displayName: 'nan.jsonl' })).rejects.toThrow(
      /^nan\.jsonl, line 2: not valid JSON/,
    );
    writeFileSync(path, '[NaN]\n');
    expect(await readJsonl(path, { parse })).toEqual([{ line: 1, value: [null] }]);
  });

  it('gives the event loop turns while it parses a long file', async () => {
    const path = join(directory, 'slow.jsonl');
    writeFileSync(path, '1\n'.repeat(60));
    // Counts the event loop's turns from the first line on. Each line takes at least 1 ms:
    // 60 ms in all, six times the 10 ms slice.
    let turns = 0;
    let ticker: NodeJS.Timeout | undefined;
    const parse = (text: string) => {
      ticker ??= setInterval(() => turns++, 0);
      const until = performance.now() + 1;
      while (performance.now() < until);
      return JSON.parse(text);
    };
    const lines = await readJsonl(path, { parse });
    clearInterval(ticker);
    expect(lines).toHaveLength(60);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});
