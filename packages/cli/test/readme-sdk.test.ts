/**
 * The README's programmatic example (section "SDK") is at most 15 lines and runs as written
 * with `npx tsx`, in a fresh project that has `passk` installed: both reference solutions
 * pass, the summary is summary.json, and running it again resumes the same run.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'passk-readme-sdk-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** The first TypeScript block of the README's "## SDK" section. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## SDK\n'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('README.md has no ```ts block under ## SDK');
  return match[1];
}

describe('README SDK example', () => {
  it('is at most 15 lines and runs with npx tsx, twice (the second run resumes)', async () => {
    const code = readmeExample();
    expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(15);
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(join(REPO, 'packages/cli'), join(project, 'node_modules/passk'));
    writeFileSync(join(project, 'example.ts'), code);
    const env = { ...process.env, PASSK_CACHE_DIR: join(project, '.cache') };
    const tsx = join(REPO, 'node_modules/.bin/tsx');
    const first = await promisify(execFile)(tsx, ['example.ts'], { cwd: project, env });
    expect(first.stdout).toMatch(/'1': \{ estimate: 1, ci_low: 1, ci_high: 1 \}/);
    expect(first.stdout).toContain(join(project, 'runs/two'));
    const summary = JSON.parse(readFileSync(join(project, 'runs/two/summary.json'), 'utf8'));
    expect(summary).toMatchObject({ dataset: 'two-problems', problems: 2, samples: 2 });
    expect(summary.statuses.passed).toBe(2);
    const results = () => readFileSync(join(project, 'runs/two/results.jsonl'), 'utf8');
    const before = results();
    const second = await promisify(execFile)(tsx, ['example.ts'], { cwd: project, env });
    expect(second.stdout).toBe(first.stdout);
    expect(results()).toBe(before);
  }, 120_000);
});
