import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { executionQueueName } from './queue-names.ts';
import { parseQueueUrl } from './queue-url.ts';

describe('parseQueueUrl', () => {
  it('reads host, port, database, credentials and TLS, and hides the password', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6390/3')).toEqual({
      display: 'redis://127.0.0.1:6390/3',
      connection: { host: '127.0.0.1', port: 6390, db: 3 },
    });
    expect(parseQueueUrl('rediss://passk:s%40cret@queue.example.org')).toEqual({
      display: 'rediss://passk:***@queue.example.org',
      connection: {
        host: 'queue.example.org',
        port: 6379,
        db: 0,
        username: 'passk',
        password: 's@cret',
        tls: { servername: 'queue.example.org' },
      },
    });
  });

  it.each([
    ['not a url', /expects a Redis URL/],
    ['http://host:6379', /redis:\/\/ or rediss:\/\//],
    ['redis://host:6379/queue', /database number/],
    ['redis://host:6379/0?prefix=x', /options passk does not read/],
  ])('refuses %s with a UsageError naming the flag', (value, message) => {
    expect(() => parseQueueUrl(value)).toThrow(message);
    expect(() => parseQueueUrl(value)).toThrow(/--queue/);
  });
});

describe('executionQueueName', () => {
  it('routes by sandbox, language and toolchain version', () => {
    const name = executionQueueName('bwrap', 'python', '3.11.2');
    expect(name).toMatch(/^exec\.bwrap\.python\.[0-9a-f]{12}$/);
    expect(executionQueueName('bwrap', 'python', '3.12.1')).not.toBe(name);
    expect(executionQueueName('none', 'python', '3.11.2')).not.toBe(name);
  });
});

describe('bad --queue input', () => {
  const io = (stderr: string[]) =>
    ({
      stdout: { write: () => true },
      stderr: { write: (text: string) => stderr.push(text) > 0 },
      env: { PASSK_OFFLINE: '1' },
      cwd: process.cwd(),
      signal: new AbortController().signal,
    }) as unknown as Parameters<typeof main>[1];

  it('passk evaluate --queue with a bad URL, and passk worker without --queue, exit 2', async () => {
    const first: string[] = [];
    expect(
      await main(['evaluate', 'x.jsonl', '--dataset', 'demo', '--queue', 'http://h'], io(first)),
    ).toBe(2);
    expect(first.join('')).toMatch(/passk: --queue expects a redis:\/\/ or rediss:\/\//);
    const second: string[] = [];
    expect(await main(['worker', '--concurrency', '2'], io(second))).toBe(2);
    expect(second.join('')).toContain('--queue is required');
  });
});
